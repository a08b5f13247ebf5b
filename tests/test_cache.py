"""The on-disk cache changes how long a check takes, never what it reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kennisbank.build import build, check
from kennisbank.cache import CACHE_DIR, Cache

VALID = Path(__file__).parent / "fixtures" / "valid"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(VALID, target, ignore=shutil.ignore_patterns(".cache"))
    # some findings of every kind of cached input: front matter, body, literature
    kwestie = target / "kwesties" / "eigen-kracht.md"
    kwestie.write_text(
        kwestie.read_text().replace("---\n", "---\nonbekend: 1\n", 1)
        + "\nZie [[bestaat-niet]] en [@ontbreekt2020].\n"
    )
    return target


def _report(root: Path, cache: Cache) -> list[str]:
    return [d.format() for d in check(root, cache).diagnostics]


def test_a_second_run_comes_from_the_cache_and_reports_the_same(root: Path) -> None:
    uncached = _report(root, Cache(None))
    assert any("onbekend" in line for line in uncached)
    first = Cache(root / CACHE_DIR)
    assert _report(root, first) == uncached
    assert first.hits == 0
    second = Cache(root / CACHE_DIR)
    assert _report(root, second) == uncached
    # the one miss: the file with a schema error is validated afresh on every run, by design
    assert second.misses == 1 and second.hits > 0
    assert build(root, Cache(root / CACHE_DIR)).diagnostics == check(root, Cache(None)).diagnostics


def test_a_changed_file_is_read_again(root: Path) -> None:
    _report(root, Cache(root / CACHE_DIR))
    kwestie = root / "kwesties" / "eigen-kracht.md"
    kwestie.write_text(kwestie.read_text().replace("onbekend: 1\n", ""))
    bib = root / "bibliography" / "literatuur.bib"
    bib.write_text(bib.read_text().replace("Street-level bureaucracy", "Straatniveau", 1))
    cached = check(root, Cache(root / CACHE_DIR))
    fresh = check(root, Cache(None))
    assert [d.format() for d in cached.diagnostics] == [d.format() for d in fresh.diagnostics]
    assert not any("onbekend" in d.message for d in cached.diagnostics)
    assert cached.literature.works.keys() == fresh.literature.works.keys()
    assert [w.reference for w in cached.literature.works.values()] == [
        w.reference for w in fresh.literature.works.values()
    ]
    assert any("Straatniveau" in w.reference for w in cached.literature.works.values())


def test_a_damaged_or_foreign_cache_is_ignored(root: Path) -> None:
    expected = _report(root, Cache(None))
    _report(root, Cache(root / CACHE_DIR))
    for table in (root / CACHE_DIR).glob("*.json"):
        stored = json.loads(table.read_text())
        stored["items"] = {k: json.dumps({"onzin": [1, 2]}) for k in stored["items"]}
        table.write_text(json.dumps(stored))
    assert _report(root, Cache(root / CACHE_DIR)) == expected
    for table in (root / CACHE_DIR).glob("*.json"):
        table.write_text("{niet: json")
    assert _report(root, Cache(root / CACHE_DIR)) == expected
    assert _report(root, Cache(root / CACHE_DIR)) == expected


def test_the_cache_is_off_in_ci_and_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("KENNISBANK_CACHE", raising=False)
    assert Cache.for_root(tmp_path).directory == tmp_path / CACHE_DIR
    monkeypatch.setenv("KENNISBANK_CACHE", "0")
    assert not Cache.for_root(tmp_path).enabled
    monkeypatch.delenv("KENNISBANK_CACHE")
    monkeypatch.setenv("CI", "true")
    assert not Cache.for_root(tmp_path).enabled
    check(tmp_path, None)
    assert not (tmp_path / CACHE_DIR).exists()


def test_what_the_cache_stores_reads_back_the_same_for_the_real_content() -> None:
    """A field added to a parsed body or front matter must reach the cache too."""
    from kennisbank.frontmatter import from_json, parse, read_text, to_json
    from kennisbank.load import content_files
    from kennisbank.markup import analyse, body_from_json, body_to_json

    repo = Path(__file__).parent.parent
    for _folder, path in content_files(repo):
        display = path.relative_to(repo).as_posix()
        text, _ = read_text(path, display)
        assert text is not None
        front = parse(text, display)
        again = from_json(json.loads(json.dumps(to_json(front))), display)
        assert (again.data, dict(again.locations), again.body, again.body_line, again.ok) == (
            front.data,
            dict(front.locations),
            front.body,
            front.body_line,
            front.ok,
        )
        assert again.diagnostics == front.diagnostics
        body = analyse(front.body, display, front.body_line)
        assert body_from_json(json.loads(json.dumps(body_to_json(body))), display) == body
    every_kind = (
        "[[a]] [[b|B]] [[=tekst]] [@k, p. 3] [zie -@k; @l] @m [x](javascript:y) <b>x</b>\n\n"
        "<div>blok</div>\n"
    )
    body = analyse(every_kind, "x.md", 4)
    assert body.links and body.citations and body.html and body.unsafe_links and body.verbatim
    assert body_from_json(json.loads(json.dumps(body_to_json(body))), "x.md") == body
