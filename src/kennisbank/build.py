"""One pass from content folder to pages: load, validate, render. Shared by the adapters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostic import Diagnostic, sort_diagnostics
from .links import Graph
from .literature import Literature
from .load import Corpus, load
from .pages import Site, render_site
from .rules import validate


@dataclass(frozen=True, kw_only=True)
class Build:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]
    site: Site

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


@dataclass(frozen=True, kw_only=True)
class Checked:
    """What the checks found, the literature included: the same for `check` and the build."""

    corpus: Corpus
    graph: Graph
    literature: Literature
    diagnostics: tuple[Diagnostic, ...]


def check(root: Path) -> Checked:
    """Load, validate and format the literature (its own diagnostics are part of the check)."""
    corpus = load(root)
    graph = Graph(corpus)
    literature = Literature.build(graph)
    diagnostics = sort_diagnostics([*validate(corpus, graph), *literature.diagnostics])
    return Checked(
        corpus=corpus, graph=graph, literature=literature, diagnostics=tuple(diagnostics)
    )


def build(root: Path, *, preview: bool = False) -> Build:
    """Check and render; a `preview` shows the findings on the pages and at /meldingen/."""
    checked = check(root)
    site = render_site(
        checked.corpus,
        checked.graph,
        checked.literature,
        checked.diagnostics if preview else None,
    )
    return Build(corpus=checked.corpus, diagnostics=checked.diagnostics, site=site)


def write_pages(site: Site, directory: Path) -> list[Path]:
    """Write the generated pages under `directory`; return the paths written."""
    written = []
    for page in site.pages:
        target = directory / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        written.append(target)
    return written
