"""The index page of each content folder: kwesties by theme, principes by reeks, casussen by
place and kind, begrippen A–Z, bundels by year."""

from __future__ import annotations

from collections import defaultdict

from ..model import Begrip, Bundel, Casus, Entity, Kwestie, Principe
from ..paths import index_page
from ..sorting import letter, sort_key
from .context import Page, RenderContext
from .families import family

INDEXED = (Kwestie, Principe, Casus, Begrip, Bundel)


@family("indexes", paths=lambda graph: (index_page(cls.folder) for cls in INDEXED))
def index_pages(ctx: RenderContext) -> list[Page]:
    corpus = ctx.corpus
    kwesties = sorted(corpus.of_type(Kwestie), key=lambda e: sort_key(e.title))
    by_tag: dict[str, list[Entity]] = defaultdict(list)
    for kwestie in kwesties:
        for tag in kwestie.tags or ("Overig",):
            by_tag[tag].append(kwestie)
    principes = [p for p in corpus.of_type(Principe) if isinstance(p, Principe)]
    loose: dict[str, list[Principe]] = defaultdict(list)
    for principe in sorted(principes, key=lambda e: sort_key(e.title)):
        if not principe.reeks:
            loose[principe.soort or "overig"].append(principe)
    casussen = sorted(corpus.of_type(Casus), key=lambda e: sort_key(e.title))
    by_plaats: dict[str, list[Entity]] = defaultdict(list)
    by_soort: dict[str, list[Entity]] = defaultdict(list)
    for casus in casussen:
        assert isinstance(casus, Casus)
        by_plaats[casus.plaats or "Plaats niet genoemd"].append(casus)
        by_soort[casus.soort or "overig"].append(casus)
    begrippen = sorted(corpus.of_type(Begrip), key=lambda e: sort_key(e.title))
    letters: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for begrip in begrippen:
        assert isinstance(begrip, Begrip)
        letters[letter(begrip.term)].append((begrip.term, begrip))
        for synoniem in begrip.synoniemen:
            letters[letter(synoniem)].append((synoniem, begrip))
    for entries in letters.values():
        entries.sort(key=lambda pair: sort_key(pair[0]))
    bundels = sorted(corpus.bundels.values(), key=lambda b: (b.jaar or 0, b.titel))
    return [
        ctx.template(
            "index_kwesties.md.j2",
            index_page("kwesties"),
            "Kwesties",
            {},
            kwesties=kwesties,
            by_tag=dict(sorted(by_tag.items())),
        ),
        ctx.template(
            "index_principes.md.j2",
            index_page("principes"),
            "Principes",
            {},
            reeksen=list(ctx.graph.reeksen.values()),
            loose=dict(sorted(loose.items())),
        ),
        ctx.template(
            "index_casussen.md.j2",
            index_page("casussen"),
            "Praktijk",
            {},
            casussen=casussen,
            by_plaats=dict(sorted(by_plaats.items())),
            by_soort=dict(sorted(by_soort.items())),
        ),
        ctx.template(
            "index_begrippen.md.j2",
            index_page("begrippen"),
            "Begrippen",
            {},
            letters=dict(sorted(letters.items())),
        ),
        ctx.template("index_bundels.md.j2", index_page("bundels"), "Bronnen", {}, bundels=bundels),
    ]
