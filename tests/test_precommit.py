"""pre-commit mirrors CI: its hooks are real commands and fire on the right files."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO


def _hooks() -> dict[str, dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_hooks_run_real_commands_from_the_venv() -> None:
    hooks = _hooks()
    assert set(hooks) == {"kennisbank-check", "ruff-check", "ruff-format"}
    for hook in hooks.values():
        program, *args = shlex.split(str(hook["entry"]))
        assert (REPO / program).is_file(), program
        result = subprocess.run(
            [str(REPO / program), *args, "--help"], capture_output=True, check=False
        )
        assert result.returncode == 0, (hook["id"], result.stderr)


def test_content_hook_fires_on_content_only_and_checks_everything() -> None:
    hook = _hooks()["kennisbank-check"]
    pattern = re.compile(str(hook["files"]))
    for path in ["kwesties/eigen-kracht.md", "bundels/b.md", "bibliography/bundels.bib"]:
        assert pattern.search(path), path
    for path in [
        "src/kennisbank/cli.py",
        "README.md",
        "docs/index.md",
        "tests/fixtures/valid/kwesties/k.md",
    ]:
        assert not pattern.search(path), path
    assert hook["pass_filenames"] is False  # a reference can break in a file not staged


def test_config_is_valid_for_pre_commit() -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "pre-commit"),
            "validate-config",
            ".pre-commit-config.yaml",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
