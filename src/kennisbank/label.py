"""What a [[link]] prints in running text: its own label, the entity's `kort`, or its title.

A title is often a whole question ("Beleidssturing: wie bepaalt de koers …?") or starts with
an article ("Het perspectief van burgers"); mid-sentence after "de" or "het" that reads as
"het Het perspectief". So a link without a label prints `kort` when there is one, and drops a
leading article from what it prints when the sentence already has one.
"""

from __future__ import annotations

import re

ARTICLES = ("de", "het", "een", "'t", "’t")
_LEADING_ARTICLE = re.compile(r"^(?:de|het|een|'t|’t)\s+(?=\S)", re.IGNORECASE)
_TRAILING_ARTICLE = re.compile(r"(?:^|[\s(\[“‘\"'])(de|het|een|'t|’t)\s+$", re.IGNORECASE)


def leading_article(text: str) -> str | None:
    """The article a text starts with ("Het perspectief" → "Het"), or None."""
    match = _LEADING_ARTICLE.match(text)
    return match.group(0).strip() if match else None


def article_before(text: str) -> str | None:
    """The article that ends `text` (the running text just before a link), or None."""
    match = _TRAILING_ARTICLE.search(text[-40:])
    return match.group(1) if match else None


_MARKER_ONLY = re.compile(r"\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+")


def at_sentence_start(before: str) -> bool:
    """Whether a link after `before` opens a sentence, a paragraph, a list item or a heading."""
    head, _, line = before.rpartition("\n")
    if _MARKER_ONLY.fullmatch(line):
        return True
    if line.strip():
        return bool(re.search(r"[.!?]\s+$", line))
    # at the start of a line: a new paragraph, or a sentence that ended on the line above
    previous = head.rstrip(" \t").rpartition("\n")[2]
    return not previous.strip() or previous.rstrip().endswith((".", "!", "?"))


def link_label(label: str | None, short_label: str, before: str) -> str:
    """The text a link shows, given its own label, the target's short label and the text
    before it. A lower-case `kort` opening a sentence gets its capital."""
    if label:
        return label
    if article_before(before) and leading_article(short_label):
        return _LEADING_ARTICLE.sub("", short_label, count=1)
    if at_sentence_start(before):
        return short_label[:1].upper() + short_label[1:]
    return short_label
