"""Rendering the corpus into Markdown pages (Jinja templates) and a navigation tree.

Knows nothing of MkDocs: the plugin turns `Site.pages` into virtual files, and
`kennisbank generate` writes the same pages to disk.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..citeproc import link_citation
from ..csl import dash_ranges
from ..label import link_label
from ..links import Graph, Reeks
from ..literature import FOLDER as LITERATUUR
from ..literature import Literature, Work
from ..load import Corpus
from ..markup import Citation, substitute
from ..model import ENTITY_TYPES, Begrip, Bundel, Casus, Entity, Kwestie, Principe
from ..redirects import Redirect, redirects
from ..urls import is_safe

NavItem = str | dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class Page:
    # Relative to the docs root, e.g. "kwesties/eigen-kracht.md"; a redirect is a finished
    # HTML file ("kwesties/oude-naam/index.html") that the site engine copies as it is.
    path: str
    title: str
    content: str


@dataclass(frozen=True, kw_only=True)
class Site:
    pages: tuple[Page, ...]
    nav: tuple[NavItem, ...]


def plain_citation(citation: Citation) -> str:
    """A citation as its keys: for works that could not be formatted (the checks say why)."""
    parts = []
    for item in citation.items:
        text = item.key + (f", {item.locator}" if item.locator else "")
        parts.append(((item.prefix + " ") if item.prefix else "") + text)
    joined = "; ".join(md_inline(p) for p in parts)
    return joined if citation.narrative else f"({joined})"


def md_inline(text: object) -> str:
    """Escape plain text for use inside generated Markdown."""
    value = str(text)
    value = value.replace("\\", "\\\\")
    for char in "`*_[]{}":
        value = value.replace(char, "\\" + char)
    return value.replace("<", "&lt;").replace("\n", " ")


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


class Renderer:
    def __init__(
        self, corpus: Corpus, graph: Graph | None = None, literature: Literature | None = None
    ) -> None:
        self.corpus = corpus
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

    # --- pages --------------------------------------------------------------------------

    def render(self) -> Site:
        pages: list[Page] = []
        for entity in self.corpus.entities:
            pages.append(self.entity_page(entity))
        for reeks in self.graph.reeksen.values():
            pages.append(self.reeks_page(reeks))
        pages.extend(self.work_page(work) for work in self.literature.works.values())
        pages.append(self.literature_index())
        pages.extend(self.index_pages())
        pages.extend(self.redirect_page(r) for r in redirects(self.corpus))
        pages.sort(key=lambda p: p.path)
        return Site(pages=tuple(pages), nav=tuple(self.nav()))

    def _template(
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

    def entity_page(self, entity: Entity) -> Page:
        meta: dict[str, Any] = {"description": entity.summary}
        if entity.tags:
            meta["tags"] = list(entity.tags)
        if isinstance(entity, Kwestie):
            meta["search"] = {"boost": 2}
        if isinstance(entity, Bundel) and entity.bib in self.literature.works:
            meta["citation"] = citation_meta(self.literature.works[entity.bib])
        graph = self.graph
        return self._template(
            f"{entity.kind}.md.j2",
            entity.page,
            entity.title,
            meta,
            entity=entity,
            body=self.body(entity),
            kwesties=graph.related(entity, Kwestie),
            principes=graph.related(entity, Principe),
            casussen=graph.related(entity, Casus),
            begrippen=graph.related(entity, Begrip),
            verwant=[
                e
                for e in graph.related(entity, type(entity))
                if e.id in entity.related_ids("verwant") or entity.id in e.related_ids("verwant")
            ],
            genoemd_in=graph.mentioned_in(entity),
            bronnen=self.sources(entity),
            reeks=graph.reeks_of(entity) if isinstance(entity, Principe) else None,
            drawn_from=self.drawn_from(entity) if isinstance(entity, Bundel) else {},
            literatuur=self.literature.cited_on(entity),
            literature=self.literature,
        )

    def reeks_page(self, reeks: Reeks) -> Page:
        return self._template(
            "reeks.md.j2",
            reeks.page,
            self.graph.reeks_title(reeks),
            {"description": f"Reeks: {self.graph.reeks_title(reeks)}"},
            reeks=reeks,
            bronnen=self.reeks_sources(reeks),
        )

    def reeks_sources(self, reeks: Reeks) -> list[dict[str, Any]]:
        """The chapters the members of a reeks come from, each once."""
        seen: dict[tuple[str, str | None], dict[str, Any]] = {}
        for member in reeks.leden:
            for source in self.sources(member):
                bron = source["bron"]
                key = (bron.bundel, bron.hoofdstuk)
                if key not in seen:
                    seen[key] = {
                        **source,
                        "bron": dataclasses.replace(bron, sectie=None, pagina=None),
                    }
        return list(seen.values())

    def redirect_page(self, redirect: Redirect) -> Page:
        """A static page at the old address; not in the navigation, not in the search index."""
        href = relative(redirect.path, redirect.target.page.removesuffix(".md") + "/") + "/"
        title = redirect.target.title
        content = self.env.get_template("redirect.html.j2").render(href=href, title=title)
        return Page(path=redirect.path, title=title, content=content)

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

    def work_page(self, work: Work) -> Page:
        meta: dict[str, Any] = {"description": _plain_markdown(work.reference)}
        meta["citation"] = citation_meta(work)
        return self._template(
            "werk.md.j2",
            work.page,
            work.title,
            meta,
            work=work,
            literature=self.literature,
        )

    def literature_index(self) -> Page:
        letters: dict[str, list[Work]] = defaultdict(list)
        for work in self.literature.works.values():
            letters[work.letter].append(work)
        return self._template(
            "index_literatuur.md.j2",
            f"{LITERATUUR}/index.md",
            "Literatuur",
            {"description": "Alle werken waarnaar de kennisbank verwijst, van A tot Z (APA 7)."},
            letters=dict(letters),
            count=len(self.literature.works),
        )

    def sources(self, entity: Entity) -> list[dict[str, Any]]:
        """Source locators resolved to bundle and chapter, for the "Bronnen" panel."""
        result = []
        for bron in entity.bronnen:
            bundel = self.corpus.bundels.get(bron.bundel)
            chapter = bundel.hoofdstuk(bron.hoofdstuk) if bundel and bron.hoofdstuk else None
            result.append({"bron": bron, "bundel": bundel, "hoofdstuk": chapter})
        return result

    def drawn_from(self, bundel: Bundel) -> dict[str, list[Entity]]:
        groups: dict[str, list[Entity]] = {}
        drawn = self.graph.drawn_from(bundel)
        for cls in ENTITY_TYPES:
            found = [e for e in drawn if isinstance(e, cls) and e is not bundel]
            if found:
                groups[cls.plural] = found
        return groups

    def index_pages(self) -> list[Page]:
        corpus = self.corpus
        kwesties = sorted(corpus.of_type(Kwestie), key=lambda e: e.title.casefold())
        by_tag: dict[str, list[Entity]] = defaultdict(list)
        for kwestie in kwesties:
            for tag in kwestie.tags or ("Overig",):
                by_tag[tag].append(kwestie)
        principes = [p for p in corpus.of_type(Principe) if isinstance(p, Principe)]
        loose: dict[str, list[Principe]] = defaultdict(list)
        for principe in sorted(principes, key=lambda e: e.title.casefold()):
            if not principe.reeks:
                loose[principe.soort or "overig"].append(principe)
        casussen = sorted(corpus.of_type(Casus), key=lambda e: e.title.casefold())
        by_plaats: dict[str, list[Entity]] = defaultdict(list)
        by_soort: dict[str, list[Entity]] = defaultdict(list)
        for casus in casussen:
            assert isinstance(casus, Casus)
            by_plaats[casus.plaats or "Plaats niet genoemd"].append(casus)
            by_soort[casus.soort or "overig"].append(casus)
        begrippen = sorted(corpus.of_type(Begrip), key=lambda e: e.title.casefold())
        letters: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
        for begrip in begrippen:
            assert isinstance(begrip, Begrip)
            letters[_letter(begrip.term)].append((begrip.term, begrip))
            for synoniem in begrip.synoniemen:
                letters[_letter(synoniem)].append((synoniem, begrip))
        for entries in letters.values():
            entries.sort(key=lambda pair: pair[0].casefold())
        bundels = sorted(corpus.bundels.values(), key=lambda b: (b.jaar or 0, b.titel))
        return [
            self._template(
                "index_kwesties.md.j2",
                "kwesties/index.md",
                "Kwesties",
                {},
                kwesties=kwesties,
                by_tag=dict(sorted(by_tag.items())),
            ),
            self._template(
                "index_principes.md.j2",
                "principes/index.md",
                "Principes",
                {},
                reeksen=list(self.graph.reeksen.values()),
                loose=dict(sorted(loose.items())),
            ),
            self._template(
                "index_casussen.md.j2",
                "casussen/index.md",
                "Praktijk",
                {},
                casussen=casussen,
                by_plaats=dict(sorted(by_plaats.items())),
                by_soort=dict(sorted(by_soort.items())),
            ),
            self._template(
                "index_begrippen.md.j2",
                "begrippen/index.md",
                "Begrippen",
                {},
                letters=dict(sorted(letters.items())),
            ),
            self._template(
                "index_bundels.md.j2", "bundels/index.md", "Bronnen", {}, bundels=bundels
            ),
        ]

    # --- navigation ---------------------------------------------------------------------

    def nav(self) -> list[NavItem]:
        sections: list[NavItem] = []
        titles = {
            Kwestie: "Kwesties",
            Principe: "Principes",
            Casus: "Praktijk",
            Begrip: "Begrippen",
            Bundel: "Bronnen",
        }
        for cls in (Kwestie, Principe, Casus, Begrip, Bundel):
            entities = sorted(self.corpus.of_type(cls), key=lambda e: e.title.casefold())
            items: list[NavItem] = [f"{cls.folder}/index.md"]
            if cls is Principe:
                # Each reeks is a collapsed section with its members in order: the sidebar
                # stays short (navigation.prune renders only the open section) and a member
                # page still shows where it belongs.
                for reeks in self.graph.reeksen.values():
                    members: list[NavItem] = [{"Overzicht": reeks.page}]
                    members += [{p.title: p.page} for p in reeks.leden]
                    items.append({self.graph.reeks_title(reeks): members})
                entities = [e for e in entities if isinstance(e, Principe) and not e.reeks]
            items += [{e.title: e.page} for e in entities]
            sections.append({titles[cls]: items})
        works: list[NavItem] = [f"{LITERATUUR}/index.md"]
        by_letter: dict[str, list[NavItem]] = defaultdict(list)
        for work in self.literature.works.values():
            by_letter[work.letter].append({work.label: work.page})
        works += [{letter: entries} for letter, entries in by_letter.items()]
        sections.append({"Literatuur": works})
        return sections


def _letter(text: str) -> str:
    first = text.strip()[:1].upper()
    return first if first.isalpha() else "#"


def render_site(
    corpus: Corpus, graph: Graph | None = None, literature: Literature | None = None
) -> Site:
    return Renderer(corpus, graph, literature).render()


def _plain_markdown(text: str) -> str:
    """Markdown from pandoc reduced to text, for page descriptions."""
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("*", "")


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


def nav_with_docs(generated: Sequence[NavItem], docs_pages: Sequence[str]) -> list[NavItem]:
    """The full navigation: home first, then the generated sections, then other hand-written pages."""
    nav: list[NavItem] = []
    if "index.md" in docs_pages:
        nav.append("index.md")
    nav.extend(generated)
    nav.extend(p for p in sorted(docs_pages) if p != "index.md")
    return nav
