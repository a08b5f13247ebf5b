"""The registry of page families: each module that makes pages registers itself.

A new kind of page (projection, handout, overview) is a new module with a `@family`
function, and a function that names its page paths without rendering anything (for
`kennisbank diff`, which must not run pandoc); `render_site` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..links import Graph
from .context import Page, RenderContext

Make = Callable[[RenderContext], Iterable[Page]]
Paths = Callable[[Graph], Iterable[str]]


@dataclass(frozen=True)
class Family:
    name: str
    make: Make
    paths: Paths


FAMILIES: dict[str, Family] = {}


def family(name: str, *, paths: Paths) -> Callable[[Make], Make]:
    def register(make: Make) -> Make:
        if name in FAMILIES:
            raise ValueError(f"page family {name!r} registered twice")
        FAMILIES[name] = Family(name=name, make=make, paths=paths)
        return make

    return register
