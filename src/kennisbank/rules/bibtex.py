"""Lint of the literature in bibliography/*.bib: keys, fields, names, duplicates, use."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slugify import slugify

from ..bibliography import BibEntry
from ..csl import normalise
from .registry import FOUT, WAARSCHUWING, Context, Found, found, rule


@rule(code="bibtex-dubbel", severity=FOUT)
def bibtex_keys_unique(ctx: Context) -> Iterator[Found]:
    """A BibTeX key is defined once across all .bib files (pybtex would keep only one)."""
    entries = ctx.corpus.bibliography.entries
    for duplicate in ctx.corpus.bibliography.duplicates:
        first = entries[duplicate.key]
        yield found(
            duplicate.location,
            f"De sleutel ‘{duplicate.key}’ is al gedefinieerd in {first.location.path}:{first.location.line}.",
            "Houd één definitie over; hebben ze verschillende werken, geef er dan één een nieuwe sleutel.",
        )


# Fields a reference needs per entry type; a tuple means "one of these". A missing year is
# not listed: APA prints "z.d." for undated works, and the `year` rule below says so.
REQUIRED_FIELDS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article": (("author",), "title", ("journal", "journaltitle")),
    "book": (("author", "editor"), "title", "publisher"),
    "inbook": (("author", "editor"), "title", "publisher"),
    "incollection": ("author", "title", "booktitle", "publisher"),
    "inproceedings": ("author", "title", "booktitle"),
    "techreport": ("title", ("institution", "publisher")),
    "report": ("title", ("institution", "publisher")),
    "phdthesis": ("author", "title", ("school", "institution")),
    "mastersthesis": ("author", "title", ("school", "institution")),
    "thesis": ("author", "title", ("school", "institution")),
    "online": ("title", "url"),
    "unpublished": ("author", "title"),
}
PARTICLES = {
    "de",
    "den",
    "der",
    "des",
    "het",
    "'t",
    "te",
    "ten",
    "ter",
    "van",
    "von",
    "vom",
    "zu",
    "la",
    "le",
    "du",
    "d'",
    "da",
    "dos",
    "op",
    "in",
    "uit",
    "aan",
    "bij",
    "onder",
}


def _has(entry: BibEntry, name: str) -> bool:
    return bool(entry.fields.get(name, "").strip()) or bool(entry.persons(name))


@rule(code="bibtex-velden", severity=FOUT)
def bib_title(ctx: Context) -> Iterator[Found]:
    """A work has a title: without one there is no reference at all."""
    for entry in ctx.corpus.bibliography.entries.values():
        if not _has(entry, "title"):
            yield found(
                entry.location,
                f"‘{entry.key}’ heeft geen titel (veld ‘title’).",
                "Voeg ‘title = {…}’ toe; zonder titel is er geen bronvermelding.",
            )


@rule(code="bibtex-velden", severity=WAARSCHUWING)
def bib_required_fields(ctx: Context) -> Iterator[Found]:
    """A work has the fields its type needs for a complete APA reference, and a year."""
    for entry in ctx.corpus.bibliography.entries.values():
        kind = entry.entry.type.lower()
        for wanted in REQUIRED_FIELDS.get(kind, ()):
            options = (wanted,) if isinstance(wanted, str) else wanted
            if wanted == "title" or any(_has(entry, name) for name in options):
                continue
            names = " of ".join(f"‘{name}’" for name in options)
            yield found(
                entry.location,
                f"‘{entry.key}’ (@{kind}) mist {names}; de APA-vermelding wordt onvolledig.",
                f"Voeg {names} toe, zoals de bron het geeft.",
            )
        if not (_has(entry, "year") or _has(entry, "date")) and kind != "online":
            yield found(
                entry.location,
                f"‘{entry.key}’ heeft geen jaartal; de site drukt ‘z.d.’ (zonder datum).",
                "Voeg ‘year = {…}’ toe als de bron een jaar noemt; noemt ze er echt geen, "
                "schrijf dan ‘year = {z.d.}’, dan weten anderen dat het zo bedoeld is.",
            )


_KEY = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_:.+/-]*$")


@rule(code="bibtex-sleutel", severity=FOUT)
def bib_key_format(ctx: Context) -> Iterator[Found]:
    """A citation key is letters, digits and `_:.+/-` only; BibTeX stops reading an entry at
    a brace or accent in its key, and `[@key]` cannot cite it."""
    for entry in ctx.corpus.bibliography.entries.values():
        if not _KEY.match(entry.key):
            yield found(
                entry.location,
                f"De sleutel ‘{entry.key}’ bevat tekens die niet in een citeersleutel mogen; "
                "de rest van dit item wordt daardoor niet gelezen.",
                f"Gebruik alleen letters zonder accent, cijfers en - _ : . / +, "
                f"bijvoorbeeld ‘{slugify(entry.key, separator='') or 'auteur2020'}’.",
            )


@rule(code="bibtex-tussenvoegsel", severity=WAARSCHUWING)
def bib_particle_last(ctx: Context) -> Iterator[Found]:
    """Dutch particles are written before the family name (`de Waal, Vincent`), not after the
    given name, or `de` ends up among the initials."""
    for entry in ctx.corpus.bibliography.entries.values():
        for role in ("author", "editor"):
            for person in entry.persons(role):
                given = [*person.first_names, *person.middle_names]
                trailing: list[str] = []
                while given and given[-1] in PARTICLES:
                    trailing.insert(0, given.pop())
                if not trailing or not given:
                    continue
                family = " ".join(person.last_names)
                wrong = f"{family}, {' '.join([*given, *trailing])}"
                right = f"{' '.join(trailing)} {family}, {' '.join(given)}"
                yield found(
                    entry.field_location(role),
                    f"In ‘{entry.key}’ staat ‘{wrong}’: het tussenvoegsel staat achter de voornaam.",
                    f"Schrijf ‘{right}’, dan wordt het ‘{family}, {given[0][:1]}. {' '.join(trailing)}’ "
                    f"in de literatuurlijst en ‘{' '.join(trailing).capitalize()} {family}’ in de tekst.",
                )


@rule(code="bibtex-others", severity=WAARSCHUWING)
def bib_and_others(ctx: Context) -> Iterator[Found]:
    """`and others` hides authors: APA 7 lists up to twenty."""
    for entry in ctx.corpus.bibliography.entries.values():
        for role in ("author", "editor"):
            if any(
                " ".join(p.last_names).strip("{}").lower() == "others" for p in entry.persons(role)
            ):
                yield found(
                    entry.field_location(role),
                    f"‘{entry.key}’ gebruikt ‘and others’; die namen ontbreken in de APA-vermelding.",
                    "Schrijf alle auteurs uit (APA 7 noemt er tot twintig).",
                )


def _chapter_of(a: BibEntry, b: BibEntry) -> bool:
    """One is a chapter of the other (an essay may carry its book's title)."""
    return normalise(a.fields.get("booktitle", "")) == normalise(b.fields.get("title", "")) or (
        normalise(b.fields.get("booktitle", "")) == normalise(a.fields.get("title", ""))
    )


@rule(code="bibtex-zelfde-werk", severity=WAARSCHUWING)
def bib_same_work(ctx: Context) -> Iterator[Found]:
    """Two keys for the same work (same title and year, ignoring case, accents and
    punctuation) split its citations over two pages."""
    seen: dict[tuple[str, str], BibEntry] = {}
    for entry in ctx.corpus.bibliography.entries.values():
        title = normalise(entry.fields.get("title", ""))
        if not title:
            continue
        year = entry.fields.get("year") or entry.fields.get("date", "")[:4]
        signature = (title, year.strip())
        first = seen.setdefault(signature, entry)
        if first is not entry and not _chapter_of(first, entry):
            yield found(
                entry.location,
                f"‘{entry.key}’ lijkt hetzelfde werk als ‘{first.key}’ "
                f"({first.location.path}:{first.location.line}): zelfde titel en jaar.",
                f"Houd één sleutel over en vervang ‘{entry.key}’ overal door ‘{first.key}’; "
                "zijn het echt twee werken, maak dan het verschil zichtbaar in titel of jaar.",
            )


@rule(code="bibtex-ongebruikt", severity=WAARSCHUWING)
def bib_uncited(ctx: Context) -> Iterator[Found]:
    """Every work is cited somewhere, listed by a bundle chapter, or is a bundle itself;
    otherwise nobody reaches its page."""
    used = ctx.graph.used_keys
    for entry in ctx.corpus.bibliography.entries.values():
        if entry.key not in used:
            yield found(
                entry.location,
                f"‘{entry.key}’ wordt nergens geciteerd en staat op geen literatuurlijst van een hoofdstuk.",
                f"Citeer het met [@{entry.key}], zet het in de ‘literatuur’ van een hoofdstuk, of haal het weg.",
            )
