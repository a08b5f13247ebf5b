"""The content checks, one module per concern, each rule registered with its code.

`validate(corpus)` runs them all and returns every finding at once, sorted by place. The same
function serves `kennisbank check`, the MkDocs plugin and CI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..diagnostic import Diagnostic, sort_diagnostics
from ..links import Graph
from ..load import Corpus
from . import (  # noqa: F401  (they register their rules)
    bibtex,
    fields,
    glossary,
    ids,
    pasted,
    privacy,
    references,
    safety,
)
from .registry import LOADER_CODES, RULES, Context, Rule

__all__ = ["LOADER_CODES", "RULES", "Rule", "Summary", "summarise", "validate"]


def validate(corpus: Corpus, graph: Graph | None = None) -> list[Diagnostic]:
    """Run every rule; return all diagnostics (loading included), sorted by place."""
    ctx = Context(corpus, graph)
    found: list[Diagnostic] = list(corpus.diagnostics)
    for check in RULES:
        found.extend(check(ctx))
    return sort_diagnostics(found)


@dataclass(frozen=True)
class Summary:
    errors: int
    warnings: int


def summarise(diagnostics: Iterable[Diagnostic]) -> Summary:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.is_error)
    return Summary(errors=errors, warnings=len(items) - errors)
