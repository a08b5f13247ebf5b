"""Text pasted from Word or written in a web editor: the characters that look right but are not.

Word and web editors bring characters that a reader cannot see or tell apart: non-breaking
spaces, soft hyphens, zero-width spaces, curly quotes, `•` bullets. Some break the YAML header
in a way whose YAML message points at the wrong line; `header_problem` finds those before
YAML does. The rules in `rules/pasted.py` find the rest, in the model and the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP_LIKE = {
    "\u00a0": "vaste spatie",
    "\u2007": "vaste cijferspatie",
    "\u202f": "smalle vaste spatie",
    "\u3000": "brede spatie",
}
INVISIBLE = {
    "\u00ad": "zacht afbreekstreepje",
    "\u200b": "spatie zonder breedte",
    "\u200c": "teken zonder breedte",
    "\u200d": "teken zonder breedte",
    "\u2060": "woordverbinder",
    "\ufeff": "onzichtbaar BOM-teken",
}
CURLY_OPEN = "“„‘‚"
CURLY_PAIRS = {"“": "”", "„": "”", "‘": "’", "‚": "’"}
BULLETS = "•◦▪●○■□➢►"
STARTER_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")


@dataclass(frozen=True)
class HeaderProblem:
    """Where in the header (0-based header line, 1-based column) and what to say."""

    line: int
    col: int
    message: str
    suggestion: str


def _named(char: str) -> str:
    return NBSP_LIKE.get(char) or INVISIBLE.get(char) or repr(char)


def header_problem(header: list[str]) -> HeaderProblem | None:
    """The first header line whose pasted characters would make YAML fail or mislead."""
    for number, line in enumerate(header):
        if line.lstrip().startswith("#"):
            continue  # a comment: the starter's explanation may mention {{ id }}
        body = line.lstrip(" ")
        indent_end = len(line) - len(body)
        odd = next((i for i, ch in enumerate(body) if ch not in NBSP_LIKE), len(body))
        if odd:
            char = body[0]
            return HeaderProblem(
                number,
                indent_end + 1,
                f"De inspringing bevat een {_named(char)} (uit Word of een webpagina geplakt); "
                "YAML ziet die niet als spatie en raakt de regel kwijt.",
                "Vervang de inspringing van deze regel door gewone spaties (twee per niveau); "
                "in VS Code: zoek met ‘.*’ aan naar \\u00a0 en vervang door een spatie.",
            )
        marker = re.match(r"^(?:-|[^:#\"']+:)([\u00a0\u2007\u202f\u3000])", body)
        if marker:
            char = marker.group(1)
            return HeaderProblem(
                number,
                indent_end + marker.start(1) + 1,
                f"Na ‘{marker.group(0)[:-1]}’ staat een {_named(char)} in plaats van een gewone "
                "spatie; YAML ziet dan geen veld.",
                "Vervang dat teken door een gewone spatie.",
            )
        placeholder = STARTER_PLACEHOLDER.search(line)
        if placeholder:
            name = placeholder.group(1)
            what = {
                "titel": "de titel, tussen aanhalingstekens",
                "id": "niets: verwijder de regel of het stuk met {{ id }}",
                "bundels": "niets: verwijder deze regel",
            }.get(name, "de juiste waarde")
            return HeaderProblem(
                number,
                placeholder.start() + 1,
                f"Hier staat nog ‘{placeholder.group(0)}’ uit het startbestand.",
                f"Vervang ‘{placeholder.group(0)}’ door {what}"
                + (', bijvoorbeeld: titel: "Eigen kracht als norm".' if name == "titel" else "."),
            )
    return None


def curly_quote_hint(line: str) -> tuple[str, str] | None:
    """A YAML error on a line whose value starts with a curly quote: say that, not YAML's riddle."""
    found = re.search(r"(?:^|:\s|-\s|\[|,\s?)\s*([“„‘‚])", line)
    if not found:
        return None
    quote = found.group(1)
    straight = '"' if quote in "“„" else "'"
    return (
        f"de waarde begint met een krul-aanhalingsteken ‘{quote}’ (uit Word), dat YAML niet als "
        "aanhalingsteken herkent",
        f"Gebruik rechte aanhalingstekens: {straight}…{straight} in plaats van "
        f"{quote}…{CURLY_PAIRS[quote]}.",
    )
