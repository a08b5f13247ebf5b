"""Glossary linking: Dutch word forms (data-driven cases), where a mention is linked and
where never, the one-occurrence switch, and tooltip text that cannot become markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from kennisbank.glossary import Glossary, phrase_forms
from kennisbank.load import load
from kennisbank.markup import analyse
from kennisbank.model import Begrip
from kennisbank.pages.markdown import titled_link

from conftest import FIXTURES, write_files

CASES: list[dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "glossary" / "forms.yaml").read_text(encoding="utf-8")
)


def _glossary(tmp_path: Path, begrippen: dict[str, tuple[str, list[str]]]) -> Glossary:
    files = {
        f"begrippen/{bid}.md": (
            f"---\nterm: '{term}'\ndefinitie: 'Definitie van {term}.'\n"
            f"synoniemen: {synonyms!r}\n---\n"
        )
        for bid, (term, synonyms) in begrippen.items()
    }
    write_files(tmp_path, files)
    corpus = load(tmp_path)
    return Glossary(e for e in corpus.entities if isinstance(e, Begrip))


@pytest.mark.parametrize("case", CASES, ids=[c["term"] for c in CASES])
def test_word_forms(case: dict[str, Any], tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, {"b": (case["term"], [])})
    for text in case.get("match", []):
        found = glossary.mentions(f"Hier staat {text} in de tekst.")
        assert [m.text for m in found] == [text], text
    for text in case.get("no_match", []):
        assert glossary.mentions(f"Hier staat {text} in de tekst.") == [], text


def test_terms_separated_by_other_marks_have_no_forms() -> None:
    assert phrase_forms("<img src=x onerror=alert(1)>") == set()
    assert phrase_forms("a / b") == set()
    assert "eigen kracht" in phrase_forms("Eigen  kracht")


BODY = """\
# Netwerk in een kop

Een [link over netwerk](https://example.org/netwerk) en [[netwerk-id|netwerk]] en
`netwerk` in code en [@netwerk2020] zijn geen vermelding.

| netwerk |
|---|
| netwerk |

Dan [[=netwerken]] uitgezet, en dan pas **netwerken** in de tekst, en nog eens netwerk.
De wijkteams werken met netwerken.
"""


def test_only_the_first_mention_outside_headings_links_code_citations_and_tables(
    tmp_path: Path,
) -> None:
    glossary = _glossary(tmp_path, {"netwerk": ("netwerk", []), "wijkteam": ("Wijkteam", [])})
    found = glossary.mentions(BODY)
    assert [(m.begrip.id, m.text) for m in found] == [
        ("netwerk", "netwerken"),
        ("wijkteam", "wijkteams"),
    ]
    first = found[0]
    assert BODY[first.start : first.end] == "netwerken"
    assert (
        BODY[first.start - 2 : first.start] == "**"
    )  # the emphasised one, not the switched-off one


def test_mentions_in_lists_quotes_and_admonitions_map_back_to_the_body(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, {"a": ("mantelzorg", []), "b": ("vrijwilliger", [])})
    body = "- Een punt over mantelzorg.\n\n!!! note\n\n    Met vrijwilligers erbij.\n"
    found = glossary.mentions(body)
    assert [body[m.start : m.end] for m in found] == ["mantelzorg", "vrijwilligers"]


def test_excluded_begrippen_are_not_linked(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, {"netwerk": ("netwerk", ["sociaal netwerk"])})
    assert glossary.mentions("Een sociaal netwerk.", exclude={"netwerk"}) == []
    assert [m.text for m in glossary.mentions("Een sociaal netwerk.")] == ["sociaal netwerk"]


def test_a_longer_term_wins_and_a_written_form_beats_a_derived_one(tmp_path: Path) -> None:
    glossary = _glossary(
        tmp_path,
        {
            "a-netwerk": ("netwerk", []),
            "b-informeel": ("informeel netwerk", []),
            "c-netwerken": ("netwerken", []),
        },
    )
    assert [m.begrip.id for m in glossary.mentions("Het informele netwerk.")] == ["b-informeel"]
    assert [m.begrip.id for m in glossary.mentions("Alle netwerken.")] == ["c-netwerken"]
    assert ("a-netwerk", "c-netwerken") in glossary.collisions()


def test_verbatim_is_parsed_and_not_a_link() -> None:
    body = analyse("Zo [[=eigen kracht]] en [[x]].")
    assert [v.text for v in body.verbatim] == ["eigen kracht"]
    assert [link.target for link in body.links] == ["x"]


@pytest.mark.parametrize(
    "definition",
    [
        'Een "aanhaling" (met haakjes) en *nadruk* _zo_ `code` [x](y) { .klasse onclick=x }',
        '<img src=x onerror=alert(1)>"><script>alert(2)</script> & \\ eind',
    ],
)
def test_tooltip_text_stays_text(definition: str) -> None:
    html = markdown.markdown(
        "Zie " + titled_link("term", "../begrippen/x.md", definition, "kb-begrip") + " hier.",
        extensions=["attr_list"],
    )
    assert html.count("<a ") == 1 and "<img" not in html and "<script" not in html
    assert 'class="kb-begrip"' in html and "onclick" not in html.split("title=")[0]
    title = html.split('title="', 1)[1].split('"', 1)[0]
    unescaped = title.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    assert unescaped.replace("&amp;", "&") == " ".join(definition.split())
