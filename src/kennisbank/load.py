"""Loading the content folders into a `Corpus`: documents, typed entities and literature.

Loading never raises on bad content. A file that cannot be read becomes diagnostics; a file
whose values have the wrong type still becomes an entity (with empty values where the type
was wrong) so that every other check can run and report in the same pass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .bibliography import Bibliography, load_bibliography
from .diagnostic import Diagnostic
from .frontmatter import parse, read_text
from .model import (
    BY_FOLDER,
    Bronverwijzing,
    Bundel,
    Document,
    Entity,
    Hoofdstuk,
    Persoon,
    Ref,
)


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """Everything the site is made from."""

    root: Path
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    bibliography: Bibliography
    diagnostics: tuple[Diagnostic, ...]
    # Files that could not be read at all (their own error says why): id → path. Their ids
    # still exist, so a reference to one is not reported as "bestaat niet".
    unreadable: Mapping[str, str] = dataclasses.field(default_factory=dict)

    @cached_property
    def by_id(self) -> Mapping[str, Entity]:
        found: dict[str, Entity] = {}
        for entity in self.entities:
            found.setdefault(entity.id, entity)  # duplicates are reported by the id_unique rule
        return found

    def of_type(self, cls: type[Entity]) -> list[Entity]:
        return [e for e in self.entities if isinstance(e, cls)]

    @cached_property
    def bundels(self) -> Mapping[str, Bundel]:
        return {e.id: e for e in self.entities if isinstance(e, Bundel)}


def content_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every `<folder>/<name>.md` in the content folders, in a stable order."""
    for folder in BY_FOLDER:
        directory = root / folder
        if directory.is_dir():
            for path in sorted(directory.glob("*.md")):
                yield folder, path


def load_document(root: Path, folder: str, path: Path) -> tuple[Document | None, list[Diagnostic]]:
    display = path.relative_to(root).as_posix()
    text, diagnostics = read_text(path, display)
    if text is None:
        return None, diagnostics
    front = parse(text, display)
    diagnostics.extend(front.diagnostics)
    if not front.ok:
        return None, diagnostics
    document = Document(
        path=display,
        folder=folder,
        id=path.stem,
        data=front.data,
        locations=front.locations,
        body=front.body,
        body_line=front.body_line,
    )
    return document, diagnostics


def load(root: Path) -> Corpus:
    """Load all content under `root` (the repository root)."""
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    unreadable: dict[str, str] = {}
    for folder, path in content_files(root):
        document, found = load_document(root, folder, path)
        diagnostics.extend(found)
        if document is not None:
            documents.append(document)
        else:
            unreadable[path.stem] = path.relative_to(root).as_posix()
    bibliography = load_bibliography(root)
    diagnostics.extend(bibliography.diagnostics)
    entities = tuple(build_entity(d) for d in documents)
    return Corpus(
        root=root,
        documents=tuple(documents),
        entities=entities,
        bibliography=bibliography,
        diagnostics=tuple(diagnostics),
        unreadable=unreadable,
    )


# --- building typed entities from plain data -------------------------------------------


def build_entity(document: Document) -> Entity:
    cls = BY_FOLDER[document.folder]
    data = document.data
    values: dict[str, Any] = {
        "id": document.id,
        "document": document,
        "bronnen": _bronnen(document),
        "tags": _texts(data.get("tags")),
        "refs": tuple(r for key in cls.relations for r in _refs(document, key)),
        "vorige": _refs(document, "vorige_ids"),
    }
    if cls is Bundel:
        values["bib_refs"] = _bib_refs(document)
    for spec in dataclasses.fields(cls):
        if spec.name in values or not spec.init:
            continue
        raw = data.get(spec.name)
        values[spec.name] = _coerce(document, spec.name, raw, str(spec.type))
    return cls(**values)


def _coerce(document: Document, name: str, raw: object, annotation: str) -> object:
    if annotation == "tuple[str, ...]":
        return _texts(raw)
    if annotation == "tuple[Persoon, ...]":
        return _personen(raw)
    if annotation == "tuple[Hoofdstuk, ...]":
        return _hoofdstukken(document, raw)
    if annotation == "Mapping[str, str]":
        return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    if annotation.startswith("int"):
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    text = _text(raw)
    if annotation == "str":
        return text or ""
    return text


def _text(raw: object) -> str | None:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    return None


def _texts(raw: object) -> tuple[str, ...]:
    if isinstance(raw, list):
        return tuple(t for t in (_text(item) for item in raw) if t)
    text = _text(raw)
    return (text,) if text else ()


def _personen(raw: object) -> tuple[Persoon, ...]:
    if not isinstance(raw, list):
        return ()
    people = []
    for item in raw:
        if isinstance(item, str) and item.strip():
            people.append(Persoon(naam=item.strip()))
        elif isinstance(item, dict) and _text(item.get("naam")):
            people.append(
                Persoon(
                    naam=_text(item.get("naam")) or "", instelling=_text(item.get("instelling"))
                )
            )
    return tuple(people)


def _hoofdstukken(document: Document, raw: object) -> tuple[Hoofdstuk, ...]:
    if not isinstance(raw, list):
        return ()
    chapters = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not _text(item.get("id")):
            continue
        chapters.append(
            Hoofdstuk(
                id=_text(item.get("id")) or "",
                titel=_text(item.get("titel")) or "",
                auteurs=_personen(item.get("auteurs")),
                bib=_text(item.get("bib")),
                samenvatting=_text(item.get("samenvatting")) or "",
                literatuur=_texts(item.get("literatuur")),
                location=document.location("hoofdstukken", i),
            )
        )
    return tuple(chapters)


def _refs(document: Document, key: str) -> tuple[Ref, ...]:
    raw = document.data.get(key)
    return tuple(
        Ref(key=key, target=target, location=document.location(key, i))
        for i, target in enumerate(raw if isinstance(raw, list) else [])
        if isinstance(target, str)
    )


def _bib_refs(document: Document) -> tuple[Ref, ...]:
    data = document.data
    found: list[Ref] = []
    if _text(data.get("bib")):
        found.append(
            Ref(key="bib", target=_text(data.get("bib")) or "", location=document.location("bib"))
        )
    chapters = data.get("hoofdstukken")
    for i, raw in enumerate(chapters if isinstance(chapters, list) else []):
        if not isinstance(raw, dict):
            continue
        if isinstance(raw.get("bib"), str):
            where = document.location("hoofdstukken", i, "bib")
            found.append(Ref(key="bib", target=raw["bib"], location=where))
        listed = raw.get("literatuur")
        for j, key in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(key, str):
                where = document.location("hoofdstukken", i, "literatuur", j)
                found.append(Ref(key="literatuur", target=key, location=where))
    return tuple(found)


def _bronnen(document: Document) -> tuple[Bronverwijzing, ...]:
    raw = document.data.get("bronnen")
    if not isinstance(raw, list):
        return ()
    sources = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not _text(item.get("bundel")):
            continue
        sources.append(
            Bronverwijzing(
                bundel=_text(item.get("bundel")) or "",
                hoofdstuk=_text(item.get("hoofdstuk")),
                sectie=_text(item.get("sectie")),
                pagina=_text(item.get("pagina")),
                location=document.location("bronnen", i),
            )
        )
    return tuple(sources)
