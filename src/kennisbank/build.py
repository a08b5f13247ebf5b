"""One pass from content folder to pages: load, validate, render. Shared by the adapters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostic import Diagnostic
from .links import Graph
from .literature import Literature
from .load import Corpus, load
from .render import Site, render_site
from .validate import validate


@dataclass(frozen=True, kw_only=True)
class Build:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]
    site: Site

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def build(root: Path) -> Build:
    corpus = load(root)
    graph = Graph(corpus)
    diagnostics = validate(corpus, graph)
    literature = Literature.build(graph)
    site = render_site(corpus, graph, literature)
    return Build(corpus=corpus, diagnostics=(*diagnostics, *literature.diagnostics), site=site)


def write_pages(site: Site, directory: Path) -> list[Path]:
    """Write the generated pages under `directory`; return the paths written."""
    written = []
    for page in site.pages:
        target = directory / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        written.append(target)
    return written
