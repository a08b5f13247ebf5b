"""Rendering the corpus into Markdown pages (Jinja templates) and a navigation tree.

Knows nothing of MkDocs: the plugin turns `Site.pages` into virtual files, and
`kennisbank generate` writes the same pages to disk. Each page family is a module that
registers itself (families.py); `render_site` runs them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..links import Graph
from ..literature import Literature
from ..load import Corpus
from . import (  # noqa: F401  (they register their families)
    entity,
    indexes,
    meldingen,
    overview,
    redirect,
    reeks,
    works,
)
from .context import Page, RenderContext
from .families import FAMILIES
from .markdown import md_inline, relative
from .meldingen import with_banners
from .nav import NavItem, nav_with_docs, site_nav

__all__ = [
    "NavItem",
    "Page",
    "Site",
    "md_inline",
    "nav_with_docs",
    "page_paths",
    "relative",
    "render_site",
]


@dataclass(frozen=True, kw_only=True)
class Site:
    pages: tuple[Page, ...]
    nav: tuple[NavItem, ...]


def render_site(
    corpus: Corpus,
    graph: Graph | None = None,
    literature: Literature | None = None,
    diagnostics: Sequence[Diagnostic] | None = None,
) -> Site:
    """All pages; with `diagnostics` (a preview) also the findings: a banner on each affected
    page and the overview at /meldingen/."""
    ctx = RenderContext(corpus, graph, literature, diagnostics)
    pages = [page for family in FAMILIES.values() for page in family.make(ctx)]
    if diagnostics is not None:
        pages = with_banners(ctx, pages)
    pages.sort(key=lambda p: p.path)
    return Site(pages=tuple(pages), nav=tuple(site_nav(ctx)))


def page_paths(graph: Graph) -> set[str]:
    """Every page path `render_site` makes, named without rendering (no pandoc, no templates)."""
    return {path for family in FAMILIES.values() for path in family.paths(graph)}
