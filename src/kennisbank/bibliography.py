"""The literature: BibTeX files read with pybtex, each entry remembering file and line.

pybtex's own `parse_file` stops at the first duplicate key and forgets where entries stand;
here the low-level parser is driven directly so that every problem becomes a diagnostic with
a line number and nothing stops the other files from loading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import LowLevelParser, Parser
from pybtex.errors import capture, set_strict_mode
from pybtex.scanner import PybtexError, PybtexSyntaxError

from . import vertaling
from .diagnostic import Diagnostic, Location, error, warning

RULE = "bibtex"


@dataclass(frozen=True, kw_only=True)
class BibEntry:
    """One work in the literature, as pybtex parsed it, with its place in a .bib file."""

    key: str
    entry: Entry
    location: Location
    source: str  # the entry's BibTeX text, for "BibTeX om te kopiëren"

    @property
    def fields(self) -> Mapping[str, str]:
        return {str(k).lower(): str(v) for k, v in self.entry.fields.items()}

    def persons(self, role: str) -> list[Person]:
        return list(self.entry.persons.get(role, []))

    def field_location(self, name: str) -> Location:
        """Where a field is written (the entry's first line if it is not found)."""
        match = re.search(rf"(?im)^[ \t]*{re.escape(name)}[ \t]*=", self.source)
        if not match:
            return self.location
        line = self.location.line + self.source.count("\n", 0, match.start())
        return Location(path=self.location.path, line=line)


@dataclass(frozen=True, kw_only=True)
class Bibliography:
    entries: Mapping[str, BibEntry] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    # Keys defined more than once: the later definitions (the first one wins).
    duplicates: tuple[BibEntry, ...] = ()


class _CollectingParser(Parser):  # type: ignore[misc]
    """pybtex's parser, turned into one that reports every problem instead of raising."""

    def __init__(self, display: str, text: str) -> None:
        super().__init__(encoding="utf-8")
        self.display = display
        self.text = text
        self.problems: list[Diagnostic] = []
        self.parsed: list[BibEntry] = []
        self._start = 0

    def handle_error(self, error_: PybtexError) -> None:
        line = self._line(self._start)
        if isinstance(error_, PybtexSyntaxError):
            line = getattr(error_, "lineno", line) or line
        self.problems.append(
            error(
                Location(path=self.display, line=line),
                RULE,
                f"BibTeX-fout: {vertaling.pybtex(str(error_))}.",
                "Controleer accolades, komma's tussen de velden en aanhalingstekens.",
            )
        )

    def _line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def run(self) -> None:
        self.unnamed_entry_counter = 1
        entries = LowLevelParser(
            self.text,
            keyless_entries=False,
            handle_error=self.handle_error,
            want_entry=lambda key: True,
            filename=self.display,
            macros=self.macros,
        )
        for parsed in entries:
            self._start = entries.command_start
            entry_type = parsed[0].lower()
            if entry_type == "string" or entry_type == "preamble":
                continue
            key, fields = parsed[1]
            if key is None:
                continue
            self.data = BibliographyData(wanted_entries=None)
            try:
                # pybtex reports odd names ("too many commas") through its error hook
                with capture() as captured:
                    self.process_entry(parsed[0], key, fields)
            except PybtexError as exc:
                self.handle_error(exc)
                continue
            for problem in captured:
                self.problems.append(
                    warning(
                        Location(path=self.display, line=self._line(entries.command_start)),
                        RULE,
                        f"In ‘{key}’ kon pybtex iets niet goed lezen: {vertaling.pybtex(str(problem))}.",
                        "Schrijf namen als ‘de Waal, Vincent and Jansen, Erik’.",
                    )
                )
            entry = self.data.entries.get(key)
            if entry is None:
                continue
            self.parsed.append(
                BibEntry(
                    key=key,
                    entry=entry,
                    location=Location(path=self.display, line=self._line(entries.command_start)),
                    source=self.text[entries.command_start : entries.pos].strip(),
                )
            )


def load_bibliography(root: Path, folder: str = "bibliography") -> Bibliography:
    """Read every `*.bib` file under `root/folder`, in name order."""
    set_strict_mode(False)
    entries: dict[str, BibEntry] = {}
    duplicates: list[BibEntry] = []
    diagnostics: list[Diagnostic] = []
    directory = root / folder
    for path in sorted(directory.glob("*.bib")) if directory.is_dir() else []:
        display = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            diagnostics.append(
                error(
                    Location(path=display),
                    RULE,
                    "Het BibTeX-bestand is geen UTF-8-tekst.",
                    "Exporteer opnieuw met tekenset UTF-8 (Zotero: ‘Tekenset: Unicode (UTF-8)’).",
                )
            )
            continue
        parser = _CollectingParser(display, text.replace("\r\n", "\n"))
        parser.run()
        diagnostics.extend(parser.problems)
        for bib_entry in parser.parsed:
            if bib_entry.key in entries:
                duplicates.append(bib_entry)
            else:
                entries[bib_entry.key] = bib_entry
    if not directory.is_dir():
        diagnostics.append(
            warning(Location(path=folder), RULE, "De map met literatuur ontbreekt.", None)
        )
    return Bibliography(
        entries=entries, diagnostics=tuple(diagnostics), duplicates=tuple(duplicates)
    )
