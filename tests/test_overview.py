"""The overview pages: the kwestie × bundel matrix (its counts and passage links), the
timeline and the place index. The whole pages are golden files (test_render.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisbank import build
from kennisbank.headings import headings, slug
from kennisbank.pages.overview import places, years

from conftest import FIXTURES, write_files


@pytest.mark.parametrize(
    ("periode", "expected"),
    [
        ("2014–2016; nieuwe reeks vanaf 2017", (2014, 2017)),
        ("vanaf 2006", (2006, None)),
        ("Sinds 2013", (2013, None)),
        ("rapport februari 2015 (stand van zaken 2014)", (2014, 2015)),
        ("Vanaf 1 juni 2019", (2019, None)),
        ("tijdens de transitie", None),
        (None, None),
    ],
)
def test_years_of_a_periode(periode: str | None, expected: tuple[int, int | None] | None) -> None:
    assert years(periode) == expected


@pytest.mark.parametrize(
    ("plaats", "expected"),
    [
        (
            "Dordrecht, Rotterdam, Schiedam en Vlaardingen",
            ["Dordrecht", "Rotterdam", "Schiedam", "Vlaardingen"],
        ),
        ("Vlaardingen (werkgebied Maassluis, Schiedam en Vlaardingen)", ["Vlaardingen"]),
        ("vier gemeenten in de provincie Utrecht", ["vier gemeenten in de provincie Utrecht"]),
        ("Amsterdam", ["Amsterdam"]),
        (None, []),
    ],
)
def test_places_of_a_plaats(plaats: str | None, expected: list[str]) -> None:
    assert places(plaats) == expected


def test_heading_anchors_follow_the_table_of_contents_and_stay_unique() -> None:
    body = (
        "## In Samen DOEN (2016)\n\ntekst\n\n## Vragen\n\n## Eén wijk { #eigen }\n\n    ## code\n"
    )
    found = headings(body, taken={"vragen"})
    assert [(h.text, h.anchor, h.explicit) for h in found] == [
        ("In Samen DOEN (2016)", "in-samen-doen-2016", False),
        ("Vragen", "vragen_1", False),
        ("Eén wijk", "eigen", True),
    ]
    assert slug("Eén wijk – veel teams") == "een-wijk-veel-teams"


@pytest.fixture(scope="module")
def two_bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("overview") / "corpus"
    shutil.copytree(FIXTURES / "valid", root)
    write_files(
        root,
        {
            "bundels/andere-bundel.md": (
                "---\ntitel: Samen DOEN vanuit de tweede lijn\nsoort: onderzoek\njaar: 2016\n"
                "instelling: Hogeschool Voorbeeld\nbib: andere2016\n"
                "samenvatting: Een tweede bron.\n---\n"
            ),
            "bibliography/andere.bib": (
                "@book{andere2016,\n  author = {Veld, Lex},\n  title = {Samen DOEN},\n"
                "  publisher = {HvA},\n  year = {2016}\n}\n"
            ),
            "kwesties/tweede.md": (
                "---\ntitel: Tweede kwestie\nsamenvatting: S.\nbronnen:\n"
                "  - {bundel: testbundel-2020, hoofdstuk: netwerken, sectie: A}\n"
                "  - {bundel: testbundel-2020, hoofdstuk: netwerken, sectie: B}\n"
                "  - {bundel: andere-bundel}\n---\n"
                "Eerst de testbundel [@jansen2020].\n\n## In Samen DOEN (2016)\n\n"
                "Daar [@andere2016; @andere2016, p. 3] en [@lipsky1980].\n"
            ),
        },
    )
    result = build(root)
    assert [d.format() for d in result.errors] == []
    return {page.path: page.content for page in result.site.pages}


def test_matrix_counts_locators_chapters_and_citations_and_links_the_passage(
    two_bundles: dict[str, str],
) -> None:
    page = two_bundles["overzicht/index.md"]
    row = next(line for line in page.splitlines() if line.startswith("| [Tweede kwestie]"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    # columns: kwestie, then the bundles by year (2016, 2020)
    assert cells[1].startswith("[1 pl. · 2 cit.](../kwesties/tweede.md#in-samen-doen-2016 ")
    assert cells[2].startswith("[2 pl. · 1 cit.](../kwesties/tweede.md ")
    assert "2 bronplaatsen, 1 hoofdstuk, 1 citaat" in cells[2]
    assert "| *Aantal kwesties* | 1 | 3 |" in page
    listed = page.split("{ .kb-matrix-lijst }", 1)[1]
    assert (
        "    - [Samen DOEN vanuit de tweede lijn](../kwesties/tweede.md#in-samen-doen-2016): "
        "1 bronplaats, 2 citaten" in listed
    )
    kwestie = two_bundles["kwesties/tweede.md"]
    assert "## In Samen DOEN (2016) { #in-samen-doen-2016 }" in kwestie


def test_matrix_leaves_untreated_cells_empty(two_bundles: dict[str, str]) -> None:
    page = two_bundles["overzicht/index.md"]
    row = next(line for line in page.splitlines() if line.startswith("| [Eigen kracht als norm]"))
    assert row.split(" | ")[1] == "–"


def test_overview_pages_are_in_the_navigation() -> None:
    result = build(FIXTURES / "valid")
    sections = {
        next(iter(item)): item[next(iter(item))]
        for item in result.site.nav
        if isinstance(item, dict)
    }
    assert sections["Overzicht"] == [
        "overzicht/index.md",
        {"Tijdlijn": "overzicht/tijdlijn.md"},
        {"Plaatsen": "overzicht/plaatsen.md"},
    ]


def test_page_paths_name_the_overview_pages(tmp_path: Path) -> None:
    from kennisbank.links import Graph
    from kennisbank.load import load
    from kennisbank.pages import page_paths

    graph = Graph(load(FIXTURES / "valid"))
    assert {"overzicht/index.md", "overzicht/tijdlijn.md", "overzicht/plaatsen.md"} <= page_paths(
        graph
    )
