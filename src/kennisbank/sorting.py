"""One A–Z: the letter a text is filed under and the key it sorts by, for every list.

Accents do not make a letter of their own ("Één" is filed and sorted under E, "Ëvaluatie"
next to "Evaluatie"), and case does not count.
"""

from __future__ import annotations

import unicodedata


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str) -> tuple[str, str]:
    """Unaccented and case-folded first; where that ties, the unaccented form goes first."""
    return (_unaccented(text.strip()).casefold(), text.strip().casefold())


def letter(text: str) -> str:
    """The A–Z letter of a text; "#" for one that starts with a digit or a sign."""
    first = _unaccented(text.strip())[:1].upper()
    return first if first.isalpha() else "#"
