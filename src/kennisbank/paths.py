"""Where every generated page lives, and its URL: the one home for page paths.

A page path is relative to the docs root ("kwesties/eigen-kracht.md"); a redirect is a
finished HTML file ("kwesties/oude-naam/index.html"). The URL readers see follows from the
path ("/kwesties/eigen-kracht/"), as MkDocs and other engines with directory URLs make it.
"""

from __future__ import annotations

from collections.abc import Iterable

from slugify import slugify

INDEX = "index"
REEKSEN = "reeksen"
LITERATUUR = "literatuur"
PRINCIPES = "principes"
MELDINGEN = "meldingen"  # the check's findings, in a preview only (pages/meldingen.py)
# Names that generated pages take inside a content folder, or will take: no entity (nor an
# old id) may have them.
RESERVED_IDS: frozenset[str] = frozenset({INDEX, REEKSEN, "tags", LITERATUUR, "overzicht"})


def entity_page(folder: str, entity_id: str) -> str:
    return f"{folder}/{entity_id}.md"


def index_page(folder: str) -> str:
    return f"{folder}/{INDEX}.md"


def meldingen_page() -> str:
    return f"{MELDINGEN}/{INDEX}.md"


def reeks_page(bundel: str | None, slug: str) -> str:
    prefix = f"{bundel}/" if bundel else ""
    return f"{PRINCIPES}/{REEKSEN}/{prefix}{slug}.md"


def redirect_page(folder: str, old_id: str) -> str:
    return f"{folder}/{old_id}/{INDEX}.html"


def work_pages(keys: Iterable[str]) -> dict[str, str]:
    """A page per work: the key slugified, numbered in key order where two slugs collide, so
    the address never depends on how the literature happens to be sorted."""
    pages: dict[str, str] = {}
    used: set[str] = {INDEX}
    for key in sorted(keys):
        slug = slugify(key) or "werk"
        candidate, number = slug, 2
        while candidate in used:
            candidate, number = f"{slug}-{number}", number + 1
        used.add(candidate)
        pages[key] = f"{LITERATUUR}/{candidate}.md"
    return pages


def url(page: str) -> str:
    """The address of a page: "kwesties/x.md" → "/kwesties/x/", "bundels/index.md" → "/bundels/"."""
    path = page.removesuffix(".html").removesuffix(".md")
    path = path.removesuffix(INDEX).rstrip("/")
    return f"/{path}/" if path else "/"


OVERZICHT = "overzicht"


def overview_page(name: str = INDEX) -> str:
    """The overview pages: "overzicht/index.md" (kwesties × bronnen), "overzicht/tijdlijn.md", …"""
    return f"{OVERZICHT}/{name}.md"
