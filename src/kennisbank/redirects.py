"""Renames that never break links: old ids (`vorige_ids`) and the redirects they ask for.

An entity lists the ids it had before (`vorige_ids: [oude-naam]`). Its old URL
`/<folder>/<oude-naam>/` then gets a small page that sends readers on to the new one. Only
claims that cannot clash get a redirect (ids.py decides); the `previous_ids` check reports
the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .ids import claims
from .load import Corpus
from .model import Entity
from .paths import redirect_page


@dataclass(frozen=True, kw_only=True)
class Redirect:
    """An old id whose URL sends readers to `target`."""

    old_id: str
    target: Entity

    @property
    def path(self) -> str:
        """The redirect page's path relative to the docs root: `/<folder>/<old-id>/`."""
        return redirect_page(self.target.folder, self.old_id)


def redirects(corpus: Corpus) -> list[Redirect]:
    """The redirects to generate: the old ids whose claim has no conflict."""
    return [
        Redirect(old_id=c.old_id, target=c.entity) for c in claims(corpus) if c.conflict is None
    ]


def renamed_to(corpus: Corpus) -> Mapping[str, Entity]:
    """Old id → the entity that now carries it (for "heet nu …" suggestions)."""
    return {r.old_id: r.target for r in redirects(corpus)}
