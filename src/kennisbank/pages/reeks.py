"""A page per reeks: its members in the order of the source, and where they come from."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..links import Reeks
from .context import Page, RenderContext, Source
from .families import family
from .search import search_meta


@family("reeks", paths=lambda graph: (r.page for r in graph.reeksen.values()))
def reeks_pages(ctx: RenderContext) -> Iterator[Page]:
    for reeks in ctx.graph.reeksen.values():
        title = ctx.graph.reeks_title(reeks)
        bronnen = reeks_sources(ctx, reeks)
        zoeken = search_meta("reeks", bundels=[s.bundel.titel for s in bronnen if s.bundel])
        yield ctx.template(
            "reeks.md.j2",
            reeks.page,
            title,
            {"description": f"Reeks: {title}", "zoeken": zoeken},
            reeks=reeks,
            bronnen=bronnen,
        )


def reeks_sources(ctx: RenderContext, reeks: Reeks) -> list[Source]:
    """The chapters the members of a reeks come from, each once."""
    seen: dict[tuple[str, str | None], Source] = {}
    for member in reeks.leden:
        for source in ctx.sources(member):
            key = (source.bron.bundel, source.bron.hoofdstuk)
            if key not in seen:
                bron = dataclasses.replace(source.bron, sectie=None, pagina=None)
                seen[key] = dataclasses.replace(source, bron=bron)
    return list(seen.values())
