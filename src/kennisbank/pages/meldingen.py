"""The check's findings in the preview: a banner on each affected page, and /meldingen/.

Only a preview gets them (`build(root, preview=True)`: `mkdocs serve`, or a PR preview), so a
lector sees what is wrong where they look, instead of a build that stops. Every message quotes
what the lector wrote, so all of it goes through `md_inline`: nothing becomes markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..diagnostic import Diagnostic
from ..paths import entity_page, meldingen_page
from .context import Page, RenderContext
from .families import family
from .markdown import md_inline, relative


def _count(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return " en ".join(parts) or "geen meldingen"


def _item(diagnostic: Diagnostic, indent: str = "") -> str:
    loc = diagnostic.location
    text = (
        f"{indent}- **{diagnostic.severity.value}** · regel {loc.line}, kolom {loc.col} · "
        f"`{diagnostic.rule}`: {md_inline(diagnostic.message)}"
    )
    if diagnostic.suggestion:
        text += f"  \n{indent}  → {md_inline(diagnostic.suggestion)}"
    return text


def page_of_file(ctx: RenderContext) -> dict[str, str]:
    """Which page shows which source file (entities; unreadable files get a stand-in page)."""
    pages = {e.path: e.page for e in ctx.corpus.entities}
    for entity_id, path in ctx.corpus.unreadable.items():
        pages.setdefault(path, entity_page(path.split("/", 1)[0], entity_id))
    return pages


def _work_page(ctx: RenderContext, diagnostic: Diagnostic) -> str | None:
    """The work page of a finding in a .bib file: the entry that starts last before it."""
    loc = diagnostic.location
    best = None
    for work in ctx.literature.works.values():
        where = work.entry.location
        later = best is None or where.line > best.entry.location.line
        if where.path == loc.path and where.line <= loc.line and later:
            best = work
    return best.page if best else None


def _by_page(ctx: RenderContext) -> dict[str, list[Diagnostic]]:
    pages = page_of_file(ctx)
    found: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in ctx.diagnostics or ():
        page = pages.get(diagnostic.location.path)
        if page is None and diagnostic.location.path.endswith(".bib"):
            page = _work_page(ctx, diagnostic)
        if page is not None:
            found[page].append(diagnostic)
    return found


@family("meldingen", paths=lambda graph: ())  # a preview's page only: not for readers
def findings_pages(ctx: RenderContext) -> Iterator[Page]:
    if ctx.diagnostics is None:
        return
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in ctx.diagnostics:
        by_file[diagnostic.location.path].append(diagnostic)
    pages = page_of_file(ctx)
    files = [
        (path, relative(meldingen_page(), pages[path]) if path in pages else None, found)
        for path, found in sorted(by_file.items())
    ]
    yield ctx.template(
        "meldingen.md.j2",
        meldingen_page(),
        "Meldingen",
        {"search": {"exclude": True}},
        files=files,
        total=_count(list(ctx.diagnostics)),
        item=_item,
    )
    for entity_id, path, page in stand_ins(ctx):
        yield ctx.template(
            "melding_onleesbaar.md.j2",
            page,
            entity_id,
            {"search": {"exclude": True}},
            path=path,
        )


def stand_ins(ctx: RenderContext) -> list[tuple[str, str, str]]:
    """(id, file, page) for each file that cannot be read: a preview shows a page saying so."""
    produced = {e.page for e in ctx.corpus.entities}
    pages = page_of_file(ctx)
    return [
        (entity_id, path, pages[path])
        for entity_id, path in sorted(ctx.corpus.unreadable.items())
        if pages[path] not in produced
    ]


def nav_section(ctx: RenderContext) -> dict[str, list[str | dict[str, str]]]:
    """The preview's first navigation section: the overview and the unreadable files."""
    items: list[str | dict[str, str]] = [meldingen_page()]
    items += [{path: page} for _, path, page in stand_ins(ctx)]
    return {"Meldingen": items}


def banner(diagnostics: Sequence[Diagnostic], overview: str) -> str:
    kind = "failure" if any(d.is_error for d in diagnostics) else "warning"
    lines = [
        f'!!! {kind} "Meldingen bij deze pagina"',
        "",
        f"    De controle vond {_count(diagnostics)} in {md_inline(diagnostics[0].location.path)}:",
        "",
        *(_item(d, "    ") for d in diagnostics),
        "",
        f"    [Alle meldingen]({overview})",
        "",
    ]
    return "\n".join(lines)


def with_banners(ctx: RenderContext, pages: list[Page]) -> list[Page]:
    """Each page whose source has findings, with a banner under its title."""
    found = _by_page(ctx)
    result = []
    for page in pages:
        diagnostics = found.get(page.path)
        if not diagnostics or not page.path.endswith(".md") or page.path == meldingen_page():
            result.append(page)
            continue
        text = banner(diagnostics, relative(page.path, meldingen_page()))
        head, sep, rest = page.content.partition("\n# ")
        if sep:
            title, _, body = rest.partition("\n")
            content = f"{head}\n# {title}\n\n{text}\n{body}"
        else:
            content = page.content + "\n" + text
        result.append(replace(page, content=content))
    return result
