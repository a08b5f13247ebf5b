"""The content checks. Each rule is a small generator of diagnostics with a docstring.

`validate(corpus)` runs them all and returns every finding at once, sorted by place. The same
function serves `kennisbank check`, the MkDocs plugin and CI.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from slugify import slugify

from .bibliography import BibEntry
from .csl import DOI_PREFIX, normalise
from .diagnostic import Diagnostic, Location, error, sort_diagnostics, warning
from .label import article_before, at_sentence_start, leading_article
from .links import Graph, ReeksKey, reeks_key
from .load import Corpus
from .model import BY_FOLDER, RESERVED_IDS, Document, Entity, Principe
from .redirects import claims, renamed_to
from .schema import ID_PATTERN, SCHEMAS
from .starter import PLACEHOLDER, PLACEHOLDER_ID, is_placeholder
from .urls import EXAMPLE as URL_EXAMPLE
from .urls import url_problem


class Context:
    """What the rules share: the corpus, its graph and schema findings, each computed once."""

    def __init__(self, corpus: Corpus, graph: Graph | None = None) -> None:
        self.corpus = corpus
        self.graph = graph or Graph(corpus)

    @cached_property
    def schema_errors(self) -> list[tuple[Document, ValidationError]]:
        validators = {
            folder: Draft202012Validator(SCHEMAS[cls.kind]) for folder, cls in BY_FOLDER.items()
        }
        found = []
        for document in self.corpus.documents:
            for problem in validators[document.folder].iter_errors(dict(document.data)):
                if not is_placeholder(problem.instance):  # the placeholders rule says it better
                    found.append((document, problem))
        return found

    @cached_property
    def renamed(self) -> Mapping[str, Entity]:
        return renamed_to(self.corpus)

    def ids_of(self, kind: str | None) -> list[str]:
        return [e.id for e in self.corpus.entities if kind is None or e.kind == kind]


Rule = Callable[[Context], Iterable[Diagnostic]]
RULES: list[Rule] = []


def rule(function: Rule) -> Rule:
    RULES.append(function)
    return function


def _did_you_mean(value: str, options: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"Bedoelde je ‘{matches[0]}’?" if matches else None


def _field_name(path: Sequence[str | int]) -> str:
    parts = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"nr. {part + 1}")
        else:
            parts.append(str(part))
    return " → ".join(parts) if parts else "de kop"


_TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "integer": "een geheel getal",
    "object": "een groep velden (sleutel: waarde)",
    "null": "leeg (null)",
    "number": "een getal",
    "boolean": "ja/nee (true/false)",
}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "leeg"


# --- rules over the front matter (schema) -----------------------------------------------


@rule
def required_keys(ctx: Context) -> Iterator[Diagnostic]:
    """Every required key of a type is present (DESIGN §3; `required` in the JSON Schema)."""
    reported: set[tuple[str, tuple[str | int, ...], str]] = set()
    for document, problem in ctx.schema_errors:
        if problem.validator != "required":
            continue
        instance = problem.instance if isinstance(problem.instance, dict) else {}
        required: Any = problem.validator_value
        for key in required:
            # jsonschema reports each missing key as its own error, each with the whole list.
            seen = (document.path, tuple(problem.absolute_path), key)
            if key in instance or seen in reported:
                continue
            reported.add(seen)
            where = list(problem.absolute_path)
            inside = f" (in {_field_name(where)})" if where else ""
            yield error(
                document.location(*where),
                "verplicht-veld",
                f"Het verplichte veld ‘{key}’ ontbreekt{inside}.",
                f"Voeg een regel ‘{key}: …’ toe." if not where else f"Voeg ‘{key}: …’ toe.",
            )


@rule
def unknown_keys(ctx: Context) -> Iterator[Diagnostic]:
    """No key that the type does not know: a misspelt key would silently be ignored."""
    for document, problem in ctx.schema_errors:
        if problem.validator != "additionalProperties" or not isinstance(problem.instance, dict):
            continue
        schema: Any = problem.schema
        allowed = set(schema.get("properties", {}))
        where = list(problem.absolute_path)
        for key in problem.instance:
            if key in allowed:
                continue
            suggestion = _did_you_mean(key, allowed)
            if suggestion is None and not where:
                owners = [k for k, s in SCHEMAS.items() if key in s["properties"]]
                if owners:
                    suggestion = f"‘{key}’ hoort bij: {', '.join(owners)}."
            yield error(
                document.key_location(*where, key),
                "onbekend-veld",
                f"Onbekend veld ‘{key}’"
                + (
                    f" in {_field_name(where)}"
                    if where
                    else f" voor een {BY_FOLDER[document.folder].kind}"
                )
                + ".",
                suggestion or f"Toegestaan zijn: {', '.join(sorted(allowed))}.",
            )


_VALUE_VALIDATORS = {
    "type",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "minItems",
    "oneOf",
}


@rule
def value_types(ctx: Context) -> Iterator[Diagnostic]:
    """Every value has the type and form its key asks for (text, list, number, id, length)."""
    for document, problem in ctx.schema_errors:
        if problem.validator not in _VALUE_VALIDATORS:
            continue
        path = list(problem.absolute_path)
        name = _field_name(path)
        location = document.location(*path)
        value: Any = problem.instance
        kind = str(problem.validator)
        expected: Any = problem.validator_value
        if kind == "type":
            expected_list: list[str] = expected if isinstance(expected, list) else [expected]
            wanted = " of ".join(_TYPE_NAMES.get(t, t) for t in expected_list)
            hint = None
            if "array" in expected_list:
                hint = f"Schrijf een lijst: ‘{path[-1]}: [a, b]’, of één regel ‘- a’ per item."
            elif "string" in expected_list and isinstance(value, list | dict):
                hint = "Zet de tekst op één regel, eventueel tussen aanhalingstekens."
            yield error(
                location,
                "waardetype",
                f"‘{name}’ moet {wanted} zijn, niet {_type_of(value)}.",
                hint,
            )
        elif kind == "maxLength":
            yield error(
                location,
                "waardetype",
                f"‘{name}’ is {len(value)} tekens lang; het maximum is {expected}.",
                "Kort de tekst in; wat meer uitleg vraagt, hoort in de tekst onder de kop.",
            )
        elif kind == "minLength":
            yield error(
                location,
                "waardetype",
                f"‘{name}’ is leeg.",
                "Vul een waarde in of laat het veld weg.",
            )
        elif kind == "pattern" and expected == ID_PATTERN:
            yield error(
                location,
                "waardetype",
                f"‘{value}’ in ‘{name}’ is geen geldige id (kleine letters, cijfers en koppeltekens).",
                f"Schrijf ‘{slugify(str(value))}’.",
            )
        elif kind == "pattern":
            yield error(
                location,
                "waardetype",
                f"‘{name}’ heeft niet de juiste vorm: ‘{value}’.",
                "Een webadres begint met https://." if path and path[-1] == "url" else None,
            )
        elif kind == "minItems":
            yield error(
                location,
                "waardetype",
                f"‘{name}’ mag geen lege lijst zijn.",
                "Noem minstens één bron: ‘- {bundel: <bundel-id>, hoofdstuk: <id>}’.",
            )
        elif kind in ("minimum", "maximum"):
            yield error(
                location, "waardetype", f"‘{name}’ ligt buiten het toegestane bereik: {value}."
            )
        elif kind == "oneOf":
            yield error(
                location,
                "waardetype",
                f"‘{name}’ moet een naam zijn of ‘{{naam: …, instelling: …}}’.",
            )


@rule
def placeholders(ctx: Context) -> Iterator[Diagnostic]:
    """Nothing is left as the starter wrote it: no ‘VUL IN’ text and no ‘vul-in’ id."""
    for document in ctx.corpus.documents:
        for path, value in _values(document.data, ()):
            if not is_placeholder(value):
                continue
            assert isinstance(value, str)
            hint = value.strip().removeprefix(PLACEHOLDER).strip(" :")
            if value.strip() == PLACEHOLDER_ID:
                hint = _placeholder_id_hint(ctx, path)
            elif hint and hint[-1] not in ".?!":
                hint += "."
            yield error(
                document.location(*path),
                "invullen",
                f"‘{_field_name(path)}’ is nog niet ingevuld.",
                f"Vul in: {hint}" if hint else "Vul een waarde in.",
            )
        for offset, line in enumerate(document.body.split("\n")):
            if line.lstrip().startswith(PLACEHOLDER):
                yield error(
                    Location(path=document.path, line=document.body_line + offset, col=1),
                    "invullen",
                    "De tekst onder de kop is nog die van het startbestand.",
                    "Vervang de alinea die met ‘VUL IN’ begint door je eigen tekst.",
                )


def _values(
    value: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _values(item, (*path, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _values(item, (*path, i))
    else:
        yield path, value


def _placeholder_id_hint(ctx: Context, path: Sequence[str | int]) -> str:
    if path and path[-1] == "bundel":
        ids = sorted(ctx.corpus.bundels)
        return "de id van een bundel" + (f", een van: {', '.join(ids)}." if ids else ".")
    if path and path[-1] == "bib":
        return "de BibTeX-sleutel van de publicatie uit bibliography/*.bib (zoals jansen2017)."
    return "de juiste id."


# --- rules over ids ---------------------------------------------------------------------


@rule
def id_format(ctx: Context) -> Iterator[Diagnostic]:
    """The id (the file name) is lowercase ASCII letters, digits and single hyphens."""
    for document in ctx.corpus.documents:
        if not re.fullmatch(ID_PATTERN, document.id):
            yield error(
                document.location(),
                "id-vorm",
                f"De bestandsnaam ‘{document.id}.md’ is geen geldige id: gebruik kleine letters, "
                "cijfers en koppeltekens.",
                f"Hernoem het bestand naar ‘{slugify(document.id) or 'naam'}.md’.",
            )


_RESERVED_IDS = RESERVED_IDS


@rule
def id_unique(ctx: Context) -> Iterator[Diagnostic]:
    """Ids are unique across all types, ignoring case, and none is a reserved page name."""
    seen: dict[str, Document] = {}
    for document in ctx.corpus.documents:
        folded = document.id.casefold()
        if folded in _RESERVED_IDS:
            yield error(
                document.location(),
                "id-uniek",
                f"‘{document.id}’ is een gereserveerde naam voor een overzichtspagina.",
                "Kies een andere bestandsnaam.",
            )
            continue
        if folded in seen:
            other = seen[folded]
            yield error(
                document.location(),
                "id-uniek",
                f"De id ‘{document.id}’ bestaat al: {other.path}. Ids moeten uniek zijn over alle "
                "soorten heen (hoofdletters tellen niet).",
                "Geef een van de twee bestanden een andere naam.",
            )
        else:
            seen[folded] = document


# --- rules over references --------------------------------------------------------------


@rule
def relations_resolve(ctx: Context) -> Iterator[Diagnostic]:
    """Every relation (principes, casussen, begrippen, kwesties, verwant) names an existing entity
    of the right type."""
    by_id = ctx.corpus.by_id
    for entity in ctx.corpus.entities:
        for key, target_kind in entity.relations.items():
            raw = entity.document.data.get(key)
            if not isinstance(raw, list):
                continue
            for i, target in enumerate(raw):
                if not isinstance(target, str):
                    continue
                location = entity.location(key, i)
                found = by_id.get(target)
                if found is None and target in ctx.corpus.unreadable:
                    continue  # the file exists; its own error says why it cannot be read
                if found is None:
                    yield error(
                        location,
                        "relatie",
                        f"‘{target}’ in ‘{key}’ bestaat niet.",
                        _renamed_hint(ctx, target)
                        or _did_you_mean(target, ctx.ids_of(target_kind))
                        or (
                            f"Maak de pagina aan met: kennisbank new {target_kind} "
                            f'"Titel" --id {target}'
                            if target_kind
                            else f"Maak eerst de pagina ‘{target}’ aan (kennisbank new …)."
                        ),
                    )
                elif target_kind and found.kind != target_kind:
                    right_key = _key_for(entity, found.kind)
                    yield error(
                        location,
                        "relatie",
                        f"‘{target}’ in ‘{key}’ is een {found.kind}, geen {target_kind}.",
                        f"Zet ‘{target}’ onder ‘{right_key}’."
                        if right_key
                        else "Verwijder de verwijzing of gebruik ‘verwant’.",
                    )
                elif target == entity.id:
                    yield warning(
                        location,
                        "relatie",
                        f"‘{key}’ verwijst naar de pagina zelf.",
                        "Verwijder deze verwijzing.",
                    )


def _renamed_hint(ctx: Context, target: str) -> str | None:
    # A reference to an old id is refused (one spelling per page), but we know the new one.
    entity = ctx.renamed.get(target)
    if entity is None:
        return None
    return (
        f"‘{target}’ is hernoemd en heet nu ‘{entity.id}’ ({entity.path}): schrijf ‘{entity.id}’."
    )


@rule
def previous_ids(ctx: Context) -> Iterator[Diagnostic]:
    """An old id in `vorige_ids` is not the id of a live page, not claimed twice and not a
    reserved name: its old address must send readers to exactly one page."""
    live = {e.id.casefold(): e for e in ctx.corpus.entities}
    first: dict[str, Entity] = {}
    for claim in claims(ctx.corpus):
        folded = claim.old_id.casefold()
        if not re.fullmatch(ID_PATTERN, claim.old_id):
            continue  # the schema check (waardetype) reports the form
        if folded in live:
            other = live[folded]
            yield error(
                claim.location,
                "vorige-ids",
                f"‘{claim.old_id}’ staat in ‘vorige_ids’, maar is de id van een bestaande pagina "
                f"({other.path}).",
                "Haal de oude id weg, of hernoem of verwijder eerst die andere pagina."
                if other is not claim.entity
                else "Een pagina kan haar eigen id niet als vorige id hebben; haal hem weg.",
            )
        elif folded in _RESERVED_IDS:
            yield error(
                claim.location,
                "vorige-ids",
                f"‘{claim.old_id}’ is een gereserveerde naam voor een overzichtspagina.",
                "Haal deze oude id weg.",
            )
        elif folded in first:
            earlier = first[folded]
            yield error(
                claim.location,
                "vorige-ids",
                f"De oude id ‘{claim.old_id}’ wordt al opgeëist door {earlier.path}; één oud "
                "adres kan maar naar één pagina doorsturen.",
                "Laat de oude id op één plek staan.",
            )
        else:
            first[folded] = claim.entity


def _key_for(entity: Entity, kind: str) -> str | None:
    return next((k for k, v in entity.relations.items() if v == kind), None)


@rule
def links_resolve(ctx: Context) -> Iterator[Diagnostic]:
    """Every `[[id]]` link in a body names an existing entity."""
    for body in ctx.graph.bodies.values():
        for link in body.links:
            if link.target not in ctx.corpus.by_id and link.target not in ctx.corpus.unreadable:
                yield error(
                    link.span.location,
                    "link",
                    f"De link [[{link.target}]] wijst naar een pagina die niet bestaat.",
                    _renamed_hint(ctx, link.target)
                    or _did_you_mean(link.target, ctx.corpus.by_id)
                    or "Controleer de id (de bestandsnaam zonder .md).",
                )


@rule
def link_labels_read_well(ctx: Context) -> Iterator[Diagnostic]:
    """A link reads as Dutch in its sentence: no article twice ("het [[x|Het …]]"), and no
    whole question or title with a colon mid-sentence where the target has no `kort`."""
    for entity_id, body in ctx.graph.bodies.items():
        text = ctx.corpus.by_id[entity_id].body
        for link in body.links:
            target = ctx.corpus.by_id.get(link.target)
            if target is None:
                continue
            before = text[: link.span.start]
            article = article_before(before)
            if link.label and article and leading_article(link.label):
                yield warning(
                    link.span.location,
                    "link-lidwoord",
                    f"Het lidwoord staat twee keer: ‘{article} {link.label}’.",
                    "Laat het lidwoord weg uit de linktekst of uit de zin ervoor.",
                )
            elif (
                not link.label
                and not target.kort
                and any(c in target.title for c in "?:")
                and not at_sentence_start(before)
            ):
                yield warning(
                    link.span.location,
                    "link-kort",
                    f"[[{target.id}]] zet de hele titel ‘{target.title}’ midden in de zin.",
                    f"Geef {target.path} een korte naam (‘kort: …’), of schrijf "
                    f"[[{target.id}|…]] met een eigen linktekst.",
                )


@rule
def citations_resolve(ctx: Context) -> Iterator[Diagnostic]:
    """Every `[@key]` and `@key` citation names a work in bibliography/*.bib."""
    keys = ctx.corpus.bibliography.entries
    for body in ctx.graph.bodies.values():
        for citation in body.citations:
            for item in citation.items:
                if item.key not in keys:
                    yield error(
                        citation.span.location,
                        "citaat",
                        f"De bron ‘@{item.key}’ staat niet in de literatuur (bibliography/*.bib).",
                        _did_you_mean(item.key, keys)
                        or "Voeg het werk toe aan een .bib-bestand, of schrijf een @ in gewone tekst als \\@.",
                    )


@rule
def sources_resolve(ctx: Context) -> Iterator[Diagnostic]:
    """Every source locator names an existing bundle, and a chapter of that bundle."""
    bundels = ctx.corpus.bundels
    for entity in ctx.corpus.entities:
        for bron in entity.bronnen:
            bundel = bundels.get(bron.bundel)
            if bron.bundel == PLACEHOLDER_ID:
                continue  # reported by the placeholders rule
            if bundel is None:
                yield error(
                    bron.location,
                    "bron",
                    f"De bundel ‘{bron.bundel}’ bestaat niet.",
                    _did_you_mean(bron.bundel, bundels) or "Zie de map bundels/ voor de ids.",
                )
            elif bron.hoofdstuk and bundel.hoofdstuk(bron.hoofdstuk) is None:
                chapters = [h.id for h in bundel.hoofdstukken]
                yield error(
                    bron.location,
                    "bron",
                    f"De bundel ‘{bundel.id}’ heeft geen hoofdstuk ‘{bron.hoofdstuk}’.",
                    _did_you_mean(bron.hoofdstuk, chapters)
                    or f"Hoofdstukken: {', '.join(chapters) or 'geen'}.",
                )


@rule
def no_raw_html(ctx: Context) -> Iterator[Diagnostic]:
    """No raw HTML in a body: it bypasses the site's styling and could carry scripts."""
    for body in ctx.graph.bodies.values():
        for finding in body.html:
            if finding.kind != "html":
                continue
            yield error(
                finding.location,
                "html",
                f"HTML is niet toegestaan in de tekst: ‘{finding.text[:40]}’.",
                "Gebruik Markdown (**vet**, *cursief*, lijsten, !!! note voor een kader); "
                "bedoel je een < als teken, schrijf dan \\<.",
            )


@rule
def no_links_in_citations(ctx: Context) -> Iterator[Diagnostic]:
    """No [[link]] inside a citation's brackets: Pandoc's syntax has no room for it, and the
    citation would come out half-formatted."""
    for body in ctx.graph.bodies.values():
        for finding in body.html:
            if finding.kind == "citaat-link":
                yield error(
                    finding.location,
                    "citaat-link",
                    f"Een [[link]] binnen de haken van een citaat werkt niet: ‘{finding.text[:60]}’.",
                    "Zet de link buiten het citaat, bijvoorbeeld ‘[@waal2017] (zie [[eigen-kracht]])’.",
                )


@rule
def no_unsafe_links(ctx: Context) -> Iterator[Diagnostic]:
    """Every link in a body follows the one URL policy (urls.py): https, http, mailto or a
    relative link; no `javascript:`, `data:`, `vbscript:`, however it is spelt or encoded."""
    for body in ctx.graph.bodies.values():
        for finding in body.unsafe_links:
            yield error(
                finding.location,
                "onveilige-link",
                f"De link ‘{finding.text[:40]}’ {finding.reason}.",
                f"Link naar een webadres, zoals [Movisie]({URL_EXAMPLE}), of naar een pagina "
                "met [[id]].",
            )


@rule
def bundle_keys_resolve(ctx: Context) -> Iterator[Diagnostic]:
    """A bundle's `bib` key, its chapters' `bib` keys and their `literatuur` keys are in the
    bibliography."""
    keys = ctx.corpus.bibliography.entries
    for bundel in ctx.corpus.bundels.values():
        doc = bundel.document
        wanted: list[tuple[str, tuple[str | int, ...]]] = []
        if bundel.bib:
            wanted.append((bundel.bib, ("bib",)))
        chapters = doc.data.get("hoofdstukken")
        for i, raw in enumerate(chapters if isinstance(chapters, list) else []):
            if not isinstance(raw, dict):
                continue
            if isinstance(raw.get("bib"), str):
                wanted.append((raw["bib"], ("hoofdstukken", i, "bib")))
            for j, key in enumerate(raw.get("literatuur") or []):
                if isinstance(key, str):
                    wanted.append((key, ("hoofdstukken", i, "literatuur", j)))
        for key, path in wanted:
            if key not in keys and key != PLACEHOLDER_ID:
                yield error(
                    doc.location(*path),
                    "bundel-bib",
                    f"De BibTeX-sleutel ‘{key}’ staat niet in bibliography/*.bib.",
                    _did_you_mean(key, keys) or "Voeg het werk toe aan een .bib-bestand.",
                )


@rule
def chapters_unique(ctx: Context) -> Iterator[Diagnostic]:
    """Chapter ids are unique within their bundle (source locators point at them)."""
    for bundel in ctx.corpus.bundels.values():
        seen: set[str] = set()
        for chapter in bundel.hoofdstukken:
            if chapter.id in seen:
                yield error(
                    chapter.location,
                    "hoofdstuk-uniek",
                    f"Het hoofdstuk-id ‘{chapter.id}’ komt twee keer voor in deze bundel.",
                    "Geef elk hoofdstuk een eigen id.",
                )
            seen.add(chapter.id)


@rule
def reeks_numbers(ctx: Context) -> Iterator[Diagnostic]:
    """Members of a reeks have a `nummer`, and no two members share one."""
    members: dict[ReeksKey, list[Principe]] = defaultdict(list)
    for entity in ctx.corpus.entities:
        if not isinstance(entity, Principe):
            continue
        key = reeks_key(entity)
        if key is not None:
            members[key].append(entity)
            if entity.nummer is None:
                yield warning(
                    entity.location("reeks"),
                    "reeks",
                    f"‘{entity.id}’ hoort bij de reeks ‘{entity.reeks}’ maar heeft geen nummer.",
                    "Voeg ‘nummer: …’ toe om de volgorde vast te leggen.",
                )
        elif entity.nummer is not None:
            yield warning(
                entity.location("nummer"),
                "reeks",
                "Er staat een ‘nummer’ maar geen ‘reeks’.",
                "Voeg ‘reeks: …’ toe of laat het nummer weg.",
            )
    for group in members.values():
        seen: dict[int, Principe] = {}
        for principe in group:
            if principe.nummer is None:
                continue
            if principe.nummer in seen:
                yield error(
                    principe.location("nummer"),
                    "reeks",
                    f"Nummer {principe.nummer} in de reeks ‘{principe.reeks}’ is al gebruikt door "
                    f"‘{seen[principe.nummer].id}’.",
                    "Nummer de leden van de reeks 1, 2, 3, …",
                )
            else:
                seen[principe.nummer] = principe


@rule
def bibtex_keys_unique(ctx: Context) -> Iterator[Diagnostic]:
    """A BibTeX key is defined once across all .bib files (pybtex would keep only one)."""
    entries = ctx.corpus.bibliography.entries
    for duplicate in ctx.corpus.bibliography.duplicates:
        first = entries[duplicate.key]
        yield error(
            duplicate.location,
            "bibtex-dubbel",
            f"De sleutel ‘{duplicate.key}’ is al gedefinieerd in {first.location.path}:{first.location.line}.",
            "Houd één definitie over; hebben ze verschillende werken, geef er dan één een nieuwe sleutel.",
        )


# --- the literature ---------------------------------------------------------------------

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


@rule
def bib_required_fields(ctx: Context) -> Iterator[Diagnostic]:
    """A work has the fields its type needs for a complete APA reference; a title above all."""
    for entry in ctx.corpus.bibliography.entries.values():
        kind = entry.entry.type.lower()
        if not _has(entry, "title"):
            yield error(
                entry.location,
                "bibtex-velden",
                f"‘{entry.key}’ heeft geen titel (veld ‘title’).",
                "Voeg ‘title = {…}’ toe; zonder titel is er geen bronvermelding.",
            )
        for wanted in REQUIRED_FIELDS.get(kind, ()):
            options = (wanted,) if isinstance(wanted, str) else wanted
            if wanted == "title" or any(_has(entry, name) for name in options):
                continue
            names = " of ".join(f"‘{name}’" for name in options)
            yield warning(
                entry.location,
                "bibtex-velden",
                f"‘{entry.key}’ (@{kind}) mist {names}; de APA-vermelding wordt onvolledig.",
                f"Voeg {names} toe, zoals de bron het geeft.",
            )
        if not (_has(entry, "year") or _has(entry, "date")) and kind != "online":
            yield warning(
                entry.location,
                "bibtex-velden",
                f"‘{entry.key}’ heeft geen jaartal; de site drukt ‘z.d.’ (zonder datum).",
                "Voeg ‘year = {…}’ toe als de bron een jaar noemt; noemt ze er echt geen, "
                "schrijf dan ‘year = {z.d.}’, dan weten anderen dat het zo bedoeld is.",
            )


_KEY = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_:.+/-]*$")


@rule
def bib_key_format(ctx: Context) -> Iterator[Diagnostic]:
    """A citation key is letters, digits and `_:.+/-` only; BibTeX stops reading an entry at
    a brace or accent in its key, and `[@key]` cannot cite it."""
    for entry in ctx.corpus.bibliography.entries.values():
        if not _KEY.match(entry.key):
            yield error(
                entry.location,
                "bibtex-sleutel",
                f"De sleutel ‘{entry.key}’ bevat tekens die niet in een citeersleutel mogen; "
                "de rest van dit item wordt daardoor niet gelezen.",
                f"Gebruik alleen letters zonder accent, cijfers en - _ : . / +, "
                f"bijvoorbeeld ‘{slugify(entry.key, separator='') or 'auteur2020'}’.",
            )


@rule
def bib_particle_last(ctx: Context) -> Iterator[Diagnostic]:
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
                yield warning(
                    entry.field_location(role),
                    "bibtex-tussenvoegsel",
                    f"In ‘{entry.key}’ staat ‘{wrong}’: het tussenvoegsel staat achter de voornaam.",
                    f"Schrijf ‘{right}’, dan wordt het ‘{family}, {given[0][:1]}. {' '.join(trailing)}’ "
                    f"in de literatuurlijst en ‘{' '.join(trailing).capitalize()} {family}’ in de tekst.",
                )


@rule
def bib_and_others(ctx: Context) -> Iterator[Diagnostic]:
    """`and others` hides authors: APA 7 lists up to twenty."""
    for entry in ctx.corpus.bibliography.entries.values():
        for role in ("author", "editor"):
            if any(
                " ".join(p.last_names).strip("{}").lower() == "others" for p in entry.persons(role)
            ):
                yield warning(
                    entry.field_location(role),
                    "bibtex-others",
                    f"‘{entry.key}’ gebruikt ‘and others’; die namen ontbreken in de APA-vermelding.",
                    "Schrijf alle auteurs uit (APA 7 noemt er tot twintig).",
                )


_URL_COMMAND = re.compile(r"\\url\{([^{}]*)\}")
_LOOKS_LIKE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:|^www\.|^//")


def _url_hint(value: str) -> str:
    bare = value.removeprefix("//")
    if bare.startswith("www.") and url_problem("https://" + bare) is None:
        return f"Schrijf ‘https://{bare}’ (controleer of de site https ondersteunt)."
    return f"Schrijf een volledig webadres zonder spaties of < > \" ', zoals ‘{URL_EXAMPLE}’."


def _field_urls(ctx: Context) -> Iterator[tuple[str, str, Location]]:
    """(what, url, where) for every URL a field of the corpus asks the site to write."""
    for bundel in ctx.corpus.bundels.values():
        raw = bundel.document.data.get("url")
        if isinstance(raw, str):
            yield f"De url van de bundel ‘{bundel.id}’", raw.strip(), bundel.location("url")
    for entry in ctx.corpus.bibliography.entries.values():
        url = entry.fields.get("url", "").strip()
        if url:
            yield f"De url van ‘{entry.key}’", url, entry.field_location("url")
        doi = entry.fields.get("doi", "").strip()
        if doi:
            yield (
                f"De doi van ‘{entry.key}’",
                "https://doi.org/" + DOI_PREFIX.sub("", doi),
                entry.field_location("doi"),
            )
        how = entry.fields.get("howpublished", "").strip()
        for found in _URL_COMMAND.findall(how) or ([how] if _LOOKS_LIKE_URL.match(how) else []):
            yield (
                f"Het adres in howpublished van ‘{entry.key}’",
                found.strip(),
                (entry.field_location("howpublished")),
            )


@rule
def field_urls_safe(ctx: Context) -> Iterator[Diagnostic]:
    """Every URL in a field (a bundle's `url`; a work's `url`, `doi`, `howpublished`) follows
    the one URL policy (urls.py): https or http, nothing that can break out of a link."""
    for what, url, location in _field_urls(ctx):
        problem = url_problem(url)
        if problem:
            yield error(location, "url", f"{what} {problem}: ‘{url[:60]}’.", _url_hint(url))


def _chapter_of(a: BibEntry, b: BibEntry) -> bool:
    """One is a chapter of the other (an essay may carry its book's title)."""
    return normalise(a.fields.get("booktitle", "")) == normalise(b.fields.get("title", "")) or (
        normalise(b.fields.get("booktitle", "")) == normalise(a.fields.get("title", ""))
    )


@rule
def bib_same_work(ctx: Context) -> Iterator[Diagnostic]:
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
            yield warning(
                entry.location,
                "bibtex-zelfde-werk",
                f"‘{entry.key}’ lijkt hetzelfde werk als ‘{first.key}’ "
                f"({first.location.path}:{first.location.line}): zelfde titel en jaar.",
                f"Houd één sleutel over en vervang ‘{entry.key}’ overal door ‘{first.key}’; "
                "zijn het echt twee werken, maak dan het verschil zichtbaar in titel of jaar.",
            )


@rule
def bib_uncited(ctx: Context) -> Iterator[Diagnostic]:
    """Every work is cited somewhere, listed by a bundle chapter, or is a bundle itself;
    otherwise nobody reaches its page."""
    used = ctx.graph.used_keys
    for entry in ctx.corpus.bibliography.entries.values():
        if entry.key not in used:
            yield warning(
                entry.location,
                "bibtex-ongebruikt",
                f"‘{entry.key}’ wordt nergens geciteerd en staat op geen literatuurlijst van een hoofdstuk.",
                f"Citeer het met [@{entry.key}], zet het in de ‘literatuur’ van een hoofdstuk, of haal het weg.",
            )


def validate(corpus: Corpus, graph: Graph | None = None) -> list[Diagnostic]:
    """Run every rule; return all diagnostics (loading included), sorted by place."""
    ctx = Context(corpus, graph)
    found: list[Diagnostic] = list(corpus.diagnostics)
    for check in RULES:
        found.extend(check(ctx))
    return sort_diagnostics(found)


@dataclass(frozen=True)
class Summary:
    errors: int
    warnings: int


def summarise(diagnostics: Iterable[Diagnostic]) -> Summary:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.is_error)
    return Summary(errors=errors, warnings=len(items) - errors)
