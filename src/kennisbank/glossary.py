"""Glossary linking: the first mention of a begrip on a page links to it, with its definition.

Matching works on the parsed Markdown (markdown-it-py tokens, the parser of markup.py), so a
term is never found inside a heading, a table, a link, a [[link]], a citation, code or raw
HTML. It is Dutch-aware: a term's word forms include plurals (-en, -s, -'s), diminutives
(-je, -tje, -pje, -etje), the adjective -e (informeel → informele), the usual spelling
changes (begrip → begrippen, informeel → informele, actief → actieve, -heid → -heden), and
case does not matter. In a term of several words the last word is inflected and the words
before it may take the adjective -e (informele netwerken).

A lector switches it off for one occurrence with `[[=tekst]]` (markup.py): the text is shown
as written and never linked.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from markdown_it.token import Token

from .markup import parser
from .model import Begrip

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’]s\b)?")
_VOWELS = "aeiouy"
# Children of an inline token that carry their own source (meta["raw"] at meta["pos"]).
_RAW_TOKENS = ("wikilink", "citation", "citation_link", "verbatim")
# Block tokens whose inline content is never linked.
_SKIPPED_BLOCKS = {"heading_open": "heading_close", "table_open": "table_close"}


def _stems(w: str) -> set[str]:
    """What -en and -e attach to: the word, with the usual Dutch spelling changes."""
    stems = {w}
    if long_vowel := re.fullmatch(r"(.*[^aeiou]|)([aeou])\2([^aeiouwjy])", w):
        stems.add(long_vowel[1] + long_vowel[2] + long_vowel[3])  # informeel → informel-e
    if (short := re.fullmatch(r"(.*[^aeiou])([aeiou])([bdfgklmnprst])", w)) and not w.endswith(
        "heid"
    ):
        stems.add(w + short[3])  # begrip → begripp-en, casus → casuss-en
    for stem in list(stems):
        if stem.endswith("f"):
            stems.add(stem[:-1] + "v")  # actief → actiev-e
        if stem.endswith("s") and len(stem) > 2 and stem[-2] in _VOWELS and stem[-3] in _VOWELS:
            stems.add(stem[:-1] + "z")  # huis → huiz-en
    return stems


def word_forms(word: str) -> set[str]:
    """The forms of one word that count as a mention of it (lower case)."""
    w = word.casefold()
    forms = {w, w + "s", w + "'s"}
    if w.endswith("heid"):
        forms.add(w[:-4] + "heden")
    for stem in _stems(w):
        forms |= {stem + "en", stem + "e"}
    if w.endswith("e"):
        forms |= {w + "n", w + "tje"}
    elif w[-1:] in _VOWELS:
        forms |= {w + "tje", w + "'tje"}
    diminutives = {w + "je", w + "tje", w + "pje", w + "etje"}
    diminutives |= {stem + "etje" for stem in _stems(w) if stem != w and stem[-1] == stem[-2]}
    return forms | diminutives | {d + "s" for d in diminutives}


def _adjective_forms(word: str) -> set[str]:
    """A word before the last of a term: as written, or with the adjective -e."""
    w = word.casefold()
    return {w} | {stem + "e" for stem in _stems(w) if not w.endswith("e")}


def _split(phrase: str) -> tuple[list[str], list[str]] | None:
    """Words and the separators between them (" " or "-"); None if anything else separates
    them (such a term cannot be found in running text)."""
    matches = list(_WORD.finditer(phrase))
    seps = []
    for before, after in itertools.pairwise(matches):
        between = phrase[before.end() : after.start()]
        if between == "-":
            seps.append("-")
        elif between and not between.strip():
            seps.append(" ")
        else:
            return None
    if not matches or phrase[: matches[0].start()].strip() or phrase[matches[-1].end() :].strip():
        return None
    return [m.group() for m in matches], seps


def phrase_forms(phrase: str) -> set[str]:
    """Every form of a term or synonym, words joined by their separators, lower case."""
    split = _split(phrase)
    if split is None:
        return set()
    words, seps = split
    results = {""}
    for i, word in enumerate(words):
        options = word_forms(word) if i == len(words) - 1 else _adjective_forms(word)
        joiner = seps[i - 1] if i else ""
        results = {r + joiner + o for r in results for o in options}
    return results


@dataclass(frozen=True, kw_only=True)
class Mention:
    begrip: Begrip
    start: int  # offsets into the body
    end: int
    text: str


class Glossary:
    """Which word forms belong to which begrip, and finding the first mentions in a body."""

    def __init__(self, begrippen: Iterable[Begrip]) -> None:
        self.begrippen = sorted(begrippen, key=lambda b: b.id)
        # form → {begrip id: whether the form is written as such (term or synonym)}
        self.owners: dict[str, dict[str, bool]] = defaultdict(dict)
        self.by_id = {b.id: b for b in self.begrippen}
        for begrip in self.begrippen:
            for written in (begrip.term, *begrip.synoniemen):
                exact = " ".join(written.casefold().split())
                for form in phrase_forms(written):
                    owners = self.owners[form]
                    owners[begrip.id] = owners.get(begrip.id, False) or form == exact
        self.longest = max((f.count(" ") + f.count("-") + 1 for f in self.owners), default=0)

    @cached_property
    def index(self) -> Mapping[str, Begrip]:
        """Each form with its one begrip: a written term or synonym wins over a derived form;
        else the first by id (the rule `begrip-dubbel` warns about every such form)."""
        chosen = {}
        for form, owners in self.owners.items():
            best = sorted(owners, key=lambda i: (not owners[i], i))[0]
            chosen[form] = self.by_id[best]
        return chosen

    def collisions(self) -> dict[tuple[str, str], list[str]]:
        """Pairs of begrippen (by id) that share word forms, with those forms."""
        pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
        for form, owners in sorted(self.owners.items()):
            ids = sorted(owners)
            for i, first in enumerate(ids):
                for second in ids[i + 1 :]:
                    pairs[(first, second)].append(form)
        return dict(pairs)

    def mentions(self, body: str, exclude: Iterable[str] = ()) -> list[Mention]:
        """The first mention of each begrip in `body` (not those in `exclude`), in order."""
        skip = set(exclude)
        found: list[Mention] = []
        lines = body.split("\n")
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)
        for inline_token, pieces in _inline_pieces(parser().parse(body)):
            assert inline_token.map is not None
            for src_pos, text in pieces:
                for m_start, m_end, begrip in self._match_text(text):
                    if begrip.id in skip:
                        continue
                    position = _to_body(
                        lines, offsets, inline_token, src_pos + m_start, text[m_start:m_end]
                    )
                    if position is None:
                        continue
                    skip.add(begrip.id)
                    found.append(
                        Mention(
                            begrip=begrip,
                            start=position,
                            end=position + (m_end - m_start),
                            text=text[m_start:m_end],
                        )
                    )
        return sorted(found, key=lambda m: m.start)

    def _match_text(self, text: str) -> Iterator[tuple[int, int, Begrip]]:
        """Longest forms first, left to right, never part of a hyphenated compound."""
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            matched = None
            for n in range(min(self.longest, len(words) - i), 0, -1):
                group = words[i : i + n]
                parts = [group[0].group().casefold()]
                ok = True
                for before, after in itertools.pairwise(group):
                    between = text[before.end() : after.start()]
                    if between == "-":
                        parts.append("-")
                    elif between and not between.strip():
                        parts.append(" ")
                    else:
                        ok = False
                        break
                    parts.append(after.group().casefold())
                if not ok:
                    continue
                begrip = self.index.get("".join(parts).replace("’", "'"))
                if begrip is None:
                    continue
                start, end = group[0].start(), group[-1].end()
                if text[start - 1 : start] == "-" or re.match(r"-\w", text[end : end + 2]):
                    continue
                matched = (start, end, begrip, n)
                break
            if matched:
                yield matched[0], matched[1], matched[2]
                i += matched[3]
            else:
                i += 1


def _inline_pieces(tokens: list[Token]) -> Iterator[tuple[Token, list[tuple[int, str]]]]:
    """Each inline token that may be linked, with its linkable text pieces and their positions
    in the token's source (`inline.content`): text outside links, code, HTML and citations."""
    closing: str | None = None
    for token in tokens:
        if closing:
            if token.type == closing:
                closing = None
            continue
        if token.type in _SKIPPED_BLOCKS:
            closing = _SKIPPED_BLOCKS[token.type]
            continue
        if token.type != "inline" or not token.map or not token.children:
            continue
        src = token.content
        cursor, depth = 0, 0
        pieces: list[tuple[int, str]] = []
        for child in token.children:
            if child.type in _RAW_TOKENS:
                cursor = max(cursor, child.meta["pos"] + len(child.meta["raw"]))
            elif child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type in ("text", "code_inline", "html_inline"):
                found = src.find(child.content, cursor) if child.content else -1
                if found < 0:
                    continue  # text changed by escapes or entities: leave it alone
                if child.type == "text" and depth == 0:
                    pieces.append((found, child.content))
                cursor = found + len(child.content)
        yield token, pieces


def _to_body(
    lines: list[str], offsets: list[int], inline: Token, pos: int, text: str
) -> int | None:
    """An offset into the body for position `pos` of an inline token's source, or None when
    the source line cannot be matched (then the mention is not linked)."""
    assert inline.map is not None
    src = inline.content
    n = src.count("\n", 0, pos)
    src_line = src.split("\n")[n]
    col = pos - (src.rfind("\n", 0, pos) + 1)
    line = inline.map[0] + n
    if line >= len(lines):
        return None
    original = lines[line]
    candidate = len(original.rstrip()) - (len(src_line.rstrip()) - col)
    if candidate < 0 or original[candidate : candidate + len(text)] != text:
        return None
    return offsets[line] + candidate
