"""Overviews of the whole field: which source treats which kwestie (the matrix at
/overzicht/), and the practice examples in time (/overzicht/tijdlijn/) and by place
(/overzicht/plaatsen/)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..headings import headings
from ..links import Graph
from ..model import Bundel, Casus, Kwestie
from ..paths import overview_page
from ..sorting import sort_key
from .context import PAGE_ANCHORS, Page, RenderContext
from .families import family

MATRIX = overview_page()
TIJDLIJN = overview_page("tijdlijn")
PLAATSEN = overview_page("plaatsen")
OVERVIEW_PAGES = (MATRIX, TIJDLIJN, PLAATSEN)

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset({"over", "naar", "voor", "door", "vanuit", "werken", "studie", "bundel"})


@dataclass(frozen=True, kw_only=True)
class Cell:
    """How one source treats one kwestie: its source locators, the distinct chapters among
    them, the citations of the source's own works in the kwestie's text, and
    where the passage is (the kwestie's section about the source, else the page)."""

    kwestie: Kwestie
    bundel: Bundel
    locators: int
    sections: int
    citations: int
    target: str

    @property
    def description(self) -> str:
        parts = [
            _count(self.locators, "bronplaats", "bronplaatsen"),
            _count(self.sections, "hoofdstuk", "hoofdstukken"),
            _count(self.citations, "citaat", "citaten"),
        ]
        return f"{self.kwestie.title} in {self.bundel.short_label}: " + ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _significant(text: str) -> set[str]:
    return {
        w.casefold()
        for w in _WORD.findall(text)
        if (len(w) >= 4 and w.casefold() not in _STOP) or re.fullmatch(r"\d{4}", w)
    }


def _same_word(a: str, b: str) -> bool:
    """Zaanstadse ~ Zaanstad: the same word, or the same first five letters."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] and not a.isdigit())


def bundle_words(bundel: Bundel) -> set[str]:
    parts = [bundel.titel, bundel.kort or "", bundel.ondertitel or "", bundel.id.replace("-", " ")]
    if bundel.jaar:
        parts.append(str(bundel.jaar))
    return _significant(" ".join(parts))


def bundle_keys(bundel: Bundel) -> set[str]:
    """The BibTeX keys of a source itself: the bundle and its chapters."""
    return {bundel.bib, *(h.bib for h in bundel.hoofdstukken if h.bib)}


def bundle_sections(graph: Graph, kwestie: Kwestie) -> dict[str, str]:
    """Which level-2 heading `## In …` of the kwestie's text is about which source: the
    source whose title, `kort`, id or year shares the most words with the heading (ties:
    the one whose works the section cites most). Bundle id → anchor."""
    body = kwestie.body
    found = headings(body, PAGE_ANCHORS)
    lines = body.split("\n")
    starts = [sum(len(line) + 1 for line in lines[: h.line]) for h in found]
    citations = graph.bodies[kwestie.id].citations
    bundels = list(graph.corpus.bundels.values())
    words = {b.id: bundle_words(b) for b in bundels}
    keys = {b.id: bundle_keys(b) for b in bundels}
    result: dict[str, str] = {}
    for index, heading in enumerate(found):
        if heading.level != 2 or not heading.text.casefold().startswith("in "):
            continue
        start = starts[index]
        end = next(
            (
                s
                for h, s in zip(found[index + 1 :], starts[index + 1 :], strict=True)
                if h.level <= 2
            ),
            len(body),
        )
        cited = [item.key for c in citations if start <= c.span.start < end for item in c.items]
        heading_words = _significant(heading.text)
        scores = []
        for b in bundels:
            shared = sum(1 for w in heading_words if any(_same_word(w, v) for v in words[b.id]))
            if shared:
                scores.append((shared, sum(1 for k in cited if k in keys[b.id]), b.id))
        if scores:
            best = max(scores)[2]
            result.setdefault(best, heading.anchor)
    return result


def matrix(ctx: RenderContext) -> tuple[list[Kwestie], list[Bundel], dict[tuple[str, str], Cell]]:
    graph = ctx.graph
    kwesties = sorted(
        (e for e in ctx.corpus.of_type(Kwestie) if isinstance(e, Kwestie)),
        key=lambda e: sort_key(e.title),
    )
    bundels = sorted(ctx.corpus.bundels.values(), key=lambda b: (b.jaar or 9999, b.titel))
    cells: dict[tuple[str, str], Cell] = {}
    for kwestie in kwesties:
        sections = bundle_sections(graph, kwestie)
        cited = [item.key for c in graph.bodies[kwestie.id].citations for item in c.items]
        for bundel in bundels:
            bronnen = [b for b in kwestie.bronnen if b.bundel == bundel.id]
            keys = bundle_keys(bundel)
            citations = sum(1 for k in cited if k in keys)
            if not bronnen and not citations and bundel.id not in sections:
                continue
            anchor = sections.get(bundel.id)
            cells[(kwestie.id, bundel.id)] = Cell(
                kwestie=kwestie,
                bundel=bundel,
                locators=len(bronnen),
                sections=len({b.hoofdstuk for b in bronnen if b.hoofdstuk}),
                citations=citations,
                target=kwestie.page + (f"#{anchor}" if anchor else ""),
            )
    return kwesties, bundels, cells


# --- practice examples in time and place ------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def years(periode: str | None) -> tuple[int, int | None] | None:
    """The first and last year a `periode` names (`vanaf 2015`: no last year), or None."""
    found = [int(y) for y in _YEAR.findall(periode or "")]
    if not found:
        return None
    open_ended = re.match(r"\s*(vanaf|sinds)\b", periode or "", re.I) and len(found) == 1
    return (min(found), None if open_ended else max(found))


def places(plaats: str | None) -> list[str]:
    """The places a `plaats` names: ‘Dordrecht, Rotterdam en Schiedam’ is three."""
    text = re.sub(r"\s*\([^)]*\)", "", plaats or "").strip()
    if not text:
        return []
    parts = re.split(r",\s*|\s+en\s+", text)
    if any(p[:1].islower() for p in parts):
        return [text]  # ‘vier gemeenten in de provincie Utrecht’: a description, kept whole
    return [p.strip() for p in parts if p.strip()]


@family("overview", paths=lambda graph: OVERVIEW_PAGES)
def overview_pages(ctx: RenderContext) -> Iterator[Page]:
    kwesties, bundels, cells = matrix(ctx)
    yield ctx.template(
        "overzicht.md.j2",
        MATRIX,
        "Overzicht: kwesties en bronnen",
        {"description": "Welke publicatie behandelt welke kwestie, en hoe uitgebreid."},
        kwesties=kwesties,
        bundels=bundels,
        cells=cells,
        per_bundel={b.id: sum(1 for k in kwesties if (k.id, b.id) in cells) for b in bundels},
    )
    casussen = sorted(
        (e for e in ctx.corpus.of_type(Casus) if isinstance(e, Casus)),
        key=lambda e: sort_key(e.title),
    )
    by_year: dict[int, list[tuple[Casus, tuple[int, int | None]]]] = defaultdict(list)
    undated = []
    for casus in casussen:
        span = years(casus.periode)
        if span is None:
            undated.append(casus)
        else:
            by_year[span[0]].append((casus, span))
    yield ctx.template(
        "tijdlijn.md.j2",
        TIJDLIJN,
        "Tijdlijn van de praktijk",
        {"description": "De praktijkvoorbeelden naar de jaren waarin ze spelen."},
        by_year=dict(sorted(by_year.items())),
        undated=undated,
    )
    by_place: dict[str, list[Casus]] = defaultdict(list)
    unplaced = []
    for casus in casussen:
        named = places(casus.plaats)
        for place in named:
            by_place[place].append(casus)
        if not named:
            unplaced.append(casus)
    yield ctx.template(
        "plaatsen.md.j2",
        PLAATSEN,
        "Plaatsen van de praktijk",
        {"description": "De praktijkvoorbeelden per plaats."},
        by_place=dict(sorted(by_place.items(), key=lambda kv: sort_key(kv[0]))),
        unplaced=unplaced,
    )
