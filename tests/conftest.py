from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def valid_corpus(tmp_path: Path) -> Path:
    """A copy of the valid fixture corpus that a test may change."""
    target = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", target)
    return target


from browser import browser  # noqa: E402, F401  (the shared session-scoped fixture)
