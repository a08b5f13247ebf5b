"""The literature as the site shows it: formatted works, citations, and who cites what.

Joins the bibliography (what the works are), the graph (which pages cite them) and the
bundles (which chapters list them), and formats everything once through `citeproc`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .bibliography import BibEntry
from .citeproc import CiteprocError, Formatted, format_all
from .csl import CslItem, csl_item, plain
from .diagnostic import Diagnostic, Location, error
from .links import Graph
from .markup import Citation
from .model import Bundel, Entity, Hoofdstuk
from .paths import work_pages
from .privacy import is_private, private_fields, public_source
from .sorting import letter


@dataclass(frozen=True, kw_only=True)
class Work:
    """One work: its BibTeX, its CSL item, its APA reference (Markdown) and its page."""

    entry: BibEntry
    item: CslItem
    reference: str
    label: str  # the narrative citation, e.g. De Waal (2017a): for lists and navigation
    page: str

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def title(self) -> str:
        return str(self.item.get("title") or self.key)

    @property
    def url(self) -> str | None:
        if self.item.get("DOI"):
            return f"https://doi.org/{self.item['DOI']}"
        return self.item.get("URL")

    @property
    def note(self) -> str | None:
        note = self.entry.fields.get("note")
        return plain(note) if note and not is_private("note", note) else None

    @property
    def bibtex(self) -> str:
        """The BibTeX to copy: as written, without the private fields (privacy.py)."""
        return public_source(self.entry.source, private_fields(self.entry.fields))

    @property
    def letter(self) -> str:
        """The letter the work is filed under in the A–Z list (APA sorts on the family name)."""
        return letter(self.reference.lstrip("\\*_[( "))


@dataclass(frozen=True, kw_only=True)
class Listing:
    """A bundle chapter (or the bundle itself) that lists or is a work."""

    bundel: Bundel
    hoofdstuk: Hoofdstuk | None = None

    @property
    def page(self) -> str:
        return self.bundel.page + (f"#{self.hoofdstuk.id}" if self.hoofdstuk else "")

    @property
    def title(self) -> str:
        return self.hoofdstuk.titel if self.hoofdstuk else self.bundel.titel


@dataclass(frozen=True, kw_only=True)
class Literature:
    works: Mapping[str, Work]  # in APA reference-list order
    citations: Mapping[Citation, str] = field(default_factory=dict)
    graph: Graph
    diagnostics: tuple[Diagnostic, ...] = ()

    @classmethod
    def build(cls, graph: Graph) -> Literature:
        corpus = graph.corpus
        entries = corpus.bibliography.entries
        items = {key: csl_item(entry) for key, entry in entries.items()}
        citations = list(
            dict.fromkeys(
                citation
                for body in graph.bodies.values()
                for citation in body.citations
                if all(item.key in entries for item in citation.items)
            )
        )
        diagnostics: tuple[Diagnostic, ...] = ()
        try:
            formatted = format_all(list(items.values()), citations)
        except CiteprocError as exc:
            location = next(iter(entries.values())).location if entries else Location(path=".")
            diagnostics = (error(location, "literatuur", str(exc), exc.suggestion),)
            formatted = Formatted()
        order = [k for k in formatted.order if k in entries]
        order += [k for k in entries if k not in formatted.references]  # unformatted: keep them
        pages = work_pages(order)
        works = {
            key: Work(
                entry=entries[key],
                item=items[key],
                reference=formatted.references.get(key) or plain(entries[key].source),
                label=formatted.labels.get(key) or key,
                page=pages[key],
            )
            for key in order
        }
        return cls(
            works=works,
            citations=dict(zip(citations, formatted.citations, strict=False)),
            graph=graph,
            diagnostics=diagnostics,
        )

    # --- citations ------------------------------------------------------------------------

    def citation_text(self, citation: Citation) -> str | None:
        """APA in-text citation as Markdown, its links still pointing at `#ref-<key>`."""
        return self.citations.get(citation) or None

    def cited_on(self, entity: Entity) -> list[Work]:
        """The works cited in an entity's body, in reference-list order."""
        keys = set(self.graph.bodies[entity.id].cited_keys)
        return [work for key, work in self.works.items() if key in keys]

    # --- where works appear -----------------------------------------------------------------

    @cached_property
    def _listings(self) -> tuple[dict[str, list[Listing]], dict[str, list[Listing]]]:
        listed: dict[str, list[Listing]] = defaultdict(list)
        publication: dict[str, list[Listing]] = defaultdict(list)
        for bundel in self.graph.corpus.bundels.values():
            publication[bundel.bib].append(Listing(bundel=bundel))
            for hoofdstuk in bundel.hoofdstukken:
                if hoofdstuk.bib:
                    publication[hoofdstuk.bib].append(Listing(bundel=bundel, hoofdstuk=hoofdstuk))
                for key in dict.fromkeys(hoofdstuk.literatuur):
                    listed[key].append(Listing(bundel=bundel, hoofdstuk=hoofdstuk))
        return listed, publication

    def listed_in(self, key: str) -> list[Listing]:
        """Bundle chapters whose reference list includes the work."""
        return self._listings[0].get(key, [])

    def publication_of(self, key: str) -> list[Listing]:
        """The bundle or chapter this work is (its `bib` key)."""
        return self._listings[1].get(key, [])

    def cited_in(self, key: str) -> list[Entity]:
        return self.graph.cited_in(key)

    def chapter_works(self, hoofdstuk: Hoofdstuk) -> list[Work]:
        keys = set(hoofdstuk.literatuur)
        return [work for key, work in self.works.items() if key in keys]
