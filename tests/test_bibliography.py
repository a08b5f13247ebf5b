"""Reading BibTeX: entries keep file and line; messy input gives diagnostics, never a crash."""

from __future__ import annotations

from pathlib import Path

from kennisbank.bibliography import load_bibliography

MESSY = """@string{hva = "Hogeschool van Amsterdam"}

@book{a1, author = {Waal, Vincent, de, Jr, x}, title = {T}, year = 2016, publisher = hva, month = jan}
@book{a2, author = {{Sociaal en Cultureel Planbureau}}, title = {Caf\\'e}, year = {2014}}
@book{a3, author = {de Waal, Vincent and others}, title = {T}, year = {2016}}
@book{a4, title = {Onafgesloten, year = {2014}
"""


def _load(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    (tmp_path / "bibliography").mkdir()
    for name, text in files.items():
        (tmp_path / "bibliography" / name).write_text(text, encoding="utf-8")
    return load_bibliography(tmp_path)


def test_entries_remember_their_line_and_resolve_macros(tmp_path: Path) -> None:
    bib = _load(tmp_path, {"m.bib": MESSY})
    assert sorted(bib.entries) == ["a1", "a2", "a3", "a4"]  # a4 loads, with an error
    assert str(bib.entries["a2"].location) == "bibliography/m.bib:4:1"
    assert bib.entries["a1"].fields["publisher"] == "Hogeschool van Amsterdam"
    assert [str(p) for p in bib.entries["a2"].persons("author")] == [
        "{Sociaal en Cultureel Planbureau}"
    ]
    waal = bib.entries["a3"].persons("author")[0]
    assert (waal.prelast_names, waal.last_names) == (["de"], ["Waal"])


def test_messy_input_becomes_diagnostics(tmp_path: Path) -> None:
    bib = _load(tmp_path, {"m.bib": MESSY})
    found = [d.format().split("\n")[0] for d in bib.diagnostics]
    assert found == [
        "bibliography/m.bib:3:1: waarschuwing: In ‘a1’ kon pybtex iets niet goed lezen: "
        "te veel komma's in de naam ‘Waal, Vincent, de, Jr, x’.",
        "bibliography/m.bib:6:1: fout: BibTeX-fout: het bestand houdt midden in een item op "
        "(een accolade ‘}’ ontbreekt).",
    ]


def test_duplicate_keys_across_files_are_kept_apart(tmp_path: Path) -> None:
    entry = "@book{same, title = {T}, year = {2000}}\n"
    bib = _load(tmp_path, {"a.bib": entry, "b.bib": "\n\n" + entry})
    assert str(bib.entries["same"].location) == "bibliography/a.bib:1:1"
    assert [str(d.location) for d in bib.duplicates] == ["bibliography/b.bib:3:1"]


def test_non_utf8_bib_is_refused_with_a_fix(tmp_path: Path) -> None:
    (tmp_path / "bibliography").mkdir()
    (tmp_path / "bibliography" / "x.bib").write_bytes("@book{x, title={Caf\xe9}}".encode("latin-1"))
    [problem] = load_bibliography(tmp_path).diagnostics
    assert "UTF-8" in problem.message and problem.suggestion
