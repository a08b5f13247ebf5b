"""The graph of the corpus: typed relations both ways, backlinks, sources and citations.

A relation is declared once, on either side (`principes: [x]` on a kwestie, or
`kwesties: [y]` on a principe); the graph shows it on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from slugify import slugify

from .cache import Cache
from .cache import key as cache_key
from .diagnostic import Diagnostic, Location, crashed, error
from .load import Corpus
from .markup import Body, analyse, body_from_json, body_to_json
from .model import Bundel, Entity, Principe
from .paths import reeks_page
from .sorting import sort_key

# (bundle id of the members' first source, slug of the reeks name)
ReeksKey = tuple[str | None, str]


@dataclass(frozen=True, kw_only=True)
class Reeks:
    """A set of principles (five principles, three levels, …): members in their order.

    A reeks belongs to its bundle: two publications may each have a set with the same name,
    and they stay two reeksen (`key` holds both parts)."""

    key: ReeksKey
    naam: str
    leden: tuple[Principe, ...]

    @property
    def bundel(self) -> str | None:
        return self.key[0]

    @property
    def slug(self) -> str:
        return self.key[1]

    @property
    def page(self) -> str:
        return reeks_page(self.bundel, self.slug)


def reeks_key(principe: Principe) -> ReeksKey | None:
    """Which reeks a principe belongs to: its name, within the bundle it comes from first."""
    if not principe.reeks:
        return None
    bundel = principe.bronnen[0].bundel if principe.bronnen else None
    return (bundel, slugify(principe.reeks))


def _sort_key(entity: Entity) -> tuple[tuple[str, str], str]:
    return (sort_key(entity.title), entity.id)


# The longest real paragraph is ~2,300 characters. Markdown's link parsing slows down sharply
# on a long paragraph full of brackets (130 KB of `[[[[` took half a minute), so a longer
# one is an error and the body is not parsed.
MAX_PARAGRAPH = 20_000


def _long_paragraph(body: str) -> tuple[int, int] | None:
    """The line offset and length of the first paragraph over MAX_PARAGRAPH, if any."""
    if len(body) <= MAX_PARAGRAPH:
        return None
    offset = 0
    for block in body.split("\n\n"):
        if len(block) > MAX_PARAGRAPH:
            return offset, len(block)
        offset += block.count("\n") + 2
    return None


class Graph:
    """Relations, backlinks and citations of a corpus, computed once."""

    def __init__(self, corpus: Corpus, cache: Cache | None = None) -> None:
        self.corpus = corpus
        self._cache = cache if cache is not None and cache.enabled else None
        # What the Markdown parser could not read (the guard's errors, one per body).
        self.diagnostics: list[Diagnostic] = []
        self.bodies: dict[str, Body] = {e.id: self._analyse(e) for e in corpus.entities}
        self._related: dict[str, set[str]] = defaultdict(set)
        for entity in corpus.entities:
            for key in entity.relations:
                for target in entity.related_ids(key):
                    if target in corpus.by_id and target != entity.id:
                        self._related[entity.id].add(target)
                        self._related[target].add(entity.id)
        self._mentions: dict[str, set[str]] = defaultdict(set)
        self._cited_in: dict[str, set[str]] = defaultdict(set)
        for entity_id, body in self.bodies.items():
            for link in body.links:
                if link.target in corpus.by_id and link.target != entity_id:
                    self._mentions[link.target].add(entity_id)
            for key in body.cited_keys:
                self._cited_in[key].add(entity_id)

    def _analyse(self, entity: Entity) -> Body:
        """The body's links and citations: from the cache when this body was parsed before."""
        line = entity.document.body_line
        entry = cache_key("tekst", entity.path, str(line), entity.body) if self._cache else ""
        if self._cache:
            stored = self._cache.get("tekst", entry)
            if stored is not None:
                try:
                    return body_from_json(stored, entity.path)
                except (KeyError, TypeError, ValueError):
                    pass  # not what we wrote: parse again
        long = _long_paragraph(entity.body)
        if long is not None:
            offset, size = long
            self.diagnostics.append(
                error(
                    Location(path=entity.path, line=line + offset),
                    "bestand",
                    f"Deze alinea is {size:,} tekens lang; de grens is {MAX_PARAGRAPH:,}.".replace(
                        ",", "."
                    ),
                    "Zet witregels tussen de alinea's, of kort de tekst in.",
                )
            )
            return Body()
        try:
            body = analyse(entity.body, entity.path, line)
        except Exception as exc:  # the guard: an error on the file, the body left empty
            where = Location(path=entity.path, line=entity.document.body_line)
            self.diagnostics.append(crashed(where, "bestand", "de tekst onder de kop", exc))
            return Body()
        if self._cache:
            self._cache.put("tekst", entry, body_to_json(body))
        return body

    def related(self, entity: Entity, cls: type[Entity]) -> list[Entity]:
        """Entities of one type related to `entity`, declared on either side."""
        found = [self.corpus.by_id[i] for i in self._related.get(entity.id, ())]
        return sorted((e for e in found if isinstance(e, cls)), key=_sort_key)

    def mentioned_in(self, entity: Entity) -> list[Entity]:
        """Entities whose body links to `entity` with [[…]] ("Genoemd in")."""
        return sorted(
            (self.corpus.by_id[i] for i in self._mentions.get(entity.id, ())), key=_sort_key
        )

    def cited_in(self, key: str) -> list[Entity]:
        return sorted((self.corpus.by_id[i] for i in self._cited_in.get(key, ())), key=_sort_key)

    def drawn_from(self, bundel: Bundel) -> list[Entity]:
        """Entities that name `bundel` in their sources."""
        found = [e for e in self.corpus.entities if any(b.bundel == bundel.id for b in e.bronnen)]
        return sorted(found, key=_sort_key)

    @cached_property
    def reeksen(self) -> Mapping[ReeksKey, Reeks]:
        groups: dict[ReeksKey, list[Principe]] = defaultdict(list)
        names: dict[ReeksKey, str] = {}
        for entity in self.corpus.entities:
            key = reeks_key(entity) if isinstance(entity, Principe) else None
            if key is not None:
                assert isinstance(entity, Principe) and entity.reeks
                groups[key].append(entity)
                names.setdefault(key, entity.reeks)
        return {
            key: Reeks(
                key=key,
                naam=names[key],
                leden=tuple(sorted(members, key=lambda p: (p.nummer or 0, p.titel))),
            )
            for key, members in sorted(
                groups.items(), key=lambda kv: (sort_key(names[kv[0]]), kv[0][0] or "")
            )
        }

    @cached_property
    def used_keys(self) -> frozenset[str]:
        """BibTeX keys the site uses: cited in a body, a bundle's or chapter's own `bib`, or on
        a chapter's literature list."""
        keys = {key for body in self.bodies.values() for key in body.cited_keys}
        for bundel in self.corpus.bundels.values():
            keys.add(bundel.bib)
            for chapter in bundel.hoofdstukken:
                keys.update(chapter.literatuur)
                if chapter.bib:
                    keys.add(chapter.bib)
        return frozenset(keys)

    def reeks_title(self, reeks: Reeks) -> str:
        """The reeks's name, with its bundle where another bundle has a reeks of that name."""
        same = [r for r in self.reeksen.values() if r.naam.casefold() == reeks.naam.casefold()]
        bundel = self.corpus.bundels.get(reeks.bundel or "")
        if len(same) < 2 or bundel is None:
            return reeks.naam
        return f"{reeks.naam} ({bundel.short_label})"

    def reeks_of(self, principe: Principe) -> Reeks | None:
        key = reeks_key(principe)
        return self.reeksen.get(key) if key else None
