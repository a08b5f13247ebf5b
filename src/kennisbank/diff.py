"""What a change means for readers: two loaded corpora compared ("Wat verandert er").

Pure: `compare(base, head)` takes two corpora and returns `Changes`; `revision.py` loads a
corpus from a git revision. Renames are recognised by `vorige_ids`, else by identical
content, else by the same type and title; relations and URLs are compared after mapping
old ids to new ones, so a rename does not show up as everything lost and gained again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .links import Graph
from .load import Corpus
from .model import Entity
from .pages import page_paths
from .paths import url
from .redirects import redirects


@dataclass(frozen=True, kw_only=True, order=True)
class Ref:
    """An entity as readers know it: type, title, address; and its file."""

    label: str
    title: str
    id: str
    path: str

    @staticmethod
    def of(entity: Entity) -> Ref:
        return Ref(
            label=entity.label, title=entity.title or entity.id, id=entity.id, path=entity.path
        )

    @property
    def url(self) -> str:
        return url(self.path)

    def __str__(self) -> str:
        return f"{self.label} ‘{self.title}’"


@dataclass(frozen=True, kw_only=True)
class Rename:
    old: Ref
    new: Ref
    redirect: bool  # the old address sends readers on (vorige_ids)


@dataclass(frozen=True, kw_only=True)
class Changed:
    ref: Ref
    keys: tuple[str, ...]
    body: bool


@dataclass(frozen=True, kw_only=True)
class Changes:
    added: list[Ref] = field(default_factory=list)
    removed: list[Ref] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    relations_gained: list[tuple[Ref, Ref]] = field(default_factory=list)
    relations_lost: list[tuple[Ref, Ref]] = field(default_factory=list)
    works_added: list[str] = field(default_factory=list)
    works_removed: list[str] = field(default_factory=list)
    newly_cited: list[str] = field(default_factory=list)
    no_longer_cited: list[str] = field(default_factory=list)
    urls_lost: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _same_content(a: Entity, b: Entity) -> bool:
    return a.kind == b.kind and a.document.data == b.document.data and a.body == b.body


def _renames(base: Corpus, head: Corpus) -> dict[str, Entity]:
    """Base id → head entity, for base entities whose id is gone from head."""
    gone = [e for e in base.entities if e.id not in head.by_id]
    new = [e for e in head.entities if e.id not in base.by_id]
    found: dict[str, Entity] = {}
    claimed = {r.old_id: r.target for r in redirects(head)}
    for entity in gone:
        if entity.id in claimed:
            found[entity.id] = claimed[entity.id]
    for matches in (
        _same_content,
        lambda a, b: a.kind == b.kind and a.title.casefold() == b.title.casefold(),
    ):
        taken = {e.id for e in found.values()}
        for entity in gone:
            if entity.id in found:
                continue
            match = next((e for e in new if e.id not in taken and matches(entity, e)), None)
            if match is not None:
                found[entity.id] = match
                taken.add(match.id)
    return found


def _relations(corpus: Corpus, rename: Mapping[str, str]) -> set[tuple[str, str]]:
    """Declared relations as unordered pairs of (renamed) ids."""
    pairs = set()
    for entity in corpus.entities:
        for key in entity.relations:
            for target in entity.related_ids(key):
                if target in corpus.by_id and target != entity.id:
                    a, b = rename.get(entity.id, entity.id), rename.get(target, target)
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def _cited(graph: Graph) -> set[str]:
    return set(graph.used_keys) & set(graph.corpus.bibliography.entries)


def _urls(graph: Graph) -> set[str]:
    return {url(path) for path in page_paths(graph)}


def _work(corpus: Corpus, key: str) -> str:
    entry = corpus.bibliography.entries.get(key)
    if entry is None:
        return key
    fields = entry.fields
    people = entry.persons("author") or entry.persons("editor")
    names = [" ".join([*p.prelast_names, *p.last_names]) for p in people]
    who = names[0] + (" e.a." if len(names) > 2 else f" & {names[1]}" if len(names) == 2 else "")
    return f"{key} — {who or 'z.a.'} ({fields.get('year', 'z.d.')}), {fields.get('title', '')}"


def compare(base: Corpus, head: Corpus) -> Changes:
    renamed = _renames(base, head)
    rename_ids = {old: new.id for old, new in renamed.items()}
    new_to_old = {new: old for old, new in rename_ids.items()}
    changes = Changes(
        added=sorted(
            Ref.of(e) for e in head.entities if e.id not in base.by_id and e.id not in new_to_old
        ),
        removed=sorted(
            Ref.of(e) for e in base.entities if e.id not in head.by_id and e.id not in renamed
        ),
        renamed=sorted(
            (
                Rename(
                    old=Ref.of(base.by_id[old]),
                    new=Ref.of(new),
                    redirect=old in new.vorige_ids,
                )
                for old, new in renamed.items()
            ),
            key=lambda r: r.new,
        ),
    )
    for entity in sorted(head.entities, key=Ref.of):
        before = base.by_id.get(entity.id) or base.by_id.get(new_to_old.get(entity.id, ""))
        if before is None:
            continue
        keys = _changed_keys(before.document.data, entity.document.data)
        if keys or before.body != entity.body:
            changes.changed.append(
                Changed(ref=Ref.of(entity), keys=tuple(keys), body=before.body != entity.body)
            )
    old_pairs, new_pairs = _relations(base, rename_ids), _relations(head, {})
    refs = {**{e.id: Ref.of(e) for e in base.entities}, **{e.id: Ref.of(e) for e in head.entities}}
    changes.relations_gained.extend(_pair_refs(new_pairs - old_pairs, refs))
    changes.relations_lost.extend(_pair_refs(old_pairs - new_pairs, refs))
    base_works, head_works = set(base.bibliography.entries), set(head.bibliography.entries)
    changes.works_added.extend(_work(head, k) for k in sorted(head_works - base_works))
    changes.works_removed.extend(_work(base, k) for k in sorted(base_works - head_works))
    base_graph, head_graph = Graph(base), Graph(head)  # each body is parsed once
    base_cited, head_cited = _cited(base_graph), _cited(head_graph)
    changes.newly_cited.extend(_work(head, k) for k in sorted(head_cited - base_cited))
    changes.no_longer_cited.extend(
        _work(base, k) for k in sorted((base_cited - head_cited) & head_works)
    )
    changes.urls_lost.extend(sorted(_urls(base_graph) - _urls(head_graph)))
    return changes


def _changed_keys(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    keys = [k for k in after if before.get(k) != after[k]]
    keys += [k for k in before if k not in after]
    return [k for k in keys if k != "vorige_ids"]  # shown under "Hernoemd"


def _pair_refs(pairs: Iterable[tuple[str, str]], refs: Mapping[str, Ref]) -> list[tuple[Ref, Ref]]:
    return sorted((refs[a], refs[b]) for a, b in pairs)


# --- output --------------------------------------------------------------------------------


def _sections(changes: Changes, code: str) -> list[tuple[str, list[str]]]:
    def c(text: str) -> str:
        return f"{code}{text}{code}"

    renamed = []
    for r in changes.renamed:
        line = f"{r.new}: {c(r.old.id)} → {c(r.new.id)}"
        if r.old.title != r.new.title:
            line += f" (was ‘{r.old.title}’)"
        if r.redirect:
            line += f": het oude adres {c(r.old.url)} stuurt door"
        else:
            line += (
                f": ⚠ het oude adres {c(r.old.url)} werkt niet meer — zet "
                f"{c('vorige_ids: [' + r.old.id + ']')} in {c(r.new.path)}"
            )
        renamed.append(line)
    changed = []
    for ch in changes.changed:
        parts = [*ch.keys, *(["de tekst"] if ch.body else [])]
        changed.append(f"{ch.ref} ({c(ch.ref.path)}): {', '.join(parts)}")
    return [
        ("Nieuwe pagina's", [f"{r} ({c(r.url)}, {c(r.path)})" for r in changes.added]),
        ("Hernoemd", renamed),
        ("Verwijderd", [f"{r} ({c(r.url)})" for r in changes.removed]),
        ("Gewijzigd", changed),
        ("Nieuwe verbanden", [f"{a} ↔ {b}" for a, b in changes.relations_gained]),
        ("Verdwenen verbanden", [f"{a} ↔ {b}" for a, b in changes.relations_lost]),
        ("Nieuw in de literatuur", changes.works_added),
        ("Uit de literatuur verwijderd", changes.works_removed),
        ("Voor het eerst geciteerd", changes.newly_cited),
        ("Niet meer geciteerd (staat nog in de literatuur)", changes.no_longer_cited),
        (
            "Adressen die verdwijnen (zonder doorverwijzing)",
            [
                f"{c(u)} — wie deze link bewaard heeft, komt op een foutpagina"
                for u in changes.urls_lost
            ],
        ),
    ]


def _counts(changes: Changes) -> str:
    parts = [
        (len(changes.added), "nieuw"),
        (len(changes.renamed), "hernoemd"),
        (len(changes.removed), "verwijderd"),
        (len(changes.changed), "gewijzigd"),
        (len(changes.urls_lost), "verdwenen adres(sen)"),
    ]
    return " · ".join(f"{n} {word}" for n, word in parts)


TITLE = "Wat verandert er voor lezers"


FOLD_AFTER = 20


def format_markdown(changes: Changes, base: str, head: str) -> str:
    lines = [f"## {TITLE}", "", f"Van `{base}` naar `{head}`: **{_counts(changes)}**", ""]
    if changes.empty:
        lines += ["Niets: geen pagina, verband, bron of adres verandert.", ""]
    for heading, items in _sections(changes, "`"):
        if len(items) > FOLD_AFTER:  # a long list folds, so the summary stays readable
            lines += [
                f"### {heading} ({len(items)})",
                "",
                "<details><summary>Toon de lijst</summary>",
            ]
            lines += ["", *(f"- {item}" for item in items), "", "</details>", ""]
        elif items:
            lines += [f"### {heading}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


def format_text(changes: Changes, base: str, head: str) -> str:
    lines = [f"{TITLE} (van {base} naar {head}): {_counts(changes)}"]
    if changes.empty:
        lines.append("Niets: geen pagina, verband, bron of adres verandert.")
    for heading, items in _sections(changes, ""):
        if items:
            lines += ["", f"{heading}:", *(f"  - {item}" for item in items)]
    return "\n".join(lines) + "\n"
