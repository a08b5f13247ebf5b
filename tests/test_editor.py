"""Editor support: the committed JSON Schemas equal what `kennisbank schema` writes, and the
VS Code settings and task point at real files and read the check's real output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kennisbank.cli import main
from kennisbank.model import BY_KIND

from conftest import REPO


def test_committed_schemas_equal_generated(tmp_path: Path) -> None:
    assert main(["schema", str(tmp_path)]) == 0
    generated = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert committed == generated, "run: .venv/bin/kennisbank schema schemas"


def test_vscode_maps_each_content_folder_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).is_file(), schema
    expected = {
        f"./schemas/{kind}.schema.json": [f"{cls.folder}/*.md"] for kind, cls in BY_KIND.items()
    }
    assert mapping == expected
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_vscode_task_reads_the_checks_output(
    valid_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = valid_corpus / "principes" / "teamleider-faciliteert.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "soort: aanbeveling", "soort: aanbeveling\nnummer: 3"
        )
        + "Zie [[weg]].\n",
        encoding="utf-8",
    )
    assert main(["--root", str(valid_corpus), "check"]) == 1
    output = capsys.readouterr().out.splitlines()
    tasks = json.loads((REPO / ".vscode" / "tasks.json").read_text(encoding="utf-8"))
    check = next(t for t in tasks["tasks"] if t.get("group", {}).get("isDefault"))
    assert check["command"] == "make check"
    found = []
    for matcher in check["problemMatcher"]:
        pattern = matcher["pattern"]
        for line in output:
            m = re.match(pattern["regexp"], line)
            if m:
                found.append(
                    (
                        matcher["severity"],
                        m[pattern["file"]],
                        int(m[pattern["line"]]),
                        int(m[pattern["column"]]),
                        m[pattern["message"]][:20],
                    )
                )
    assert sorted(found) == [
        ("error", "principes/teamleider-faciliteert.md", 9, 5, "De link [[weg]] wijs"),
        ("warning", "principes/teamleider-faciliteert.md", 5, 9, "Er staat een ‘nummer"),
    ]
