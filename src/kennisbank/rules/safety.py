"""Content safety: no raw HTML, and every URL through the one URL policy (urls.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..csl import DOI_PREFIX
from ..diagnostic import Location
from ..urls import EXAMPLE as URL_EXAMPLE
from ..urls import url_problem
from .registry import FOUT, Context, Found, found, rule


@rule(code="html", severity=FOUT)
def no_raw_html(ctx: Context) -> Iterator[Found]:
    """No raw HTML in a body: it bypasses the site's styling and could carry scripts."""
    for body in ctx.graph.bodies.values():
        for finding in body.html:
            if finding.kind != "html":
                continue
            yield found(
                finding.location,
                f"HTML is niet toegestaan in de tekst: ‘{finding.text[:40]}’.",
                "Gebruik Markdown (**vet**, *cursief*, lijsten, !!! note voor een kader); "
                "bedoel je een < als teken, schrijf dan \\<.",
            )


@rule(code="citaat-link", severity=FOUT)
def no_links_in_citations(ctx: Context) -> Iterator[Found]:
    """No [[link]] inside a citation's brackets: Pandoc's syntax has no room for it, and the
    citation would come out half-formatted."""
    for body in ctx.graph.bodies.values():
        for finding in body.html:
            if finding.kind == "citaat-link":
                yield found(
                    finding.location,
                    f"Een [[link]] binnen de haken van een citaat werkt niet: ‘{finding.text[:60]}’.",
                    "Zet de link buiten het citaat, bijvoorbeeld ‘[@waal2017] (zie [[eigen-kracht]])’.",
                )


@rule(code="onveilige-link", severity=FOUT)
def no_unsafe_links(ctx: Context) -> Iterator[Found]:
    """Every link in a body follows the one URL policy (urls.py): https, http, mailto or a
    relative link; no `javascript:`, `data:`, `vbscript:`, however it is spelt or encoded."""
    for body in ctx.graph.bodies.values():
        for finding in body.unsafe_links:
            yield found(
                finding.location,
                f"De link ‘{finding.text[:40]}’ {finding.reason}.",
                f"Link naar een webadres, zoals [Movisie]({URL_EXAMPLE}), of naar een pagina "
                "met [[id]].",
            )


_URL_COMMAND = re.compile(r"\\url\{([^{}]*)\}")
_LOOKS_LIKE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:|^www\.|^//")


def _url_hint(value: str) -> str:
    bare = value.removeprefix("//")
    if bare.startswith("www.") and url_problem("https://" + bare) is None:
        return f"Schrijf ‘https://{bare}’ (controleer of de site https ondersteunt)."
    return f"Schrijf een volledig webadres zonder spaties of < > \" ', zoals ‘{URL_EXAMPLE}’."


def _field_urls(ctx: Context) -> Iterator[tuple[str, str, Location]]:
    """(what, url, where) for every URL a field of the corpus asks the site to write."""
    for bundel in ctx.corpus.bundels.values():
        if bundel.url:
            yield f"De url van de bundel ‘{bundel.id}’", bundel.url, bundel.location("url")
    for entry in ctx.corpus.bibliography.entries.values():
        url = entry.fields.get("url", "").strip()
        if url:
            yield f"De url van ‘{entry.key}’", url, entry.field_location("url")
        doi = entry.fields.get("doi", "").strip()
        if doi:
            yield (
                f"De doi van ‘{entry.key}’",
                "https://doi.org/" + DOI_PREFIX.sub("", doi),
                entry.field_location("doi"),
            )
        how = entry.fields.get("howpublished", "").strip()
        for address in _URL_COMMAND.findall(how) or ([how] if _LOOKS_LIKE_URL.match(how) else []):
            yield (
                f"Het adres in howpublished van ‘{entry.key}’",
                address.strip(),
                entry.field_location("howpublished"),
            )


@rule(code="url", severity=FOUT)
def field_urls_safe(ctx: Context) -> Iterator[Found]:
    """Every URL in a field (a bundle's `url`; a work's `url`, `doi`, `howpublished`) follows
    the one URL policy (urls.py): https or http, nothing that can break out of a link."""
    for what, url, location in _field_urls(ctx):
        problem = url_problem(url)
        if problem:
            yield found(location, f"{what} {problem}: ‘{url[:60]}’.", _url_hint(url))
