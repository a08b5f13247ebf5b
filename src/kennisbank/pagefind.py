"""The Pagefind adapter: a page's `zoeken` front matter as Pagefind attributes, and the indexer.

Pagefind (PyPI `pagefind[extended]`, the binary inside the wheel) reads the built HTML and
writes a chunked index to `site/pagefind/`, which the browser loads piece by piece only when
someone searches (docs/assets/kennisbank-zoeken.js). Chosen by measurement against Material's
own search: README, developer section "Zoeken". Knows nothing of MkDocs; the plugin calls
`annotate` per page and `index` after the build.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# The main content of a Material page; everything outside it (navigation, header, footer,
# the table of contents) stays out of the index.
_ARTICLE = re.compile(r"<article\b(?=[^>]*\bmd-content__inner\b)")
# Extra terms (a begrip's own term, synonyms, abbreviations) weigh like a page title does.
TERMS_WEIGHT = 7
INDEX_TIMEOUT = 300


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _field(kind: str, name: str, value: object) -> str:
    # `name[data-kb]` reads the value from the attribute, so commas and colons in a
    # lector's text stay part of the value.
    return f'<span data-pagefind-{kind}="{name}[data-kb]" data-kb="{_attr(value)}"></span>'


def metadata(zoeken: Mapping[str, Any]) -> str:
    """The hidden block of Pagefind fields for one page; every value escaped."""
    parts = [
        _field("meta", "soort", zoeken.get("label", "")),
        _field("filter", "soort", zoeken.get("label", "")),
        _field("meta", "gewicht", zoeken.get("gewicht", 1)),
    ]
    if zoeken.get("subsoort"):
        parts.append(_field("meta", "subsoort", zoeken["subsoort"]))
    bundels = [str(b) for b in zoeken.get("bundels", ())]
    if bundels:
        parts.append(_field("meta", "bundel", " · ".join(bundels)))
    parts += [_field("filter", "bundel", b) for b in bundels]
    parts += [_field("filter", "tag", t) for t in zoeken.get("tags", ())]
    termen = [html.escape(str(t)) for t in zoeken.get("termen", ())]
    if termen:
        parts.append(f'<p data-pagefind-weight="{TERMS_WEIGHT}">{" · ".join(termen)}</p>')
    return f'<div class="kb-zoekinfo" hidden>{"".join(parts)}</div>'


def annotate(output: str, zoeken: Mapping[str, Any] | None) -> str:
    """A built page with its article marked as the indexed body and its search fields added.
    A page without an article (a redirect) is left as it is: Pagefind then skips it."""
    match = _ARTICLE.search(output)
    if not match:
        return output
    end = output.find("</article>", match.end())
    if end < 0:
        return output
    extra = metadata(zoeken) if isinstance(zoeken, Mapping) else ""
    return (
        output[: match.start()]
        + "<article data-pagefind-body"
        + output[match.end() : end]
        + extra
        + output[end:]
    )


def index(site_dir: Path) -> str | None:
    """Build the Pagefind index in `site_dir/pagefind/`; None, or a Dutch message if it failed."""
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
            capture_output=True,
            text=True,
            timeout=INDEX_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"De zoekindex (Pagefind) is niet gemaakt: {error}. Draai `make install` opnieuw."
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        return (
            f"De zoekindex (Pagefind) is niet gemaakt: {detail or 'onbekende fout'}. "
            "Controleer of `pagefind[extended]` geïnstalleerd is (`make install`)."
        )
    return None
