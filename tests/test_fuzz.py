"""No input makes the check or the build raise or hang; every diagnostic names a file and a line.

A bounded, seeded mutation run over the fixture corpora (tests/mutations.py; the long run is
`scripts/fuzz.py`), and the guard itself: a parser that fails in a way it does not report
(monkeypatched here, since the real corpus gives no such failure any more) becomes an error
on the file that caused it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisbank import bibliography, csl, literature, markup
from kennisbank.build import check
from kennisbank.cache import Cache
from kennisbank.frontmatter import MAX_HEADER_BYTES, _Builder
from kennisbank.links import MAX_PARAGRAPH
from mutations import CORPORA, MUTATORS, Fuzzer, run_corpus

LIMIT = 60.0  # seconds per case: far above a normal case (under a second), below "hangs"
VALID = CORPORA[0]


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Fuzzer:
    return Fuzzer(tmp_path_factory.mktemp("fuzz"), seed=17, limit=LIMIT)


@pytest.mark.parametrize("name", sorted(MUTATORS))
def test_every_kind_of_mutation_is_survived(fuzzer: Fuzzer, name: str) -> None:
    outcome = fuzzer.case([name])
    assert outcome.exception is None, f"{outcome.case}\n{outcome.exception}"
    assert not outcome.hung, outcome.case
    assert outcome.bad_locations == [], outcome.case


def test_random_combinations_are_survived(fuzzer: Fuzzer) -> None:
    failed = [o for o in (fuzzer.case() for _ in range(20)) if not o.ok]
    assert failed == [], [(o.case, o.exception, o.hung, o.bad_locations) for o in failed]


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(VALID, root, ignore=shutil.ignore_patterns(".cache"))
    return root


def _only(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run check and build without a cache; return the diagnostics of the guard."""
    monkeypatch.setenv("KENNISBANK_CACHE", "0")
    outcome = run_corpus(root, "guard", LIMIT, Cache(None))
    assert outcome.ok, (outcome.exception, outcome.bad_locations)
    return [d.format() for d in check(root).diagnostics if "liep vast" in d.message]


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_yaml_failure_is_an_error_on_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    monkeypatch.setattr(_Builder, "build", _boom)
    found = _only(root, monkeypatch)
    assert any(f.startswith("begrippen/netwerk.md:1:1: fout: De YAML-kop kan niet") for f in found)
    assert len(found) == len([p for p in root.glob("*/*.md") if p.parent.name != "docs"])


def test_a_markdown_failure_is_an_error_on_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    real = markup.analyse

    def analyse(body: str, path: str = "", body_line: int = 1) -> markup.Body:
        if path == "kwesties/eigen-kracht.md":
            raise RecursionError("te diep")
        return real(body, path, body_line)

    monkeypatch.setattr("kennisbank.links.analyse", analyse)
    found = _only(root, monkeypatch)
    line = (root / "kwesties/eigen-kracht.md").read_text().split("\n")[1:].index("---") + 3
    assert found == [
        f"kwesties/eigen-kracht.md:{line}:1: fout: De tekst onder de kop kan niet worden "
        "gelezen: de lezer liep vast op iets in de tekst (RecursionError).\n"
        "    → Kijk naar wat je het laatst veranderde rond deze regel (ongewone tekens, heel "
        "lange of diep geneste waarden) en maak het eenvoudiger. Blijft het, meld het dan: dan "
        "is het ook een fout in de generator."
    ]


def test_a_bibtex_failure_is_an_error_on_its_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    monkeypatch.setattr(bibliography._CollectingParser, "process_entry", _boom)
    found = _only(root, monkeypatch)
    assert len(found) == 1
    assert found[0].startswith("bibliography/literatuur.bib:1:1: fout: Dit BibTeX-item kan niet")


def test_a_csl_failure_is_an_error_on_its_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    real = csl.csl_item
    text = (root / "bibliography/literatuur.bib").read_text()
    first = text[text.index("@") :].split("{", 1)[1].split(",", 1)[0]

    def csl_item(entry: bibliography.BibEntry) -> csl.CslItem:
        if entry.key == first:
            raise KeyError("veld")
        return real(entry)

    monkeypatch.setattr(literature, "csl_item", csl_item)
    found = _only(root, monkeypatch)
    assert len(found) == 1
    assert found[0].startswith(f"bibliography/literatuur.bib:1:1: fout: Het BibTeX-item ‘{first}’")


def test_a_pandoc_output_failure_is_an_error_on_the_literature(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    monkeypatch.setattr("kennisbank.citeproc._divs", _boom)
    found = _only(root, monkeypatch)
    assert len(found) == 1
    assert found[0].startswith("bibliography/literatuur.bib:1:1: fout: De literatuur kan niet")


def test_a_header_over_the_size_bound_is_refused_with_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "begrippen" / "netwerk.md"
    text = path.read_text()
    path.write_text(text.replace("---\n", "---\nlang: " + "a" * MAX_HEADER_BYTES + "\n", 1))
    found = [d.format() for d in check(root, Cache(None)).diagnostics]
    assert any(
        f.startswith("begrippen/netwerk.md:2:1: fout: De YAML-kop is te groot") for f in found
    )


def test_a_bib_file_over_the_size_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    monkeypatch.setattr(bibliography, "MAX_BIB_BYTES", 100)
    found = [d.format() for d in check(root, Cache(None)).diagnostics]
    assert any(
        f.startswith("bibliography/literatuur.bib:1:1: fout: Het BibTeX-bestand is te groot")
        for f in found
    )


def test_a_paragraph_over_the_bound_is_an_error_and_not_parsed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "kwesties" / "eigen-kracht.md"
    text = path.read_text()
    lines = text.count("\n")
    path.write_text(text + "\n" + "[@a; [[b" * (MAX_PARAGRAPH // 8 + 1) + "\n")  # + its line end
    checked = check(root, Cache(None))
    found = [d.format() for d in checked.diagnostics if "alinea" in d.message]
    assert found == [
        f"kwesties/eigen-kracht.md:{lines + 2}:1: fout: Deze alinea is "
        f"{(MAX_PARAGRAPH // 8 + 1) * 8 + 1:,} tekens lang; de grens is {MAX_PARAGRAPH:,}.".replace(
            ",", "."
        )
        + "\n    → Zet witregels tussen de alinea's, of kort de tekst in."
    ]
    assert checked.graph.bodies["eigen-kracht"].links == ()
