"""Is this id free? The one answer for the checks, the redirects and `kennisbank new`.

An id is taken by a reserved page name, by a live page (ignoring case), or by an old id that
a page claims in `vorige_ids` so that its old address sends readers on. Among claims, the
first claim of an old id wins; the others conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .diagnostic import Location
from .load import Corpus
from .model import Entity
from .paths import RESERVED_IDS
from .schema import ID_PATTERN


def is_reserved(candidate: str) -> bool:
    return candidate.casefold() in RESERVED_IDS


def live_ids(corpus: Corpus) -> Mapping[str, Entity]:
    """Folded id → the (first) entity with that id."""
    found: dict[str, Entity] = {}
    for entity in corpus.entities:
        found.setdefault(entity.id.casefold(), entity)
    return found


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One entry of a `vorige_ids` list, as written, and what stands in its way."""

    old_id: str
    entity: Entity
    location: Location
    conflict: Literal["pagina", "gereserveerd", "al-opgeeist"] | None = None
    other: Entity | None = None  # the live page, or the page that claimed it first


def claims(corpus: Corpus) -> Iterator[Claim]:
    """Every well-formed old id, in order, with its conflict (None: it gets a redirect)."""
    live = live_ids(corpus)
    first: dict[str, Entity] = {}
    for entity in corpus.entities:
        for ref in entity.vorige:
            folded = ref.target.casefold()
            if not re.fullmatch(ID_PATTERN, ref.target):
                continue  # the schema check (waardetype) reports the form
            claim = Claim(old_id=ref.target, entity=entity, location=ref.location)
            if folded in live:
                yield _with(claim, "pagina", live[folded])
            elif is_reserved(folded):
                yield _with(claim, "gereserveerd", None)
            elif folded in first:
                yield _with(claim, "al-opgeeist", first[folded])
            else:
                first[folded] = entity
                yield claim


def _with(
    claim: Claim, conflict: Literal["pagina", "gereserveerd", "al-opgeeist"], other: Entity | None
) -> Claim:
    return Claim(
        old_id=claim.old_id,
        entity=claim.entity,
        location=claim.location,
        conflict=conflict,
        other=other,
    )


def taken(corpus: Corpus, candidate: str) -> Claim | Entity | str | None:
    """What holds `candidate`: the reserved name itself, a live entity, a granted claim."""
    folded = candidate.casefold()
    if is_reserved(folded):
        return folded
    entity = live_ids(corpus).get(folded)
    if entity is not None:
        return entity
    return next(
        (c for c in claims(corpus) if c.conflict is None and c.old_id.casefold() == folded),
        None,
    )
