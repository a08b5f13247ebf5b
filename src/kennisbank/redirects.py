"""Renames that never break links: old ids (`vorige_ids`) and the redirects they ask for.

An entity lists the ids it had before (`vorige_ids: [oude-naam]`). Its old URL
`/<folder>/<oude-naam>/` then gets a small page that sends readers on to the new one. Only
claims that cannot clash get a redirect; the `previous_ids` check reports the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .diagnostic import Location
from .load import Corpus
from .model import RESERVED_IDS, Entity
from .schema import ID_PATTERN


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One entry of a `vorige_ids` list, as written."""

    old_id: str
    entity: Entity
    location: Location


@dataclass(frozen=True, kw_only=True)
class Redirect:
    """An old id whose URL sends readers to `target`."""

    old_id: str
    target: Entity

    @property
    def path(self) -> str:
        """The redirect page's path relative to the docs root: `/<folder>/<old-id>/`."""
        return f"{self.target.folder}/{self.old_id}/index.html"


def claims(corpus: Corpus) -> Iterator[Claim]:
    for entity in corpus.entities:
        raw = entity.document.data.get("vorige_ids")
        for i, old_id in enumerate(raw if isinstance(raw, list) else []):
            if isinstance(old_id, str):
                yield Claim(old_id=old_id, entity=entity, location=entity.location("vorige_ids", i))


def redirects(corpus: Corpus) -> list[Redirect]:
    """The redirects to generate: well-formed old ids that no live page or earlier claim has."""
    live = {e.id.casefold() for e in corpus.entities}
    seen: set[str] = set()
    found = []
    for claim in claims(corpus):
        folded = claim.old_id.casefold()
        if (
            not re.fullmatch(ID_PATTERN, claim.old_id)
            or folded in live
            or folded in RESERVED_IDS
            or folded in seen
        ):
            continue
        seen.add(folded)
        found.append(Redirect(old_id=claim.old_id, target=claim.entity))
    return found


def renamed_to(corpus: Corpus) -> Mapping[str, Entity]:
    """Old id → the entity that now carries it (for "heet nu …" suggestions)."""
    return {r.old_id: r.target for r in redirects(corpus)}
