"""`kennisbank new`: naming, the starter's guidance through the checks, and its refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kennisbank import load, validate
from kennisbank.cli import main
from kennisbank.starter import KINDS, id_from_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Eigen kracht als norm", "eigen-kracht-als-norm"),
        ("Cliënt én buurt: wie beslist?", "client-en-buurt-wie-beslist"),
        (
            "Ruimte voor ‘professionele’ reflectie — 2017",
            "ruimte-voor-professionele-reflectie-2017",
        ),
        ("  Outreachend  werken!  ", "outreachend-werken"),
        (
            "De generalist versus de specialist in het sociale wijkteam van de gemeente Amsterdam",
            "de-generalist-versus-de-specialist-in-het-sociale-wijkteam",
        ),
    ],
)
def test_id_from_title_folds_accents_and_joins_words(title: str, expected: str) -> None:
    assert id_from_title(title) == expected


def _fill_in(text: str) -> str:
    """What a lector does: replace every placeholder with real content."""
    text = text.replace('jaar: "VUL IN: jaar van uitgave"', "jaar: 2020")
    text = text.replace("bib: vul-in", "bib: vries2020")
    text = text.replace("{bundel: vul-in}", "{bundel: testbundel-2020, hoofdstuk: netwerken}")
    text = re.sub(r'"VUL IN[^"]*"', '"Door de lector geschreven."', text)
    return re.sub(
        r"^VUL IN.*$", "Eigen tekst met [[eigen-kracht]] [@lipsky1980].", text, flags=re.M
    )


@pytest.mark.parametrize("kind", KINDS)
def test_fresh_starter_fails_on_each_placeholder_and_passes_once_filled_in(
    kind: str, valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(valid_corpus), "new", kind, "Wijk: een ‘nieuwe’ pagina #1"]) == 0
    folder = {"kwestie": "kwesties", "principe": "principes", "casus": "casussen"}.get(
        kind, kind.replace("begrip", "begrippen").replace("bundel", "bundels")
    )
    display = f"{folder}/wijk-een-nieuwe-pagina-1.md"
    out = capsys.readouterr().out
    assert out.startswith(f"Aangemaakt: {display}\nVolgende stap:")
    path = valid_corpus / display
    text = path.read_text(encoding="utf-8")

    fresh = validate(load(valid_corpus))
    placeholder_lines = [
        i
        for i, line in enumerate(text.split("\n"), 1)
        if not line.startswith("#") and ("VUL IN" in line or ": vul-in" in line)
    ]
    assert placeholder_lines, "a starter leaves something to fill in"
    assert [d.rule for d in fresh] == ["invullen"] * len(placeholder_lines)
    assert [d.location.line for d in fresh] == placeholder_lines
    assert all(d.location.path == display and d.suggestion for d in fresh)

    path.write_text(_fill_in(text), encoding="utf-8")
    assert [d.format() for d in validate(load(valid_corpus))] == []
    title_key = "term" if kind == "begrip" else "titel"
    entity = load(valid_corpus).by_id["wijk-een-nieuwe-pagina-1"]
    assert entity.document.data[title_key] == "Wijk: een ‘nieuwe’ pagina #1"


def test_starter_lists_the_bundles_to_cite(valid_corpus: Path) -> None:
    assert main(["--root", str(valid_corpus), "new", "casus", "Buurtkamer"]) == 0
    text = (valid_corpus / "casussen" / "buurtkamer.md").read_text(encoding="utf-8")
    assert "#   testbundel-2020: inleiding, netwerken" in text


def test_refuses_to_overwrite_an_existing_file(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = valid_corpus / "kwesties" / "eigen-kracht.md"
    before = path.read_bytes()
    assert main(["--root", str(valid_corpus), "new", "kwestie", "Eigen kracht"]) == 1
    assert path.read_bytes() == before
    err = capsys.readouterr().err
    assert "fout: kwesties/eigen-kracht.md bestaat al; er is niets overschreven." in err


@pytest.mark.parametrize("title", ["Netwerk", "NETWERK"])
def test_refuses_an_id_that_exists_under_another_type(
    title: str, valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(valid_corpus), "new", "kwestie", title]) == 1
    assert not (valid_corpus / "kwesties" / "netwerk.md").exists()
    err = capsys.readouterr().err
    assert "De id ‘netwerk’ bestaat al: begrippen/netwerk.md." in err
    assert "--id netwerk-kwestie" in err


def test_refuses_an_old_id_and_a_reserved_name(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = valid_corpus / "begrippen" / "netwerk.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("---\n", "---\nvorige_ids: [sociaal-netwerk]\n", 1)
    )
    assert main(["--root", str(valid_corpus), "new", "begrip", "Sociaal netwerk"]) == 1
    assert "is een oude id van begrippen/netwerk.md" in capsys.readouterr().err
    assert main(["--root", str(valid_corpus), "new", "kwestie", "Index"]) == 1
    assert "gereserveerde naam" in capsys.readouterr().err
    assert not (valid_corpus / "kwesties" / "index.md").exists()


def test_own_id_and_invalid_id(valid_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(valid_corpus), "new", "begrip", "Eigen kracht", "--id", "ek"]) == 0
    assert (valid_corpus / "begrippen" / "ek.md").is_file()
    assert main(["--root", str(valid_corpus), "new", "begrip", "X", "--id", "Foute Id"]) == 1
    assert "‘Foute Id’ is geen geldige id" in capsys.readouterr().err
    assert main(["--root", str(valid_corpus), "new", "begrip", "?!"]) == 1
