"""Each check rule has a case file in fixtures/rules/: a valid corpus and an invalid one with
the exact diagnostics it must produce."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kennisbank import RULES, load, validate

from conftest import FIXTURES, write_files

CASES = sorted((FIXTURES / "rules").glob("*.yaml"))


def _invalid_cases() -> list[tuple[str, dict[str, str], str]]:
    """Every invalid case: a file's `invalid`/`expected`, and each item of its `more_invalid`."""
    found = []
    for case in CASES:
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        found.append((case.stem, spec["invalid"], spec["expected"]))
        for extra in spec.get("more_invalid", []):
            found.append((f"{case.stem}-{extra['name']}", extra["files"], extra["expected"]))
    return found


INVALID = _invalid_cases()


def _run(tmp_path: Path, files: dict[str, str]) -> str:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "rules" / "_base", root)
    write_files(root, files)
    # each diagnostic with its code, so that the case files also pin the codes down
    return "\n".join(f"[{d.rule}] {d.format()}" for d in validate(load(root)))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_valid_case_has_no_diagnostics(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert _run(tmp_path, spec["valid"]) == ""


@pytest.mark.parametrize(("name", "files", "expected"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_case_gives_exact_diagnostics(
    name: str, files: dict[str, str], expected: str, tmp_path: Path
) -> None:
    assert _run(tmp_path, files) == expected.rstrip("\n")


def _rules_of(case: Path) -> list[str]:
    named = yaml.safe_load(case.read_text(encoding="utf-8"))["rule"]
    return named if isinstance(named, list) else [named]


def test_every_rule_has_a_docstring_and_a_case_that_shows_its_code() -> None:
    for rule in RULES:
        assert rule.doc, rule.name
        cases = [c for c in CASES if rule.name in _rules_of(c)]
        assert cases, f"no case file for rule {rule.name}"
        severity = rule.severity.value
        assert any(
            f"[{rule.code}] " in text and f": {severity}: " in text
            for text in (c.read_text(encoding="utf-8") for c in cases)
        ), f"no case shows a {severity} with code {rule.code} for rule {rule.name}"


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_base_corpus_is_clean(tmp_path: Path) -> None:
    assert _run(tmp_path, {}) == ""
