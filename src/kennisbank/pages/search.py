"""What a page tells the site search about itself: its kind, bundles, tags, extra terms, weight.

The front-matter key `zoeken` holds it, the same for every site builder; an adapter turns it
into what an engine reads (kennisbank.pagefind: attributes for Pagefind). Nothing here knows
the engine: the weights are ours, the engine only multiplies by them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Begrip, Bundel, Casus, Entity, Principe

# The kind a result shows and a filter offers, per page family (Dutch, as in the navigation).
LABELS = {
    "kwestie": "Kwestie",
    "principe": "Principe",
    "casus": "Praktijk",
    "begrip": "Begrip",
    "bundel": "Bron",
    "reeks": "Reeks",
    "werk": "Literatuur",
}

# How much a match on this kind of page counts, relative to a literature record: where a
# kwestie and a work match a query equally, the kwestie comes first (issue 14). Measured with
# scripts/search_eval.py; see the README (developer section, "Zoeken").
WEIGHTS = {
    "kwestie": 3.0,
    "begrip": 3.0,
    "principe": 2.0,
    "casus": 2.0,
    "reeks": 2.0,
    "bundel": 2.0,
    "werk": 1.0,
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def acronym(term: str) -> str | None:
    """`New Public Management` → `NPM`: the initials of a term of three words or more,
    which students type as an abbreviation; None for shorter terms."""
    words = _WORD.findall(term)
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words).upper()


def search_meta(
    kind: str,
    *,
    soort: str | None = None,
    bundels: Iterable[str] = (),
    tags: Iterable[str] = (),
    termen: Iterable[str] = (),
) -> dict[str, Any]:
    """The `zoeken` front matter of one page."""
    meta: dict[str, Any] = {"soort": kind, "label": LABELS[kind], "gewicht": WEIGHTS[kind]}
    if soort and soort.lower() != LABELS[kind].lower():
        meta["subsoort"] = soort
    for key, values in (("bundels", bundels), ("tags", tags), ("termen", termen)):
        unique = list(dict.fromkeys(v for v in values if v))
        if unique:
            meta[key] = unique
    return meta


def entity_search_meta(entity: Entity, bundels: Iterable[str]) -> dict[str, Any]:
    termen: list[str] = []
    if isinstance(entity, Begrip):
        termen = [entity.term, *entity.synoniemen]
        termen += [a for t in termen if (a := acronym(t))]
    soort = entity.soort if isinstance(entity, Principe | Casus | Bundel) else None
    return search_meta(entity.kind, soort=soort, bundels=bundels, tags=entity.tags, termen=termen)
