"""`make` on a machine whose Python is too old: one Dutch sentence, and no `.venv` left behind."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import REPO


def _make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_old_python_without_uv_gets_one_dutch_sentence(tmp_path: Path) -> None:
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\nexit 1\n")  # the version check fails, as on Python 3.9
    old.chmod(0o755)
    result = _make(tmp_path, "install", f"PYTHON={old}", "UV=")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "Python" in line]
    assert lines and lines[0].startswith("De kennisbank heeft Python 3.11 of nieuwer nodig")
    assert "installeer Python 3.12" in lines[0] and "uv" in lines[0]
    assert not (tmp_path / ".venv").exists()


def test_distclean_removes_the_virtualenv(tmp_path: Path) -> None:
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / "site").mkdir()
    result = _make(tmp_path, "distclean")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".venv").exists() and not (tmp_path / "site").exists()


def test_a_virtualenv_with_an_old_python_is_named(tmp_path: Path) -> None:
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text("#!/bin/sh\nexit 1\n")
    (bin_dir / "python").chmod(0o755)
    result = _make(tmp_path, "install")
    assert result.returncode != 0
    assert "draai 'make distclean'" in result.stderr
