"""BibTeX fields that are nobody else's business: never published, and named by a warning.

Reference managers export more than a reference: Zotero's `file` holds the path of the PDF on
the lector's own computer (`/Users/<naam>/Zotero/storage/…`), JabRef writes `owner` and
`timestamp`, Mendeley and BibDesk their own fields, and `annote` carries personal notes. None of
that belongs on the site: the work page's "BibTeX om te kopiëren" leaves them out (the CSL item
and the `citation_*` tags never read them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Fields that carry local paths, personal notes or data about the person who exported them.
PRIVATE_FIELDS = frozenset(
    {
        "file",
        "localfile",
        "local-url",
        "pdf",
        "owner",
        "timestamp",
        "date-added",
        "date-modified",
        "annote",
        "annotation",
        "comment",
        "review",
        "groups",
        "readstatus",
        "read",
        "rating",
        "ranking",
        "priority",
        "qualityassured",
        "printed",
    }
)
PRIVATE_PREFIXES = ("bdsk-", "mendeley-", "zotero-", "jabref-")
# A value that is a path on someone's computer, whatever its field is called.
LOCAL_PATH = re.compile(
    r"(?i)(?:^|[\s{:;\"])(?:file:/|/Users/|/home/|[A-Z]:[\\/]|\\\\|~/)", re.ASCII
)


def is_private(name: str, value: str = "") -> bool:
    lowered = name.lower()
    if lowered in PRIVATE_FIELDS or lowered.startswith(PRIVATE_PREFIXES):
        return True
    return lowered not in ("url", "doi", "howpublished") and bool(LOCAL_PATH.search(value))


def private_fields(fields: Mapping[str, str]) -> list[str]:
    """The names of the private fields of an entry, in the order written."""
    return [name for name, value in fields.items() if is_private(name, value)]


_FIELD_START = re.compile(r"(?m)^[ \t]*([A-Za-z][\w:.+-]*)[ \t]*=")


def _value_end(text: str, pos: int) -> int:
    """The end of a BibTeX field value starting at `pos` (braces, quotes, `#` concatenation)."""
    n = len(text)
    while True:
        while pos < n and text[pos] in " \t\n":
            pos += 1
        if pos < n and text[pos] == "{":
            depth = 0
            while pos < n:
                depth += {"{": 1, "}": -1}.get(text[pos], 0)
                pos += 1
                if depth == 0:
                    break
        elif pos < n and text[pos] == '"':
            pos += 1
            depth = 0
            while pos < n and not (text[pos] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[pos], 0)
                pos += 1
            pos += 1
        else:
            while pos < n and text[pos] not in ",}#\n":
                pos += 1
        rest = pos
        while rest < n and text[rest] in " \t\n":
            rest += 1
        if rest < n and text[rest] == "#":
            pos = rest + 1
            continue
        return pos


def public_source(source: str, private: list[str]) -> str:
    """The entry's BibTeX text without its private fields (the rest as the lector wrote it)."""
    if not private:
        return source
    wanted = {name.lower() for name in private}
    kept: list[str] = []
    pos = 0
    for match in _FIELD_START.finditer(source):
        if match.start() < pos or match.group(1).lower() not in wanted:
            continue
        end = _value_end(source, match.end())
        while end < len(source) and source[end] in " \t":
            end += 1
        if end < len(source) and source[end] == ",":
            end += 1
        while end < len(source) and source[end] in " \t":
            end += 1
        if end < len(source) and source[end] == "\n":
            end += 1
        kept.append(source[pos : match.start()])
        pos = end
    kept.append(source[pos:])
    return "".join(kept)
