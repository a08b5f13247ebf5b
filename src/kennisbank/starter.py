"""Starter files: `kennisbank new <soort> "Titel"` writes a new content file to fill in.

A starter has every key of its type, each explained in a comment. What the lector must
still write is marked `VUL IN` (text) or `vul-in` (an id or key); the `placeholders` check
points at each one, so a fresh starter fails the checks until it is filled in.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from slugify import slugify

from .ids import taken
from .load import Corpus, load
from .model import BY_KIND, Entity
from .schema import ID_PATTERN

PLACEHOLDER = "VUL IN"
PLACEHOLDER_ID = "vul-in"
KINDS: tuple[str, ...] = ("kwestie", "principe", "casus", "begrip", "bundel")
MAX_ID_LENGTH = 60  # long titles make long, unreadable addresses


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and (
        value.strip().startswith(PLACEHOLDER) or value.strip() == PLACEHOLDER_ID
    )


class StarterError(Exception):
    """A starter that cannot be made; the message and suggestion are for the lector."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True, kw_only=True)
class Starter:
    path: Path  # the file written
    display: str  # the same, relative to the content root
    id: str


def id_from_title(title: str) -> str:
    """Lowercase ASCII, accents folded, words joined by hyphens: ‘Cliënt én buurt’ → ‘client-en-buurt’."""
    return str(slugify(title, max_length=MAX_ID_LENGTH, word_boundary=True, save_order=True))


def create(root: Path, kind: str, title: str, id_: str | None = None) -> Starter:
    """Write a starter for `kind`; refuse to overwrite a file or to reuse an id."""
    cls = BY_KIND[kind]
    title = title.strip()
    if not title:
        raise StarterError("De titel is leeg.", f'Geef een titel: kennisbank new {kind} "Titel".')
    new_id = id_ or id_from_title(title)
    if not re.fullmatch(ID_PATTERN, new_id):
        raise StarterError(
            f"‘{new_id}’ is geen geldige id (kleine letters, cijfers en koppeltekens).",
            f"Kies een id met --id, bijvoorbeeld --id {id_from_title(new_id) or 'mijn-pagina'}.",
        )
    display = f"{cls.folder}/{new_id}.md"
    path = root / display
    if path.exists():
        raise StarterError(
            f"{display} bestaat al; er is niets overschreven.",
            "Open dat bestand om het aan te vullen, of kies een andere id met --id.",
        )
    corpus = load(root)
    _refuse_taken_id(corpus, new_id, kind)
    text = _template(kind).replace("{{ id }}", new_id)
    text = text.replace("{{ titel }}", _yaml_text(title))
    text = text.replace("{{ bundels }}", _bundel_hint(corpus))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never replace a file written meanwhile
        out.write(text)
    return Starter(path=path, display=display, id=new_id)


def _refuse_taken_id(corpus: Corpus, new_id: str, kind: str) -> None:
    holder = taken(corpus, new_id)
    if isinstance(holder, str):
        raise StarterError(
            f"‘{new_id}’ is een gereserveerde naam voor een overzichtspagina.",
            "Kies een andere id met --id.",
        )
    if isinstance(holder, Entity):
        raise StarterError(
            f"De id ‘{new_id}’ bestaat al: {holder.path}. Ids zijn uniek over alle soorten heen.",
            f"Vul dat bestand aan, of kies een andere id met --id (bijvoorbeeld --id "
            f"{new_id}-{kind}).",
        )
    if holder is not None:
        raise StarterError(
            f"‘{new_id}’ is een oude id van {holder.entity.path} (vorige_ids); het oude adres "
            "stuurt daarheen door.",
            "Kies een andere id met --id.",
        )


def _template(kind: str) -> str:
    return (resources.files("kennisbank") / "starters" / f"{kind}.md").read_text(encoding="utf-8")


def _yaml_text(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: colons, quotes and # stay text.
    return json.dumps(text, ensure_ascii=False)


def _bundel_hint(corpus: Corpus) -> str:
    """Comment lines naming the bundles (and their chapters) a source locator can point at."""
    if not corpus.bundels:
        return '# Er zijn nog geen bundels; maak er eerst een met: kennisbank new bundel "Titel".'
    lines = ["# De bundels in deze kennisbank, met hun hoofdstukken:"]
    for bundel in sorted(corpus.bundels.values(), key=lambda b: b.id):
        chapters = ", ".join(h.id for h in bundel.hoofdstukken) or "geen hoofdstukken"
        lines.extend(
            textwrap.wrap(
                f"{bundel.id}: {chapters}",
                width=96,
                initial_indent="#   ",
                subsequent_indent="#       ",
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)
