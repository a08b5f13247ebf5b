"""The `kennisbank` command: check (text and GitHub formats), generate, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from kennisbank.cli import main

from conftest import FIXTURES

BROKEN = "---\ntitel: K\nsamenvatting: S\nbronnen: [{bundel: testbundel-2020}]\nprincipes: [bestaat-niet]\n---\n"


def test_check_clean_corpus_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(FIXTURES / "valid"), "check"]) == 0
    assert "0 fout(en), 0 waarschuwing(en)" in capsys.readouterr().out


def test_check_reports_errors_and_exits_one(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (valid_corpus / "kwesties" / "kapot.md").write_text(BROKEN, encoding="utf-8")
    assert main(["--root", str(valid_corpus), "check"]) == 1
    out = capsys.readouterr().out
    assert "kwesties/kapot.md:5:13: fout: ‘bestaat-niet’ in ‘principes’ bestaat niet." in out
    assert "1 fout(en)" in out


def test_check_github_format_prints_annotations(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (valid_corpus / "kwesties" / "kapot.md").write_text(BROKEN, encoding="utf-8")
    assert main(["--root", str(valid_corpus), "check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "::error file=kwesties/kapot.md,line=5,col=13,title=kennisbank relatie::"
        "‘bestaat-niet’ in ‘principes’ bestaat niet. → Is de pagina ‘bestaat-niet’ "
        "verwijderd, haal dan deze verwijzing weg; is ze hernoemd, schrijf dan de nieuwe id "
        "(en zet de oude in ‘vorige_ids’ van de nieuwe pagina); is ze nieuw, maak haar aan "
        'met: kennisbank new principe "Titel" --id bestaat-niet'
    ]


def test_warnings_alone_do_not_fail(valid_corpus: Path) -> None:
    page = valid_corpus / "principes" / "teamleider-faciliteert.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "soort: aanbeveling", "soort: aanbeveling\nnummer: 3"
        )
    )
    assert main(["--root", str(valid_corpus), "check"]) == 0


def test_generate_writes_pages_and_refuses_on_errors(valid_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["--root", str(valid_corpus), "generate", str(out)]) == 0
    assert (out / "kwesties" / "eigen-kracht.md").is_file()
    (valid_corpus / "kwesties" / "kapot.md").write_text(BROKEN, encoding="utf-8")
    assert main(["--root", str(valid_corpus), "generate", str(tmp_path / "other")]) == 1
    assert not (tmp_path / "other").exists()


def test_schema_files_are_valid_and_describe_the_fixture(tmp_path: Path) -> None:
    assert main(["schema", str(tmp_path)]) == 0
    schema = json.loads((tmp_path / "kwestie.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["titel", "samenvatting", "bronnen"]
    validator = jsonschema.Draft202012Validator(schema)
    assert (
        list(
            validator.iter_errors({"titel": "K", "samenvatting": "S", "bronnen": [{"bundel": "b"}]})
        )
        == []
    )
    assert list(validator.iter_errors({"titel": "K", "bronnen": []}))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "begrip.schema.json",
        "bundel.schema.json",
        "casus.schema.json",
        "kwestie.schema.json",
        "principe.schema.json",
    ]


def test_closed_pipe_ends_quietly(valid_corpus: Path) -> None:
    import subprocess
    import sys

    (valid_corpus / "kwesties" / "kapot.md").write_text(BROKEN * 1, encoding="utf-8")
    for i in range(300):  # more output than a pipe buffer holds
        (valid_corpus / "kwesties" / f"kapot-{i}.md").write_text(BROKEN, encoding="utf-8")
    result = subprocess.run(
        f"'{sys.executable}' -m kennisbank.cli --root '{valid_corpus}' check | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.startswith("kwesties/kapot-0.md:")
    assert "Traceback" not in result.stderr


def test_check_rules_lists_every_code_with_its_severity(capsys: pytest.CaptureFixture[str]) -> None:
    from kennisbank import RULES

    assert main(["check", "--rules"]) == 0
    listed = {
        tuple(line.split()[:3])
        for line in capsys.readouterr().out.splitlines()
        if line[:1].isalpha()
    }
    for rule in RULES:
        assert (rule.code, rule.severity.value, rule.name) in listed
    assert ("dubbel-veld", "fout", "(inlezen)") in listed


def test_check_summary_lists_every_finding_per_file(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (valid_corpus / "kwesties" / "kapot.md").write_text(BROKEN, encoding="utf-8")
    assert main(["--root", str(valid_corpus), "check", "--format", "summary"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("## Inhoudscontrole: 1 fout, 0 waarschuwingen\n")
    assert "### kwesties/kapot.md (1 fout, 0 waarschuwingen)" in out
    assert "- **regel 5, kolom 13** · ❌ fout · `relatie`: ‘bestaat-niet’ in ‘principes’" in out


def test_check_summary_of_a_clean_corpus_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(FIXTURES / "valid"), "check", "--format", "summary"]) == 0
    assert "Geen fouten: de inhoud kan zo op de site." in capsys.readouterr().out


def test_command_line_mistakes_are_told_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["chekc"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: kennisbank")
    assert "kennisbank: fout: onbekende keuze ‘chekc’ bij opdracht; kies uit 'check'" in err
    assert "usage" not in err and "invalid choice" not in err
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "toon deze hulp en stop" in capsys.readouterr().out
