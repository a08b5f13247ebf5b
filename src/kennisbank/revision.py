"""Loading the corpus as it was at a git revision: the thin git side of `kennisbank diff`.

`git archive` writes the revision's content folders and literature into a temporary
folder, which is loaded like any other; nothing in the work tree is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .load import Corpus, load
from .model import CONTENT_FOLDERS

FOLDERS = (*CONTENT_FOLDERS, "bibliography")


class RevisionError(Exception):
    """A revision that cannot be read; the message and suggestion are for the lector."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise RevisionError(
            "git is niet geïnstalleerd.", "Installeer git en probeer opnieuw."
        ) from exc
    if result.returncode != 0:
        raise RevisionError(
            f"git {args[0]} mislukte: {result.stderr.decode(errors='replace').strip()}",
            "Controleer de naam van de versie (een tak zoals origin/main, of een commit); haal "
            "de tak zo nodig eerst op met ‘git fetch origin main’.",
        )
    return result.stdout


def load_revision(root: Path, revision: str, into: Path) -> Corpus:
    """Load the corpus under `root` as it was at `revision`, unpacked into the folder `into`."""
    try:
        prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    except RevisionError as exc:
        raise RevisionError(
            f"{root} is geen git-opslag (of valt er niet onder).",
            "Draai het commando in een kloon van de kennisbank.",
        ) from exc
    revision = _resolve(root, revision)
    archive = _git(root, "archive", "--format=tar", f"{revision}:{prefix}" if prefix else revision)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        members = [m for m in tar.getmembers() if m.name.split("/", 1)[0] in FOLDERS]
        tar.extractall(into, members=members, filter="data")
    return load(into)


def _resolve(root: Path, revision: str) -> str:
    # A fresh clone has `origin/main` but no local `main`: accept the short name too.
    for candidate in (revision, f"origin/{revision}"):
        try:
            _git(root, "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}")
            return candidate
        except RevisionError:
            continue
    raise RevisionError(
        f"De versie ‘{revision}’ bestaat niet in deze git-opslag.",
        "Gebruik een tak (zoals origin/main) of een commit; haal een tak zo nodig eerst op "
        "met ‘git fetch origin main’.",
    )


class RevisionCorpus:
    """A context manager: the corpus at a revision, in a temporary folder removed afterwards."""

    def __init__(self, root: Path, revision: str) -> None:
        self.root = root
        self.revision = revision
        self._tmp = tempfile.TemporaryDirectory(prefix="kennisbank-")

    def __enter__(self) -> Corpus:
        return load_revision(self.root, self.revision, Path(self._tmp.name))

    def __exit__(self, *exc: object) -> None:
        self._tmp.cleanup()
