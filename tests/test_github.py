"""The GitHub issue forms have the shape GitHub asks for, in Dutch, with unique field ids."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO

FORMS = sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def test_the_three_forms_and_config_exist() -> None:
    assert [p.name for p in FORMS] == [
        "config.yml",
        "correctie.yml",
        "nieuwe-bron.yml",
        "nieuwe-kwestie.yml",
    ]
    assert (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").is_file()


@pytest.mark.parametrize("form", [p for p in FORMS if p.name != "config.yml"], ids=lambda p: p.stem)
def test_issue_form_shape(form: Path) -> None:
    spec = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(spec)
    fields = [item for item in spec["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids))
    assert all(item["type"] in {"input", "textarea", "dropdown"} for item in fields)
    assert all(item["attributes"]["label"] for item in fields)
    assert any(item.get("validations", {}).get("required") for item in fields)
