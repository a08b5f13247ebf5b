"""The navigation: one section per type, reeksen as sections with their members, works by
letter; and the hand-written pages of docs/ around it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..model import Begrip, Bundel, Casus, Kwestie, Principe
from ..paths import LITERATUUR, index_page, overview_page
from ..sorting import sort_key
from . import meldingen
from .context import RenderContext

NavItem = str | dict[str, Any]


def site_nav(ctx: RenderContext) -> list[NavItem]:
    sections: list[NavItem] = []
    titles = {
        Kwestie: "Kwesties",
        Principe: "Principes",
        Casus: "Praktijk",
        Begrip: "Begrippen",
        Bundel: "Bronnen",
    }
    for cls in (Kwestie, Principe, Casus, Begrip, Bundel):
        entities = sorted(ctx.corpus.of_type(cls), key=lambda e: sort_key(e.title))
        items: list[NavItem] = [index_page(cls.folder)]
        if cls is Principe:
            # Each reeks is a collapsed section with its members in order: the sidebar
            # stays short (navigation.prune renders only the open section) and a member
            # page still shows where it belongs.
            for reeks in ctx.graph.reeksen.values():
                members: list[NavItem] = [{"Overzicht": reeks.page}]
                members += [{p.title: p.page} for p in reeks.leden]
                items.append({ctx.graph.reeks_title(reeks): members})
            entities = [e for e in entities if isinstance(e, Principe) and not e.reeks]
        items += [{e.title: e.page} for e in entities]
        sections.append({titles[cls]: items})
    sections.append(
        {
            "Overzicht": [
                overview_page(),
                {"Tijdlijn": overview_page("tijdlijn")},
                {"Plaatsen": overview_page("plaatsen")},
            ]
        }
    )
    works: list[NavItem] = [index_page(LITERATUUR)]
    by_letter: dict[str, list[NavItem]] = defaultdict(list)
    for work in ctx.literature.works.values():
        by_letter[work.letter].append({work.label: work.page})
    works += [{letter: entries} for letter, entries in by_letter.items()]
    sections.append({"Literatuur": works})
    if ctx.diagnostics is not None:  # a preview: the findings come first
        sections.insert(0, meldingen.nav_section(ctx))
    return sections


def nav_with_docs(generated: Sequence[NavItem], docs_pages: Sequence[str]) -> list[NavItem]:
    """The full navigation: home first, then the generated sections, then other hand-written pages."""
    nav: list[NavItem] = []
    if "index.md" in docs_pages:
        nav.append("index.md")
    nav.extend(generated)
    nav.extend(p for p in sorted(docs_pages) if p != "index.md")
    return nav
