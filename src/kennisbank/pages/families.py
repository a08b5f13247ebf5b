"""The registry of page families: each module that makes pages registers one function.

A new kind of page (projection, handout, overview) is a new module with a `@family`
function; `render_site` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .context import Page, RenderContext

Family = Callable[[RenderContext], Iterable[Page]]
FAMILIES: dict[str, Family] = {}


def family(name: str) -> Callable[[Family], Family]:
    def register(function: Family) -> Family:
        if name in FAMILIES:
            raise ValueError(f"page family {name!r} registered twice")
        FAMILIES[name] = function
        return function

    return register
