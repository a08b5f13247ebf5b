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


def test_year_suffixes_follow_the_reference_list() -> None:
    """2017a comes before 2017b in the list, also where two works tie in the sort (an essay
    that carries its bundle's title)."""
    import re
    from collections import defaultdict

    from kennisbank.links import Graph
    from kennisbank.literature import Literature

    literature = Literature.build(Graph(load(REPO)))
    suffixes: dict[str, list[str]] = defaultdict(list)
    for work in literature.works.values():
        match = re.fullmatch(r"(.*\(\S+?)-?([a-z])\)", work.label)
        if match:
            suffixes[match.group(1)].append(match.group(2))
    assert suffixes, "the real bibliography has works with year suffixes"
    for base, letters in suffixes.items():
        assert letters == sorted(letters), base
