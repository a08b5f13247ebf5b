"""What every page family shares: the corpus, its graph and literature, the templates, and
the pieces that go into many pages (bodies with links and citations, resolved sources)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..citeproc import link_citation
from ..diagnostic import Diagnostic
from ..label import link_label
from ..links import Graph, Reeks
from ..literature import Literature
from ..load import Corpus
from ..markup import Citation, substitute
from ..model import Bronverwijzing, Bundel, Entity, Hoofdstuk
from .markdown import code_fence, md_inline, pages_label, plain_citation, relative, safe_url


@dataclass(frozen=True, kw_only=True)
class Page:
    # Relative to the docs root, e.g. "kwesties/eigen-kracht.md"; a redirect is a finished
    # HTML file ("kwesties/oude-naam/index.html") that the site engine copies as it is.
    path: str
    title: str
    content: str


@dataclass(frozen=True, kw_only=True)
class Source:
    """A source locator resolved to its bundle and chapter (None where they do not exist)."""

    bron: Bronverwijzing
    bundel: Bundel | None
    hoofdstuk: Hoofdstuk | None


class RenderContext:
    def __init__(
        self,
        corpus: Corpus,
        graph: Graph | None = None,
        literature: Literature | None = None,
        diagnostics: Sequence[Diagnostic] | None = None,
    ) -> None:
        self.corpus = corpus
        # The check's findings, given only for a preview: then they are shown on the pages.
        self.diagnostics = diagnostics
        self.graph = graph or Graph(corpus)
        self.literature = literature or Literature.build(self.graph)
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # the output is Markdown; text is escaped with the `md` filter
        )
        self.env.filters["md"] = md_inline
        self.env.filters["pagina"] = pages_label
        self.env.filters["safe_url"] = safe_url
        self.env.filters["fence"] = code_fence

    def template(
        self, name: str, page_path: str, title: str, meta: Mapping[str, Any], **context: Any
    ) -> Page:
        def link(target: Entity | Reeks | str) -> str:
            to = target if isinstance(target, str) else target.page
            return relative(page_path, to)

        template = self.env.get_template(name)
        body = template.render(
            link=link, graph=self.graph, corpus=self.corpus, page_path=page_path, **context
        )
        front = yaml.safe_dump(
            {"title": title, **meta}, allow_unicode=True, sort_keys=False, width=1000
        )
        return Page(path=page_path, title=title, content=f"---\n{front}---\n\n{body.strip()}\n")

    def body(self, entity: Entity) -> str:
        """The entity's own Markdown with [[links]] and citations replaced."""
        parsed = self.graph.bodies[entity.id]
        replacements = []
        for link in parsed.links:
            target = self.corpus.by_id.get(link.target)
            if target is None:
                text = md_inline(link.label or link.target)
            else:
                label = link_label(link.label, target.short_label, entity.body[: link.span.start])
                text = f"[{md_inline(label)}]({relative(entity.page, target.page)})"
            replacements.append((link.span, text))
        for citation in parsed.citations:
            replacements.append((citation.span, self.cite(citation, entity.page)))
        return substitute(entity.body, replacements).strip()

    def cite(self, citation: Citation, page_path: str) -> str:
        """The APA in-text citation, each work linked to its page."""
        text = self.literature.citation_text(citation)
        if text is None:
            return plain_citation(citation)
        works = self.literature.works
        targets = {
            item.key: relative(page_path, works[item.key].page)
            for item in citation.items
            if item.key in works
        }
        return link_citation(text, targets)

    def sources(self, entity: Entity) -> list[Source]:
        """Source locators resolved to bundle and chapter, for the "Bronnen" panel."""
        result = []
        for bron in entity.bronnen:
            bundel = self.corpus.bundels.get(bron.bundel)
            chapter = bundel.hoofdstuk(bron.hoofdstuk) if bundel and bron.hoofdstuk else None
            result.append(Source(bron=bron, bundel=bundel, hoofdstuk=chapter))
        return result
