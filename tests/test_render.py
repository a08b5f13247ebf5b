"""Generated pages: golden files for the valid fixture corpus, and relations on both sides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kennisbank import build
from kennisbank.label import link_label
from kennisbank.pages import md_inline, relative

from conftest import FIXTURES, write_files

GOLDEN = FIXTURES / "golden"


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    result = build(FIXTURES / "valid")
    assert [d.format() for d in result.diagnostics] == []
    return {page.path: page.content for page in result.site.pages}


def test_pages_match_golden_files(site: dict[str, str]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for path, content in site.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*.md")
    }
    assert sorted(site) == sorted(expected)
    for path, content in site.items():
        assert content == expected[path], (
            f"{path} differs from its golden file (UPDATE_GOLDEN=1 to renew)"
        )


def test_relation_declared_on_one_side_shows_on_both(site: dict[str, str]) -> None:
    # netwerk-versterken declares `kwesties: [eigen-kracht]`; eigen-kracht does not name it.
    assert (
        "[Netwerken versterken](../principes/netwerk-versterken.md)"
        in site["kwesties/eigen-kracht.md"]
    )
    assert (
        "[Eigen kracht als norm](../kwesties/eigen-kracht.md)"
        in site["principes/netwerk-versterken.md"]
    )


def test_backlinks_show_where_an_entity_is_mentioned(site: dict[str, str]) -> None:
    page = site["casussen/buurtteam-noord.md"]
    genoemd = page.split("## Genoemd in", 1)[1].split("##", 1)[0]
    assert "[Eigen kracht als norm](../kwesties/eigen-kracht.md)" in genoemd


def test_body_links_become_relative_markdown_links(site: dict[str, str]) -> None:
    page = site["kwesties/eigen-kracht.md"]
    assert (
        '[het versterken van netwerken](../principes/netwerk-versterken.md "Netwerken versterken — '
        in page
    )
    assert "`[[geen-link]]`" in page  # code stays code


def test_reeks_lists_members_in_order(site: dict[str, str]) -> None:
    page = site["principes/reeksen/testbundel-2020/vijf-principes-voor-informele-netwerken.md"]
    assert page.index("Proactief contact leggen") < page.index("Netwerken versterken")


def test_bundle_page_shows_what_the_site_draws_from_it(site: dict[str, str]) -> None:
    page = site["bundels/testbundel-2020.md"]
    assert "### Werken met netwerken { #netwerken }" in page
    assert (
        "[Buurtteam Noord](../casussen/buurtteam-noord.md)"
        in page.split("Wat de kennisbank eruit haalt")[1]
    )


def test_markdown_escaping_and_relative_paths() -> None:
    assert md_inline("a*b_[c]<d>") == "a\\*b\\_\\[c\\]&lt;d>"
    assert relative("kwesties/a.md", "principes/b.md") == "../principes/b.md"
    assert relative("principes/reeksen/x.md", "bundels/b.md#h") == "../../bundels/b.md#h"


def test_building_writes_nothing_into_the_content_or_docs(valid_corpus: Path) -> None:
    before = sorted(p.relative_to(valid_corpus) for p in valid_corpus.rglob("*"))
    assert build(valid_corpus).site.pages
    assert sorted(p.relative_to(valid_corpus) for p in valid_corpus.rglob("*")) == before


def test_navigation_nests_members_under_their_reeks_and_works_under_letters() -> None:
    site = build(FIXTURES / "valid").site
    sections = {next(iter(s)): s[next(iter(s))] for s in site.nav if isinstance(s, dict)}
    reeks = next(
        item
        for item in sections["Principes"]
        if isinstance(item, dict) and len(item[next(iter(item))]) > 1
    )
    members = next(iter(reeks.values()))
    assert members[0] == {
        "Overzicht": "principes/reeksen/testbundel-2020/vijf-principes-voor-informele-netwerken.md"
    }
    assert [next(iter(m.values())) for m in members[1:]] == [
        "principes/proactief-contact.md",
        "principes/netwerk-versterken.md",
    ]
    assert sections["Literatuur"][0] == "literatuur/index.md"
    letters = [next(iter(item)) for item in sections["Literatuur"][1:]]
    assert letters == ["J", "L", "V", "W"]  # De Vries under V, De Waal under W


def test_link_without_label_prints_kort_and_over_de_bron_folds_at_the_foot(
    site: dict[str, str],
) -> None:
    assert (
        'tussen [generalist of specialist](generalist-specialist.md "Generalist of specialist'
        in site["kwesties/eigen-kracht.md"]
    )
    page = site["kwesties/generalist-specialist.md"]
    note = page.index('??? info "Over de bron"')
    assert note > page.index("## Bronnen")  # at the foot, not in the body
    assert "ontbreekt pagina 7" in page[note:]


@pytest.mark.parametrize(
    ("before", "title", "shown"),
    [
        ("over het ", "Het perspectief van burgers", "perspectief van burgers"),
        ("over ", "Het perspectief van burgers", "Het perspectief van burgers"),
        ("Eerste zin. ", "beleidssturing", "Beleidssturing"),
        ("- ", "beleidssturing", "Beleidssturing"),
        ("een zin die\n", "beleidssturing", "beleidssturing"),
        ("over de ", "beleidssturing", "beleidssturing"),
    ],
)
def test_link_label_reads_as_dutch_in_its_sentence(before: str, title: str, shown: str) -> None:
    assert link_label(None, title, before) == shown
    assert link_label("eigen tekst", title, before) == "eigen tekst"


def test_two_bundles_with_a_reeks_of_the_same_name_get_two_reeks_pages(
    valid_corpus: Path,
) -> None:
    bundel = (valid_corpus / "bundels" / "testbundel-2020.md").read_text(encoding="utf-8")
    write_files(
        valid_corpus,
        {
            "bundels/tweede-bundel.md": bundel.replace("Testbundel", "Tweede bundel"),
            "principes/ander-lid.md": "---\n"
            "{titel: Ander lid, samenvatting: S, soort: principe, nummer: 1,\n"
            " reeks: Vijf principes voor informele netwerken,\n"
            " bronnen: [{bundel: tweede-bundel}]}\n---\n",
        },
    )
    result = build(valid_corpus)
    assert [d.format() for d in result.diagnostics if d.is_error] == []
    pages = {p.path: p.content for p in result.site.pages}
    first = pages["principes/reeksen/testbundel-2020/vijf-principes-voor-informele-netwerken.md"]
    second = pages["principes/reeksen/tweede-bundel/vijf-principes-voor-informele-netwerken.md"]
    assert "Ander lid" in second and "Ander lid" not in first
    assert "Proactief contact leggen" in first and "Proactief contact leggen" not in second
    assert second.startswith("---\ntitle: Vijf principes voor informele netwerken (Tweede bundel")


def test_page_paths_name_every_rendered_page_without_rendering(valid_corpus: Path) -> None:
    from kennisbank.links import Graph
    from kennisbank.load import load
    from kennisbank.pages import page_paths, render_site

    # an old id (a redirect page) and a second bundle's reeks, so every family is present
    page = valid_corpus / "kwesties" / "eigen-kracht.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("---\n", "---\nvorige_ids: [oud]\n", 1),
        encoding="utf-8",
    )
    graph = Graph(load(valid_corpus))
    rendered = {p.path for p in render_site(graph.corpus, graph).pages}
    assert "kwesties/oud/index.html" in rendered
    assert page_paths(graph) == rendered


def test_one_a_to_z_files_accented_letters_under_their_letter() -> None:
    from kennisbank.sorting import letter, sort_key

    assert letter("Één wijk") == "E" and letter("élan") == "E" and letter("3 teams") == "#"
    assert sorted(["Zorg", "Ëvaluatie", "eigen", "Evaluatie"], key=sort_key) == [
        "eigen",
        "Evaluatie",
        "Ëvaluatie",
        "Zorg",
    ]
