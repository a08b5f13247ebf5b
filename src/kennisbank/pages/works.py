"""A page per work (full reference, BibTeX to copy, where it is cited) and the A–Z list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from ..links import Graph
from ..literature import Work
from ..paths import LITERATUUR, index_page
from ..paths import work_pages as work_page_paths
from .context import Page, RenderContext
from .families import family
from .markdown import plain_markdown
from .search import search_meta


def _paths(graph: Graph) -> Iterator[str]:
    yield from work_page_paths(graph.corpus.bibliography.entries).values()
    yield index_page(LITERATUUR)


@family("works", paths=_paths)
def work_pages(ctx: RenderContext) -> Iterator[Page]:
    for work in ctx.literature.works.values():
        meta: dict[str, Any] = {"description": plain_markdown(work.reference)}
        meta["citation"] = citation_meta(work)
        meta["zoeken"] = search_meta("werk")
        yield ctx.template(
            "werk.md.j2", work.page, work.title, meta, work=work, literature=ctx.literature
        )
    letters: dict[str, list[Work]] = defaultdict(list)
    for work in ctx.literature.works.values():
        letters[work.letter].append(work)
    yield ctx.template(
        "index_literatuur.md.j2",
        index_page(LITERATUUR),
        "Literatuur",
        {"description": "Alle werken waarnaar de kennisbank verwijst, van A tot Z (APA 7)."},
        letters=dict(letters),
        count=len(ctx.literature.works),
    )


def citation_meta(work: Work) -> list[dict[str, str]]:
    """Highwire Press `citation_*` tags, read by Zotero's connector and Google Scholar."""
    item = work.item
    tags: list[tuple[str, str]] = [("citation_title", work.title)]
    for person in item.get("author", []):
        tags.append(("citation_author", _meta_name(person)))
    for person in item.get("editor", []):
        tags.append(("citation_editor", _meta_name(person)))
    parts = (item.get("issued") or {}).get("date-parts") or []
    if parts and parts[0]:
        tags.append(
            (
                "citation_publication_date",
                "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0])),
            )
        )
    container = item.get("container-title")
    kind = item["type"]
    if container and kind == "article-journal":
        tags.append(("citation_journal_title", container))
    elif container and kind in ("chapter", "paper-conference"):
        tags.append(("citation_inbook_title", container))
    for field_name, tag in (
        ("volume", "citation_volume"),
        ("issue", "citation_issue"),
        ("ISBN", "citation_isbn"),
        ("ISSN", "citation_issn"),
        ("DOI", "citation_doi"),
        ("language", "citation_language"),
    ):
        if item.get(field_name):
            tags.append((tag, str(item[field_name])))
    if item.get("page"):
        first, _, last = str(item["page"]).partition("–")
        tags.append(("citation_firstpage", first))
        if last:
            tags.append(("citation_lastpage", last))
    publisher = item.get("publisher")
    if kind == "thesis" and publisher:
        tags.append(("citation_dissertation_institution", publisher))
    elif kind == "report" and publisher:
        tags.append(("citation_technical_report_institution", publisher))
    elif publisher:
        tags.append(("citation_publisher", publisher))
    if item.get("URL"):
        tags.append(("citation_public_url", item["URL"]))
    return [{"name": name, "content": content} for name, content in tags]


def _meta_name(person: Mapping[str, str]) -> str:
    if "literal" in person:
        return person["literal"]
    family = " ".join(p for p in (person.get("non-dropping-particle"), person.get("family")) if p)
    return f"{family}, {person['given']}" if person.get("given") else family
