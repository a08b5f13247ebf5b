"""What does not change between two runs, kept on disk: a second check pays only for changes.

Three tables, each keyed by a hash of exactly the input its value is computed from:

- `kop`: a content file's parsed front matter, body and diagnostics (key: path + text);
- `tekst`: a body's links, citations and findings (key: path + first line + body);
- `literatuur`: pandoc's formatted references and citations (key: every CSL item + every
  citation, as pandoc gets them).

A hash of the generator's own code (every module and the APA style) is part of each table,
so a changed parser never serves an old result. The cache is plain JSON (never pickle: a file
in it can do nothing but be wrong) under `.cache/kennisbank/` in the content root, which git
ignores. A file that cannot be read is a miss; a cache that cannot be written is skipped.
`KENNISBANK_CACHE=0` switches it off, and so does `CI` (a clean checkout has nothing to
reuse, and a pull request could bring its own `.cache/`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".cache") / "kennisbank"
PACKAGE = Path(__file__).parent


@cache
def code_version() -> str:
    """A hash of the generator's code and style: any change there makes every entry stale."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.csl")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class Cache:
    """Tables of JSON values by key; `save()` writes what was used in this run.

    A value is kept as its JSON text and decoded only when it is asked for."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._tables: dict[str, dict[str, Any]] = {}
        self._used: dict[str, dict[str, Any]] = {}
        self._changed: set[str] = set()
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_root(cls, root: Path) -> Cache:
        """The cache of a content root, or a disabled one (`KENNISBANK_CACHE=0`, or in CI)."""
        if os.environ.get("KENNISBANK_CACHE", "1").lower() in {"0", "uit", "off", "no"}:
            return cls(None)
        if os.environ.get("CI") and os.environ.get("KENNISBANK_CACHE") != "1":
            return cls(None)
        return cls(root / CACHE_DIR)

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def _table(self, table: str) -> dict[str, Any]:
        if table not in self._tables:
            self._tables[table] = self._read(table)
            self._used[table] = {}
        return self._tables[table]

    def _read(self, table: str) -> dict[str, Any]:
        if self.directory is None:
            return {}
        try:
            stored = json.loads((self.directory / f"{table}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("versie") != code_version():
            return {}
        entries = stored.get("items")
        return entries if isinstance(entries, dict) else {}

    def get(self, table: str, entry: str) -> Any | None:
        if self.directory is None:
            return None
        text = self._table(table).get(entry)
        try:
            value = json.loads(text) if isinstance(text, str) else None
        except ValueError:
            value = None
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used[table][entry] = text
        return value

    def put(self, table: str, entry: str, value: Any) -> None:
        if self.directory is None:
            return
        try:
            text = json.dumps(value, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # not plain data: computed again next time
        self._table(table)[entry] = text
        self._used[table][entry] = text
        self._changed.add(table)

    def save(self) -> None:
        """Write each table that changed or holds entries this run did not use (pruned)."""
        if self.directory is None:
            return
        for table, used in self._used.items():
            if table not in self._changed and len(used) == len(self._tables[table]):
                continue
            stored = {"versie": code_version(), "items": used}
            with contextlib.suppress(OSError, ValueError):
                self.directory.mkdir(parents=True, exist_ok=True)
                handle, name = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
                try:
                    with os.fdopen(handle, "w", encoding="utf-8") as out:
                        json.dump(stored, out, ensure_ascii=False, separators=(",", ":"))
                    os.replace(name, self.directory / f"{table}.json")
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
        self._changed.clear()
