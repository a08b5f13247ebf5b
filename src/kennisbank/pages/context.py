"""What every page family shares: the corpus, its graph and literature, the templates, and
the pieces that go into many pages (bodies with links and citations, resolved sources)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..citeproc import link_citation
from ..diagnostic import Diagnostic
from ..glossary import Glossary
from ..headings import headings
from ..label import link_label
from ..links import Graph, Reeks
from ..literature import Literature
from ..load import Corpus
from ..markup import Citation, Span, substitute
from ..model import Begrip, Bronverwijzing, Bundel, Entity, Hoofdstuk
from .markdown import (
    code_fence,
    md_inline,
    md_title,
    pages_label,
    plain_citation,
    relative,
    safe_url,
    titled_link,
)

# Anchors the entity templates give their own sections: a body heading never takes one.
PAGE_ANCHORS = frozenset(
    {
        "vragen",
        "keuzes",
        "wat-de-bronnen-zeggen",
        "gespreksvragen",
        "principes",
        "praktijk",
        "begrippen",
        "verwant",
        "genoemd-in",
        "kwesties",
        "bronnen",
        "literatuur",
    }
)


def preview(entity: Entity) -> str:
    """What a link's tooltip shows: the title and the summary (the hover preview)."""
    return f"{entity.title} — {entity.summary}" if entity.summary else entity.title


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
        self.env.filters["tooltip"] = md_title
        self.env.filters["cell"] = lambda text: md_inline(text).replace("|", "\\|")

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

    @property
    def glossary(self) -> Glossary:
        if not hasattr(self, "_glossary"):
            begrippen = [e for e in self.corpus.entities if isinstance(e, Begrip)]
            self._glossary = Glossary(begrippen)
        return self._glossary

    def body(self, entity: Entity) -> str:
        """The entity's own Markdown with [[links]] and citations replaced: each link with a
        preview of its target (title and summary) as tooltip, the first mention of each begrip
        linked to it with its definition, and each heading with a stable anchor."""
        parsed = self.graph.bodies[entity.id]
        text = entity.body
        replacements: list[tuple[Span, str]] = []
        for link in parsed.links:
            target = self.corpus.by_id.get(link.target)
            if target is None:
                shown = md_inline(link.label or link.target)
            else:
                label = link_label(link.label, target.short_label, text[: link.span.start])
                shown = titled_link(
                    md_inline(label), relative(entity.page, target.page), preview(target)
                )
            replacements.append((link.span, shown))
        for citation in parsed.citations:
            replacements.append((citation.span, self.cite(citation, entity.page)))
        for verbatim in parsed.verbatim:
            replacements.append((verbatim.span, md_inline(verbatim.text)))
        linked = {link.target for link in parsed.links} | {entity.id}
        for mention in self.glossary.mentions(text, exclude=linked):
            begrip = mention.begrip
            span = Span(start=mention.start, end=mention.end, location=begrip.location())
            glossary_link = titled_link(
                md_inline(mention.text),
                relative(entity.page, begrip.page),
                f"{begrip.term}: {begrip.definitie}",
                "kb-begrip",
            )
            replacements.append((span, glossary_link))
        lines = text.split("\n")
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)
        for heading in headings(text, PAGE_ANCHORS):
            if heading.explicit:
                continue
            line = lines[heading.line].rstrip()
            end = len(line)
            if closing := re.search(r"\s+#+$", line):
                end = closing.start()
            at = offsets[heading.line] + end
            span = Span(start=at, end=at, location=entity.location())
            replacements.append((span, f" {{ #{heading.anchor} }}"))
        return substitute(text, replacements).strip()

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
