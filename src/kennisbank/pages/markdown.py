"""Writing generated Markdown safely: escaping text, relative links, URLs, code fences."""

from __future__ import annotations

import posixpath
import re

from ..csl import dash_ranges
from ..markup import Citation
from ..urls import is_safe


def md_inline(text: object) -> str:
    """Escape plain text for use inside generated Markdown (no links, emphasis, attribute
    lists or HTML can come out of a lector's text)."""
    value = str(text)
    value = value.replace("\\", "\\\\")
    for char in "`*_[]{}":
        value = value.replace(char, "\\" + char)
    return value.replace("<", "&lt;").replace("\n", " ")


def md_title(text: object) -> str:
    """Escape plain text for a Markdown link title (`[x](y "title")`): a reader sees it as a
    tooltip; it cannot end the title, become markup or carry an attribute list."""
    value = md_inline(text).replace("&lt;", "<")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return " ".join(value.split())


def titled_link(label: str, target: str, title: str, css_class: str | None = None) -> str:
    """A Markdown link with a tooltip: `label` is already Markdown, `title` plain text."""
    link = f'[{label}]({target} "{md_title(title)}")'
    return link + (f"{{ .{css_class} }}" if css_class else "")


def safe_url(url: object) -> str:
    """The URL if the URL policy allows it, else nothing: a template never writes another."""
    text = str(url or "").strip()
    return text if text and is_safe(text) else ""


def code_fence(code: str) -> str:
    """A backtick fence longer than any run of backticks in `code`, so it cannot close early."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(4, longest + 1)


def pages_label(pagina: object) -> str:
    """A source locator's page(s) as APA writes them: p. 12, pp. 12–14."""
    text = dash_ranges(str(pagina).strip())
    return ("pp. " if "–" in text or "," in text else "p. ") + text


def relative(from_page: str, to_page: str) -> str:
    """A relative link between two pages given by their docs-root paths."""
    target, _, anchor = to_page.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return path + (f"#{anchor}" if anchor else "")


def plain_citation(citation: Citation) -> str:
    """A citation as its keys: for works that could not be formatted (the checks say why)."""
    parts = []
    for item in citation.items:
        text = item.key + (f", {item.locator}" if item.locator else "")
        parts.append(((item.prefix + " ") if item.prefix else "") + text)
    joined = "; ".join(md_inline(p) for p in parts)
    return joined if citation.narrative else f"({joined})"


def plain_markdown(text: str) -> str:
    """Markdown from pandoc reduced to text, for page descriptions."""
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("*", "")
