"""Diagnostics: what the checks report, in Dutch, with file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, kw_only=True)
class Location:
    """A place in a source file; lines and columns count from 1."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """One finding of a check: where, how bad, what, and how to fix it."""

    location: Location
    severity: Severity
    message: str
    rule: str
    suggestion: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.FOUT

    def format(self) -> str:
        text = f"{self.location}: {self.severity.value}: {self.message}"
        if self.suggestion:
            text += f"\n    → {self.suggestion}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the changed line."""
        level = "error" if self.is_error else "warning"
        message = self.message + (f" → {self.suggestion}" if self.suggestion else "")
        loc = self.location
        return (
            f"::{level} file={_escape_property(loc.path)},line={loc.line},col={loc.col},"
            f"title={_escape_property('kennisbank ' + self.rule)}::{_escape_data(message)}"
        )


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping (actions/toolkit, command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# Findings that explain others (a rename without `vorige_ids` explains the errors in every
# file that still uses the old id): they come first, so the first line says what happened.
LEADING_RULES = frozenset({"hernoemd"})


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(
        diagnostics,
        key=lambda d: (
            d.rule not in LEADING_RULES,
            d.location.path,
            d.location.line,
            d.location.col,
            d.rule,
            d.message,
        ),
    )


def error(location: Location, rule: str, message: str, suggestion: str | None = None) -> Diagnostic:
    return Diagnostic(
        location=location,
        severity=Severity.FOUT,
        message=message,
        rule=rule,
        suggestion=suggestion,
    )


def warning(
    location: Location, rule: str, message: str, suggestion: str | None = None
) -> Diagnostic:
    return Diagnostic(
        location=location,
        severity=Severity.WAARSCHUWING,
        message=message,
        rule=rule,
        suggestion=suggestion,
    )
