"""The headings of a body, each with a stable anchor: the one place that names them.

A body's `## In Samen DOEN (2016)` becomes `## In Samen DOEN (2016) { #in-samen-doen-2016 }`
on the page, so that the overview can link to the passage whatever site engine builds it.
The anchor is the one Python-Markdown's table of contents would make (so addresses people
already use keep working); a heading that has its own `{ #id }` keeps it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from markdown_it.token import Token

from .markup import parser

_EXPLICIT_ID = re.compile(r"\{\s*#([A-Za-z][\w-]*)[^}]*\}\s*$")


@dataclass(frozen=True, kw_only=True)
class Heading:
    level: int
    text: str  # as a reader sees it ([[links]] by their label)
    line: int  # 0-based line in the body
    anchor: str
    explicit: bool  # the lector wrote `{ #id }`


def slug(text: str) -> str:
    """An anchor as Python-Markdown's `toc` makes it: ASCII, lower case, hyphens."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _visible(children: Iterable[Token]) -> str:
    parts = []
    for child in children:
        if child.type == "wikilink":
            parts.append(child.meta["label"] or child.meta["target"])
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
    return "".join(parts)


def headings(body: str, taken: Iterable[str] = ()) -> list[Heading]:
    """The ATX headings of a body (not those in code or quotes), with unique anchors.

    `taken` are anchors the page already uses (its own sections); a heading whose anchor
    would repeat one gets `_1`, `_2`, … as the table of contents does."""
    used = set(taken)
    found: list[Heading] = []
    tokens = parser().parse(body)
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or not token.map or not token.markup.startswith("#"):
            continue
        if token.level != 0:
            continue  # inside a list, a quote or an admonition
        inline = tokens[index + 1]
        source = inline.content
        explicit = _EXPLICIT_ID.search(source)
        text = _visible(inline.children or []).strip()
        if explicit:
            anchor = explicit.group(1)
            text = _EXPLICIT_ID.sub("", text).strip()
        else:
            base = slug(text) or "sectie"
            anchor, number = base, 1
            while anchor in used:
                anchor, number = f"{base}_{number}", number + 1
        used.add(anchor)
        found.append(
            Heading(
                level=len(token.markup),
                text=text,
                line=token.map[0],
                anchor=anchor,
                explicit=bool(explicit),
            )
        )
    return found
