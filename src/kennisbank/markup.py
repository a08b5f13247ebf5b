"""Parsing entity bodies with markdown-it-py: links, citations, raw HTML and unsafe links.

Bodies are Markdown plus two extensions, both recognised by inline rules of the parser (so
that `[[x]]` inside a code span is left alone):
- entity links `[[id]]` and `[[id|label]]`; `[[=tekst]]` is text that is never linked (it
  switches glossary linking off for one occurrence, glossary.py);
- Pandoc citations: `[@key]`, `[@key, p. 14]`, `[zie @a; @b]`, `[-@key]`, narrative `@key`.
Each one found carries its exact span in the body, so rendering can substitute it and a
check can point at its line and column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin

from .citekey import KEY, KEY_RE
from .diagnostic import Location
from .urls import BODY_SCHEMES, url_problem

_ITEM_RE = re.compile(
    rf"^(?P<prefix>[^@]*?)(?P<suppress>-)?@(?P<key>{KEY})(?P<suffix>[^@]*)$", re.S
)
_NARRATIVE_LOCATOR_RE = re.compile(r" ?\[(?P<locator>[^\[\]@]+)\](?![(\[])")


@dataclass(frozen=True, kw_only=True)
class Span:
    start: int  # offsets into the body text
    end: int
    location: Location


@dataclass(frozen=True, kw_only=True)
class WikiLink:
    target: str
    label: str | None
    span: Span


@dataclass(frozen=True, kw_only=True)
class Verbatim:
    """`[[=tekst]]`: the text as written, never a glossary link."""

    text: str
    span: Span


@dataclass(frozen=True, kw_only=True)
class CiteItem:
    key: str
    prefix: str | None = None
    locator: str | None = None
    suppress_author: bool = False


@dataclass(frozen=True, kw_only=True)
class Citation:
    items: tuple[CiteItem, ...]
    narrative: bool
    span: Span


@dataclass(frozen=True, kw_only=True)
class Finding:
    """Raw HTML or an unsafe link: something the checks refuse."""

    text: str
    location: Location
    kind: str = "html"  # or "citaat-link": a [[link]] inside a citation's brackets; "url"
    reason: str = ""  # why, where the kind alone does not say


@dataclass(frozen=True, kw_only=True)
class Body:
    links: tuple[WikiLink, ...] = ()
    citations: tuple[Citation, ...] = ()
    html: tuple[Finding, ...] = ()
    unsafe_links: tuple[Finding, ...] = ()
    verbatim: tuple[Verbatim, ...] = ()

    @property
    def cited_keys(self) -> list[str]:
        """Cited keys in order of first citation."""
        keys: dict[str, None] = {}
        for citation in self.citations:
            for item in citation.items:
                keys.setdefault(item.key, None)
        return list(keys)


# --- inline rules -----------------------------------------------------------------------


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("[[", pos):
        return False
    end = src.find("]]", pos + 2)
    if end < 0 or end + 2 > state.posMax:
        return False
    inner = src[pos + 2 : end]
    if not inner.strip() or "\n" in inner or "[" in inner:
        return False
    if not silent and inner.startswith("="):
        token = state.push("verbatim", "", 0)
        token.meta = {"text": inner[1:].strip(), "raw": src[pos : end + 2], "pos": pos}
    elif not silent:
        target, _, label = inner.partition("|")
        token = state.push("wikilink", "", 0)
        token.meta = {
            "target": target.strip(),
            "label": label.strip() or None,
            "raw": src[pos : end + 2],
            "pos": pos,
        }
    state.pos = end + 2
    return True


def _parse_items(inner: str) -> list[CiteItem] | None:
    items = []
    for part in inner.split(";"):
        match = _ITEM_RE.match(part.strip())
        if not match:
            return None
        prefix = match["prefix"]
        if prefix and not prefix[-1].isspace():
            return None  # "mail@example.org" is no citation
        suffix = match["suffix"].strip().lstrip(",").strip()
        items.append(
            CiteItem(
                key=match["key"],
                prefix=prefix.strip() or None,
                locator=suffix or None,
                suppress_author=bool(match["suppress"]),
            )
        )
    return items


def _citation_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "[" or src.startswith("[[", pos):
        return False
    end = src.find("]", pos + 1)
    if end < 0 or end >= state.posMax:
        return False
    inner = src[pos + 1 : end]
    if "[" in inner:
        return _citation_with_link(state, silent)
    if "@" not in inner:
        return False
    if end + 1 < len(src) and src[end + 1] in "([":
        return False  # [@x](url) is a link, as in Pandoc
    items = _parse_items(inner)
    if not items:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"items": items, "narrative": False, "raw": src[pos : end + 1], "pos": pos}
    state.pos = end + 1
    return True


def _citation_with_link(state: StateInline, silent: bool) -> bool:
    """`[@a; zie [[id]]]`: Pandoc allows no link inside a citation. The whole bracket is taken
    as one finding, so that it is reported instead of half-rendered."""
    src, pos, depth = state.src, state.pos, 0
    for end in range(pos, state.posMax):
        depth += {"[": 1, "]": -1}.get(src[end], 0)
        if depth == 0:
            break
    else:
        return False
    raw = src[pos : end + 1]
    if "[[" not in raw or not re.search(r"(?:^|[\s;\[-])@\w", raw):
        return False
    if not silent:
        token = state.push("citation_link", "", 0)
        token.meta = {"raw": raw, "pos": pos}
    state.pos = end + 1
    return True


def _narrative_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "@" or state.linkLevel > 0:
        return False  # inside a link's text an @ is text, as in Pandoc
    if pos > 0 and (src[pos - 1].isalnum() or src[pos - 1] in "._-@/"):
        return False
    match = KEY_RE.match(src, pos + 1)
    if not match or match.end() > state.posMax:
        return False
    end = match.end()
    locator = None
    located = _NARRATIVE_LOCATOR_RE.match(src, end)
    if located and located.end() <= state.posMax:
        locator = located["locator"].strip()
        end = located.end()
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {
            "items": [CiteItem(key=match.group(), locator=locator)],
            "narrative": True,
            "raw": src[pos:end],
            "pos": pos,
        }
    state.pos = end
    return True


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(admon_plugin)
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.inline.ruler.before("link", "narrative_citation", _narrative_rule)
    md.validateLink = lambda url: True  # type: ignore[method-assign] # let unsafe links through so the checks can see them
    return md


# --- analysis ---------------------------------------------------------------------------


class _Locator:
    """Maps positions in markdown-it's inline source back to the body text."""

    def __init__(self, body: str, path: str, body_line: int) -> None:
        self.lines = body.split("\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.path = path
        self.body_line = body_line
        self.seen: Counter[tuple[int, str]] = Counter()

    def location(self, line: int, col: int) -> Location:
        return Location(path=self.path, line=self.body_line + line, col=col + 1)

    def span(self, block: list[int], src: str, pos: int | None, raw: str) -> Span:
        first_raw_line = raw.split("\n")[0]
        line, col = -1, -1
        if pos is not None:
            n = src.count("\n", 0, pos)
            src_line = src.split("\n")[n]
            c = pos - (src.rfind("\n", 0, pos) + 1)
            line = block[0] + n
            if line < len(self.lines):
                original = self.lines[line]
                candidate = len(original.rstrip()) - (len(src_line.rstrip()) - c)
                if original[candidate : candidate + len(first_raw_line)] != first_raw_line:
                    line = -1
                else:
                    col = candidate
        if line < 0:
            line, col = self._search(block, first_raw_line)
        start = self.offsets[line] + col
        if "\n" in raw:
            last = raw.split("\n")[-1].strip()
            end_line = min(line + raw.count("\n"), len(self.lines) - 1)
            found = self.lines[end_line].find(last)
            end = self.offsets[end_line] + (found + len(last) if found >= 0 else 0)
        else:
            end = start + len(raw)
        return Span(start=start, end=end, location=self.location(line, col))

    def _search(self, block: list[int], text: str) -> tuple[int, int]:
        """The k-th occurrence of `text` in the block's lines (for table cells, headings)."""
        key = (block[0], text)
        wanted = self.seen[key]
        self.seen[key] += 1
        count = 0
        for line in range(block[0], min(block[1], len(self.lines))):
            start = 0
            while (found := self.lines[line].find(text, start)) >= 0:
                if count == wanted:
                    return line, found
                count += 1
                start = found + 1
        return block[0], 0


def analyse(body: str, path: str = "", body_line: int = 1) -> Body:
    """Parse a body and collect its links, citations, raw HTML and unsafe links."""
    tokens = parser().parse(body)
    locator = _Locator(body, path, body_line)
    links: list[WikiLink] = []
    citations: list[Citation] = []
    html: list[Finding] = []
    unsafe: list[Finding] = []
    verbatim: list[Verbatim] = []
    for token in tokens:
        if token.type == "html_block" and token.map:
            html.append(
                Finding(text=token.content.strip(), location=locator.location(token.map[0], 0))
            )
        if token.type != "inline" or not token.map or not token.children:
            continue
        for child in token.children:
            if child.type == "verbatim":
                span = locator.span(token.map, token.content, child.meta["pos"], child.meta["raw"])
                verbatim.append(Verbatim(text=child.meta["text"], span=span))
            _collect(child, token, locator, links, citations, html, unsafe)
    return Body(
        links=tuple(links),
        citations=tuple(citations),
        html=tuple(html),
        unsafe_links=tuple(unsafe),
        verbatim=tuple(verbatim),
    )


def _collect(
    child: Token,
    inline: Token,
    locator: _Locator,
    links: list[WikiLink],
    citations: list[Citation],
    html: list[Finding],
    unsafe: list[Finding],
) -> None:
    block = inline.map or [0, 1]
    if child.type == "wikilink":
        meta = child.meta
        links.append(
            WikiLink(
                target=meta["target"],
                label=meta["label"],
                span=locator.span(block, inline.content, meta["pos"], meta["raw"]),
            )
        )
    elif child.type == "citation":
        meta = child.meta
        citations.append(
            Citation(
                items=tuple(meta["items"]),
                narrative=meta["narrative"],
                span=locator.span(block, inline.content, meta["pos"], meta["raw"]),
            )
        )
    elif child.type == "citation_link":
        span = locator.span(block, inline.content, child.meta["pos"], child.meta["raw"])
        html.append(Finding(text=child.meta["raw"], location=span.location, kind="citaat-link"))
    elif child.type == "html_inline":
        span = locator.span(block, inline.content, None, child.content)
        html.append(Finding(text=child.content, location=span.location))
    elif child.type in ("link_open", "image"):
        href = str(child.attrGet("href") or child.attrGet("src") or "")
        problem = url_problem(href, schemes=BODY_SCHEMES, relative=True)
        if problem:
            span = locator.span(block, inline.content, None, href)
            unsafe.append(Finding(text=href, location=span.location, kind="url", reason=problem))


def substitute(body: str, replacements: list[tuple[Span, str]]) -> str:
    """Replace spans of the body (found by `analyse`) with new text."""
    result = []
    last = 0
    for span, text in sorted(replacements, key=lambda r: r[0].start):
        if span.start < last:
            continue
        result.append(body[last : span.start])
        result.append(text)
        last = span.end
    result.append(body[last:])
    return "".join(result)
