"""The literature as the site shows it: formatted works, citations, and who cites what.

Joins the bibliography (what the works are), the graph (which pages cite them) and the
bundles (which chapters list them), and formats everything once through `citeproc`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .bibliography import BibEntry
from .cache import Cache
from .cache import key as cache_key
from .citeproc import CiteprocError, Formatted, cached_format_all
from .csl import CslItem, csl_item, plain
from .diagnostic import Diagnostic, Location, crashed, error
from .links import Graph
from .markup import Citation
from .model import Bundel, Entity, Hoofdstuk
from .paths import work_pages
from .privacy import is_private, private_fields, public_source
from .sorting import letter

# Bounds on what pandoc gets: its citeproc slows down sharply on huge values (a 150 KB title
# takes half a minute). The longest real field is under 600 characters, the most authors 9.
MAX_FIELD_CHARS = 5_000
MAX_PERSONS = 100


def _too_big(entry: BibEntry) -> Diagnostic | None:
    for name, value in entry.fields.items():
        if len(value) > MAX_FIELD_CHARS:
            return error(
                entry.field_location(name),
                "bibtex",
                f"Het veld ‘{name}’ van ‘{entry.key}’ is {len(value):,} tekens lang; de grens is "
                f"{MAX_FIELD_CHARS:,}.".replace(",", "."),
                "Kort het in; een samenvatting hoort niet in de BibTeX (‘abstract’ mag weg).",
            )
    for role, people in entry.entry.persons.items():
        if len(people) > MAX_PERSONS:
            return error(
                entry.field_location(role),
                "bibtex",
                f"‘{entry.key}’ heeft {len(people)} namen in ‘{role}’; de grens is {MAX_PERSONS}.",
                "Controleer de ‘and’s tussen de namen.",
            )
    return None


def _csl_item(entry: BibEntry, problems: list[Diagnostic], cache: Cache | None) -> CslItem:
    """The entry as CSL-JSON; what the conversion trips over becomes an error on the entry.

    Cached by what the conversion reads: the type, the fields and the name parts."""
    fallback: CslItem = {"id": entry.key, "type": "document", "title": entry.key}
    problem = _too_big(entry)
    if problem is not None:
        problems.append(problem)
        return fallback
    entry_key = ""
    if cache is not None and cache.enabled:
        persons = {
            role: [
                [p.first_names, p.middle_names, p.prelast_names, p.last_names, p.lineage_names]
                for p in people
            ]
            for role, people in entry.entry.persons.items()
        }
        raw = [entry.key, entry.entry.type, sorted(entry.fields.items()), persons]
        entry_key = cache_key("csl", json.dumps(raw))
        stored = cache.get("csl", entry_key)
        if isinstance(stored, dict) and stored.get("id") == entry.key:
            return stored
    try:
        item = csl_item(entry)
    except Exception as exc:  # the guard
        problems.append(crashed(entry.location, "bibtex", f"het BibTeX-item ‘{entry.key}’", exc))
        return fallback
    if entry_key and cache is not None:
        cache.put("csl", entry_key, item)
    return item


def _plain(latex: str) -> str:
    try:
        return plain(latex)
    except Exception:  # LaTeX pybtex cannot decode: show it as it is written
        return latex


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
        return _plain(note) if note and not is_private("note", note) else None

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
    def build(cls, graph: Graph, cache: Cache | None = None) -> Literature:
        corpus = graph.corpus
        entries = corpus.bibliography.entries
        problems: list[Diagnostic] = []
        items = {key: _csl_item(entry, problems, cache) for key, entry in entries.items()}
        citations = list(
            dict.fromkeys(
                citation
                for body in graph.bodies.values()
                for citation in body.citations
                if all(item.key in entries for item in citation.items)
            )
        )
        location = next(iter(entries.values())).location if entries else Location(path=".")
        try:
            formatted = cached_format_all(list(items.values()), citations, cache)
        except CiteprocError as exc:
            problems.append(error(location, "literatuur", str(exc), exc.suggestion))
            formatted = Formatted()
        except Exception as exc:  # the guard: pandoc's output we cannot read, and the like
            problems.append(crashed(location, "literatuur", "de literatuur", exc))
            formatted = Formatted()
        diagnostics = tuple(problems)
        order = [k for k in formatted.order if k in entries]
        order += [k for k in entries if k not in formatted.references]  # unformatted: keep them
        pages = work_pages(order)
        works = {
            key: Work(
                entry=entries[key],
                item=items[key],
                reference=formatted.references.get(key) or _plain(entries[key].source),
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
