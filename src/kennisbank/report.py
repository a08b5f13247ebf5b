"""The check's findings as Markdown for a pull request's job summary: all of them, per file.

GitHub shows at most ten annotations of each kind per step, and only on the lines a pull
request changed; the summary has every finding, grouped by file, with the fix. Everything a
lector wrote is quoted in the messages, so it is escaped (md_inline): it stays text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .diagnostic import LEADING_RULES, Diagnostic
from .pages.markdown import md_inline


def _count(errors: int, warnings: int) -> str:
    return (
        f"{errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
    )


def _item(diagnostic: Diagnostic) -> str:
    loc = diagnostic.location
    mark = "❌ fout" if diagnostic.is_error else "⚠️ waarschuwing"
    text = (
        f"- **regel {loc.line}, kolom {loc.col}** · {mark} · `{diagnostic.rule}`: "
        f"{md_inline(diagnostic.message)}"
    )
    if diagnostic.suggestion:
        text += f"  \n  → {md_inline(diagnostic.suggestion)}"
    return text


def format_summary(diagnostics: Sequence[Diagnostic], files: int, works: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    lines = [f"## Inhoudscontrole: {_count(errors, warnings)}", ""]
    lines.append(
        f"{files} bestanden en {works} werken gecontroleerd. "
        + (
            "Een fout houdt de site tegen; los de fouten hieronder op en push opnieuw. "
            "Een waarschuwing houdt niets tegen."
            if errors
            else "Geen fouten: de inhoud kan zo op de site."
        )
    )
    lines.append("")
    leading = [d for d in diagnostics if d.rule in LEADING_RULES]
    for diagnostic in leading:
        lines.append(f"> **Eerst dit:** {md_inline(diagnostic.message)}  ")
        if diagnostic.suggestion:
            lines.append(f"> → {md_inline(diagnostic.suggestion)}")
        lines.append("")
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        by_file[diagnostic.location.path].append(diagnostic)
    for path in sorted(by_file, key=lambda p: (not any(d.is_error for d in by_file[p]), p)):
        found = by_file[path]
        file_errors = sum(1 for d in found if d.is_error)
        lines.append(f"### {md_inline(path)} ({_count(file_errors, len(found) - file_errors)})")
        lines.append("")
        lines.extend(_item(d) for d in found)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
