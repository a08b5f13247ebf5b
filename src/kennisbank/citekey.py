"""The one grammar of a citation key, shared by the body parser (`[@key]`, `@key`) and the
BibTeX check: a key the check accepts is a key a body can cite, and the other way round.

A key starts with a letter, digit or `_`; inside it, `:` `.` `+` `/` `-` may stand between
two such characters (Pandoc's rule, without the punctuation BibTeX keys never carry).
"""

from __future__ import annotations

import re

KEY = r"\w(?:\w|[:.+/\-](?=\w))*"
KEY_RE = re.compile(KEY)


def is_key(text: str) -> bool:
    return KEY_RE.fullmatch(text) is not None
