"""The repository's own content passes every check (what CI runs on each pull request)."""

from __future__ import annotations

from kennisbank import load, validate
from kennisbank.model import Bundel

from conftest import REPO


def test_repository_content_has_no_errors() -> None:
    errors = [d.format() for d in validate(load(REPO)) if d.is_error]
    assert errors == []


def test_every_seed_has_a_bundle_with_chapters() -> None:
    bundels = [e for e in load(REPO).entities if isinstance(e, Bundel)]
    assert len(bundels) == 5
    for bundel in bundels:
        assert bundel.hoofdstukken, bundel.id
        assert bundel.bib
