"""APA 7 in Dutch: golden references and citations per entry type and per rule.

The expected output in fixtures/apa/verwacht.yaml was checked by hand against APA 7 and the
seeds' own reference lists; see the comment at its top.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kennisbank.bibliography import load_bibliography
from kennisbank.citeproc import Formatted, dutch_apa_style, format_all, format_once, pandoc_citation
from kennisbank.csl import csl_item, plain
from kennisbank.markup import Citation, analyse

from conftest import FIXTURES

APA = FIXTURES / "apa"
EXPECTED = yaml.safe_load((APA / "verwacht.yaml").read_text(encoding="utf-8"))


def _citation(text: str) -> Citation:
    return analyse(text, "test.md", 1).citations[0]


@pytest.fixture(scope="module")
def formatted() -> Formatted:
    bibliography = load_bibliography(APA, folder=".")
    assert not bibliography.diagnostics
    items = [csl_item(entry) for entry in bibliography.entries.values()]
    return format_all(items, [_citation(text) for text in EXPECTED["citaties"]])


@pytest.mark.parametrize("key", list(EXPECTED["literatuurlijst"]))
def test_reference_per_entry_type(formatted: Formatted, key: str) -> None:
    assert formatted.references[key] == EXPECTED["literatuurlijst"][key]


@pytest.mark.parametrize("number,text", list(enumerate(EXPECTED["citaties"])))
def test_in_text_citation(formatted: Formatted, number: int, text: str) -> None:
    assert formatted.citations[number] == EXPECTED["citaties"][text]


def test_reference_list_is_sorted_on_family_name_without_particle(formatted: Formatted) -> None:
    assert list(formatted.order) == list(EXPECTED["literatuurlijst"])
    # De Waal files under W, Van Arum under A: the convention of the seeds' own lists
    assert formatted.order.index("arum2014") < formatted.order.index("hoijtink2017")
    assert formatted.order.index("movisie2014") < formatted.order.index("waal2017")


def test_two_runs_give_what_one_full_run_gives() -> None:
    """The fast path (initials check only where surnames are shared) changes nothing."""
    bibliography = load_bibliography(APA, folder=".")
    items = [csl_item(entry) for entry in bibliography.entries.values()]
    citations = [_citation(text) for text in EXPECTED["citaties"]]
    assert format_all(items, citations) == format_once(items, citations, initials=True)


def test_an_organisation_cited_beside_a_shared_surname_is_formatted() -> None:
    """The second run (initials for shared surnames) must get every work of each citation it
    formats again, also one that is drawn in only through a later citation; pandoc prints
    "key?" otherwise."""
    items = [
        {
            "id": "ej",
            "type": "book",
            "title": "A",
            "author": [{"family": "Jansen", "given": "Erik"}],
            "issued": {"date-parts": [[2017]]},
        },
        {
            "id": "jj",
            "type": "book",
            "title": "B",
            "author": [{"family": "Jansen", "given": "Jan"}],
            "issued": {"date-parts": [[2019]]},
        },
        {
            "id": "mov",
            "type": "report",
            "title": "C",
            "author": [{"literal": "Movisie"}],
            "issued": {"date-parts": [[2016]]},
        },
        {
            "id": "pi",
            "type": "book",
            "title": "D",
            "author": [{"family": "Pietersen", "given": "Piet"}],
            "issued": {"date-parts": [[2015]]},
        },
    ]
    # Pietersen joins the shared group only through the second citation
    citations = [_citation("[@mov; @pi]"), _citation("[@ej; @pi]"), _citation("[@jj]")]
    result = format_all(items, citations)
    assert "?" not in result.citations[0] and "Movisie, 2016" in result.citations[0]
    assert result == format_once(items, citations, initials=True)


def test_labels_are_narrative_citations_without_links(formatted: Formatted) -> None:
    assert formatted.labels["waal2014a"] == "De Waal (2014a)"
    assert formatted.labels["hoijtink2017"] == "Hoijtink et al. (2017)"


def _dutch_changes(style: bytes) -> dict[str, object]:
    """What the Dutch rules change in a CSL style, read from the XML itself."""
    import xml.etree.ElementTree as ET

    ns = "{http://purl.org/net/xbiblio/csl}"
    root = ET.fromstring(style)
    nl_dash = [
        term.text
        for locale in root.findall(f"{ns}locale")
        if locale.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
        for term in locale.iter(f"{ns}term")
        if term.get("name") == "page-range-delimiter"
    ]
    macros = {m.get("name"): m for m in root.iter(f"{ns}macro")}
    capitalised = [
        part.get("text-case")
        for name in macros["author-short"].iter(f"{ns}name")
        for part in name.findall(f"{ns}name-part")
        if part.get("name") == "family"
    ]
    day_first = [
        [part.get("name") for part in date]
        for date in macros["date-issued-month-day"].iter(f"{ns}date")
    ]
    return {
        "particle": root.get("demote-non-dropping-particle"),
        "nl_dash": nl_dash,
        "capitalised": capitalised,
        "dates": day_first,
    }


def test_dutch_rules_are_applied_to_the_vendored_style() -> None:
    from kennisbank.citeproc import STYLE

    before = _dutch_changes(Path(STYLE).read_bytes())
    after = _dutch_changes(dutch_apa_style())
    # each change is absent from the style as shipped, and present once applied
    assert before["particle"] != "display-and-sort" and after["particle"] == "display-and-sort"
    assert before["nl_dash"] == [] and after["nl_dash"] == ["–"]
    assert before["capitalised"] == [] and set(after["capitalised"]) == {"capitalize-first"}
    assert ["day", "month"] not in before["dates"] and ["day", "month"] in after["dates"]


def test_pandoc_citation_round_trip() -> None:
    assert pandoc_citation(_citation("[zie @a, pp. 3-7; -@b]")) == "[zie @a, pp. 3–7; -@b]"
    assert pandoc_citation(_citation("@a [p. 4]")) == "@a [p. 4]"


def test_format_all_without_works_gives_empty_citations() -> None:
    result = format_all([], [_citation("[@a]")])
    assert result.citations == ("",) and not result.references


# --- BibTeX → CSL-JSON ------------------------------------------------------------------


def _items(root: Path) -> dict[str, dict[str, object]]:
    bibliography = load_bibliography(root)
    return {key: csl_item(entry) for key, entry in bibliography.entries.items()}


def test_messy_real_world_files_load_and_convert() -> None:
    items = _items(FIXTURES / "bib-rommelig")
    kullberg = items["kullberg2015"]
    # @string macros, month macros, `and others`, Zotero's extra fields
    assert kullberg["publisher"] == "Sociaal en Cultureel Planbureau"
    assert kullberg["publisher-place"] == "Den Haag"
    assert kullberg["issued"] == {"date-parts": [[2015, 2]]}
    assert kullberg["accessed"] == {"date-parts": [[2016, 10, 12]]}
    assert kullberg["author"] == [
        {"family": "Kullberg", "given": "Jeanet"},
        {"family": "Noije", "given": "Lonneke", "non-dropping-particle": "van"},
    ]
    assert kullberg["language"] == "nl-NL"
    # an entry after a broken one is still read
    assert items["nakapot2011"]["title"] == "Na het kapotte item"
    # LaTeX commands pybtex does not know are dropped, not printed
    assert items["raar"]["title"] == "Een raar verslag met en een x"


def test_latex_accents_and_dashes_become_unicode() -> None:
    assert plain(r"Caf{\'e}s en na\"{\i}eve {W}mo -- {\O}stergaard") == (
        "Cafés en naïeve Wmo – Østergaard"
    )


def test_corporate_author_publisher_doi_and_pages() -> None:
    apa = {
        key: csl_item(entry) for key, entry in load_bibliography(APA, folder=".").entries.items()
    }
    assert apa["movisie2014"]["author"] == [{"literal": "Movisie"}]
    assert "publisher" not in apa["movisie2014"]  # APA 7: left out when it is the author
    assert apa["arnstein1969"]["DOI"] == "10.1080/01944366908977225"
    assert apa["arnstein1969"]["page"] == "216–224"
    assert apa["keinemans2015"]["genre"] == "Proefschrift"
    assert apa["kremer2016"]["type"] == "speech"
    assert apa["sen2099"]["status"] == "in druk" and "issued" not in apa["sen2099"]
    assert "issued" not in apa["verslagzd"]  # year = {z.d.}


def test_without_pandoc_the_build_reports_an_error_and_keeps_the_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kennisbank.citeproc as citeproc
    from kennisbank.build import build

    def missing() -> str:
        raise citeproc.CiteprocError("pandoc is niet gevonden")

    monkeypatch.setattr(citeproc, "pandoc_path", missing)
    result = build(FIXTURES / "valid")
    assert [d.message for d in result.errors] == ["pandoc is niet gevonden"]
    page = next(p for p in result.site.pages if p.path == "kwesties/eigen-kracht.md")
    assert "(lipsky1980, p. 3)" in page.content  # the citation stays readable


def test_check_reports_the_literature_diagnostics_the_build_reports(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import kennisbank.citeproc as citeproc
    from kennisbank.build import build
    from kennisbank.cli import main

    def missing() -> str:
        raise citeproc.CiteprocError("pandoc is niet gevonden")

    monkeypatch.setattr(citeproc, "pandoc_path", missing)
    built = [d.format() for d in build(FIXTURES / "valid").diagnostics]
    assert built
    assert main(["--root", str(FIXTURES / "valid"), "check"]) == 1
    printed = capsys.readouterr().out
    assert printed.split("\n")[: len("\n".join(built).split("\n"))] == "\n".join(built).split("\n")


def test_a_pandoc_that_hangs_is_stopped_with_a_dutch_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import kennisbank.citeproc as citeproc
    from kennisbank.build import build

    slow = tmp_path / "pandoc"
    slow.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(citeproc, "pandoc_path", lambda: str(slow))
    monkeypatch.setattr(citeproc, "PANDOC_TIMEOUT", 0.5)
    errors = build(FIXTURES / "valid").errors
    assert len(errors) == 1 and errors[0].rule == "literatuur"
    assert "na 0.5 seconden nog niet klaar" in errors[0].message
    assert errors[0].suggestion and "BibTeX-item" in errors[0].suggestion


def test_messy_files_give_diagnostics_not_crashes() -> None:
    from kennisbank import load, validate

    found = {(d.rule, d.location.line) for d in validate(load(FIXTURES / "bib-rommelig"))}
    assert ("bibtex", 51) in found  # the unclosed brace, reported where BibTeX gives up
    assert ("bibtex-others", 13) in found  # `and others` in kullberg2015
    assert ("bibtex-tussenvoegsel", 40) in found  # `Waal, Vincent de`
    assert ("bibtex-sleutel", 20) in found  # a key with an accent command in it
