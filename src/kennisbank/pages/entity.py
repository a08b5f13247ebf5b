"""A page per entity: kwestie, principe, casus, begrip, bundel."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import ENTITY_TYPES, Begrip, Bundel, Casus, Entity, Kwestie, Principe
from .context import Page, RenderContext
from .families import family
from .search import entity_search_meta
from .works import citation_meta


@family("entity", paths=lambda graph: (e.page for e in graph.corpus.entities))
def entity_pages(ctx: RenderContext) -> Iterator[Page]:
    for entity in ctx.corpus.entities:
        yield entity_page(ctx, entity)


def entity_page(ctx: RenderContext, entity: Entity) -> Page:
    meta: dict[str, Any] = {"description": entity.summary}
    if entity.tags:
        meta["tags"] = list(entity.tags)
    if isinstance(entity, Kwestie):
        meta["search"] = {"boost": 2}
    bronnen = ctx.sources(entity)
    bundels = [s.bundel.titel for s in bronnen if s.bundel and s.bundel is not entity]
    meta["zoeken"] = entity_search_meta(entity, bundels)
    if isinstance(entity, Bundel) and entity.bib in ctx.literature.works:
        meta["citation"] = citation_meta(ctx.literature.works[entity.bib])
    graph = ctx.graph
    return ctx.template(
        f"{entity.kind}.md.j2",
        entity.page,
        entity.title,
        meta,
        entity=entity,
        body=ctx.body(entity),
        panels=panels(ctx, entity),
        bronnen=bronnen,
        reeks=graph.reeks_of(entity) if isinstance(entity, Principe) else None,
        drawn_from=drawn_from(ctx, entity) if isinstance(entity, Bundel) else {},
        literatuur=ctx.literature.cited_on(entity),
        literature=ctx.literature,
    )


@dataclass(frozen=True, kw_only=True)
class Panel:
    """A list of related pages under its own heading."""

    title: str
    anchor: str
    items: list[Entity]


# Which panels each type shows, in order: (heading, anchor, what it lists). The one place
# that decides it; a type not listed shows none.
PANELS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "kwestie": (
        ("Principes bij deze kwestie", "principes", "principes"),
        ("Praktijk", "praktijk", "casussen"),
        ("Begrippen", "begrippen", "begrippen"),
        ("Verwant", "verwant", "verwant"),
        ("Genoemd in", "genoemd-in", "genoemd_in"),
    ),
    "principe": (
        ("Kwesties", "kwesties", "kwesties"),
        ("Praktijk", "praktijk", "casussen"),
        ("Begrippen", "begrippen", "begrippen"),
        ("Verwant", "verwant", "verwant"),
        ("Genoemd in", "genoemd-in", "genoemd_in"),
    ),
    "casus": (
        ("Kwesties", "kwesties", "kwesties"),
        ("Principes", "principes", "principes"),
        ("Begrippen", "begrippen", "begrippen"),
        ("Verwant", "verwant", "verwant"),
        ("Genoemd in", "genoemd-in", "genoemd_in"),
    ),
    "begrip": (
        ("Kwesties", "kwesties", "kwesties"),
        ("Principes", "principes", "principes"),
        ("Praktijk", "praktijk", "casussen"),
        ("Verwant", "verwant", "verwant"),
        ("Genoemd in", "genoemd-in", "genoemd_in"),
    ),
}


def panels(ctx: RenderContext, entity: Entity) -> list[Panel]:
    graph = ctx.graph

    def listed(what: str) -> list[Entity]:
        if what == "genoemd_in":
            return graph.mentioned_in(entity)
        if what == "verwant":
            return [
                e
                for e in graph.related(entity, type(entity))
                if e.id in entity.related_ids("verwant") or entity.id in e.related_ids("verwant")
            ]
        return graph.related(entity, RELATED[what])

    return [
        Panel(title=title, anchor=anchor, items=items)
        for title, anchor, what in PANELS.get(entity.kind, ())
        if (items := listed(what))
    ]


RELATED: Mapping[str, type[Entity]] = {
    "kwesties": Kwestie,
    "principes": Principe,
    "casussen": Casus,
    "begrippen": Begrip,
}


def drawn_from(ctx: RenderContext, bundel: Bundel) -> dict[str, list[Entity]]:
    """What the site takes from a bundle, by type."""
    groups: dict[str, list[Entity]] = {}
    drawn = ctx.graph.drawn_from(bundel)
    for cls in ENTITY_TYPES:
        found = [e for e in drawn if isinstance(e, cls) and e is not bundel]
        if found:
            groups[cls.plural] = found
    return groups
