"""Rules over references: relations, [[links]], citations, sources, bundle keys, reeksen."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator

from ..diagnostic import Location
from ..label import article_before, at_sentence_start, leading_article
from ..links import ReeksKey, reeks_key
from ..markup import WikiLink
from ..model import Entity, Principe
from ..schema import ID_PATTERN
from ..starter import PLACEHOLDER_ID
from .registry import FOUT, WAARSCHUWING, Context, Found, did_you_mean, found, rule


@rule(code="relatie", severity=FOUT)
def relations_resolve(ctx: Context) -> Iterator[Found]:
    """Every relation (principes, casussen, begrippen, kwesties, verwant) names an existing entity
    of the right type."""
    by_id = ctx.corpus.by_id
    for entity in ctx.corpus.entities:
        for ref in entity.refs:
            target, target_kind = ref.target, entity.relations[ref.key]
            existing = by_id.get(target)
            if existing is None and target in ctx.corpus.unreadable:
                continue  # the file exists; its own error says why it cannot be read
            if existing is None:
                yield found(
                    ref.location,
                    f"‘{target}’ in ‘{ref.key}’ bestaat niet.",
                    _missing_hint(ctx, target, target_kind),
                )
            elif target_kind and existing.kind != target_kind:
                right_key = _key_for(entity, existing.kind)
                yield found(
                    ref.location,
                    f"‘{target}’ in ‘{ref.key}’ is een {existing.kind}, geen {target_kind}.",
                    f"Zet ‘{target}’ onder ‘{right_key}’."
                    if right_key
                    else "Verwijder de verwijzing of gebruik ‘verwant’.",
                )


@rule(code="relatie", severity=WAARSCHUWING)
def relation_to_self(ctx: Context) -> Iterator[Found]:
    """A relation does not point at the page itself."""
    for entity in ctx.corpus.entities:
        for ref in entity.refs:
            kind = entity.relations[ref.key]
            if ref.target == entity.id and (kind is None or kind == entity.kind):
                yield found(
                    ref.location,
                    f"‘{ref.key}’ verwijst naar de pagina zelf.",
                    "Verwijder deze verwijzing.",
                )


def _renamed_candidate(ctx: Context, target: str, kind: str | None) -> Entity | None:
    """The page `target` was probably renamed to: the closest id of the right type."""
    match = difflib.get_close_matches(target, ctx.ids_of(kind), n=1, cutoff=0.6)
    return ctx.corpus.by_id[match[0]] if match else None


def _missing_hint(ctx: Context, target: str, kind: str | None) -> str:
    """What to do about a reference to an id that no page has: renamed, deleted or new."""
    renamed = ctx.renamed_hint(target)
    if renamed:
        return renamed
    if not re.fullmatch(ID_PATTERN, target):  # not an id at all: no page had it
        return did_you_mean(target, ctx.ids_of(kind)) or "Schrijf de id van een bestaande pagina."
    candidate = _renamed_candidate(ctx, target, kind)
    if candidate is not None:
        return (
            f"Bedoelde je ‘{candidate.id}’? Is ‘{target}’ hernoemd, schrijf dan ‘{candidate.id}’ "
            f"en zet ‘vorige_ids: [{target}]’ in {candidate.path}, zodat het oude adres blijft "
            "werken."
        )
    new = f'kennisbank new {kind} "Titel" --id {target}' if kind else "kennisbank new <soort> …"
    return (
        f"Is de pagina ‘{target}’ verwijderd, haal dan deze verwijzing weg; is ze hernoemd, "
        "schrijf dan de nieuwe id (en zet de oude in ‘vorige_ids’ van de nieuwe pagina); is ze "
        f"nieuw, maak haar aan met: {new}"
    )


def _missing_targets(ctx: Context) -> dict[str, list[Location]]:
    """Every id referenced (relations and [[links]]) that no page has, with where it is used."""
    found: dict[str, list[Location]] = defaultdict(list)
    known = set(ctx.corpus.by_id) | set(ctx.corpus.unreadable) | set(ctx.renamed)
    for entity in ctx.corpus.entities:
        for ref in entity.refs:
            if ref.target not in known:
                found[ref.target].append(ref.location)
    for body in ctx.graph.bodies.values():
        for link in body.links:
            if link.target not in known:
                found[link.target].append(link.span.location)
    return found


@rule(code="hernoemd", severity=WAARSCHUWING)
def renamed_without_previous_ids(ctx: Context) -> Iterator[Found]:
    """A page that seems renamed while other files still use its old id: one finding at the
    new file that names `vorige_ids`, shown first by `kennisbank check` (the errors in the
    files that still use the old id follow)."""
    for target, places in sorted(_missing_targets(ctx).items()):
        if not re.fullmatch(ID_PATTERN, target):
            continue
        candidate = _renamed_candidate(ctx, target, None)
        files = len({p.path for p in places})
        if candidate is None or {p.path for p in places} == {candidate.path}:
            continue
        yield found(
            Location(path=candidate.path),
            f"Is ‘{target}’ hernoemd naar ‘{candidate.id}’? {len(places)} verwijzing(en) in "
            f"{files} bestand(en) gebruiken nog ‘{target}’, en {candidate.path} heeft geen "
            f"‘vorige_ids: [{target}]’.",
            f"Zet ‘vorige_ids: [{target}]’ in {candidate.path} (dan blijft het oude adres "
            f"werken) en vervang ‘{target}’ door ‘{candidate.id}’ in de bestanden hieronder; "
            "bedoel je een andere pagina, negeer dit dan.",
        )


def _key_for(entity: Entity, kind: str) -> str | None:
    return next((k for k, v in entity.relations.items() if v == kind), None)


@rule(code="link", severity=FOUT)
def links_resolve(ctx: Context) -> Iterator[Found]:
    """Every `[[id]]` link in a body names an existing entity."""
    for body in ctx.graph.bodies.values():
        for link in body.links:
            if link.target not in ctx.corpus.by_id and link.target not in ctx.corpus.unreadable:
                yield found(
                    link.span.location,
                    f"De link [[{link.target}]] wijst naar een pagina die niet bestaat.",
                    _missing_hint(ctx, link.target, None),
                )


def _links_in_running_text(ctx: Context) -> Iterator[tuple[WikiLink, Entity, str]]:
    """Every [[link]] to an existing page, with the body text before it."""
    for entity_id, body in ctx.graph.bodies.items():
        text = ctx.corpus.by_id[entity_id].body
        for link in body.links:
            target = ctx.corpus.by_id.get(link.target)
            if target is not None:
                yield link, target, text[: link.span.start]


@rule(code="link-lidwoord", severity=WAARSCHUWING)
def link_article_once(ctx: Context) -> Iterator[Found]:
    """A link's own label does not repeat the article before it ("het [[x|Het …]]")."""
    for link, _, before in _links_in_running_text(ctx):
        article = article_before(before)
        if link.label and article and leading_article(link.label):
            yield found(
                link.span.location,
                f"Het lidwoord staat twee keer: ‘{article} {link.label}’.",
                "Laat het lidwoord weg uit de linktekst of uit de zin ervoor.",
            )


@rule(code="link-kort", severity=WAARSCHUWING)
def link_no_whole_title(ctx: Context) -> Iterator[Found]:
    """A link without a label does not put a whole question, or a title with a colon,
    mid-sentence: its target needs a `kort`, or the link its own label."""
    for link, target, before in _links_in_running_text(ctx):
        if (
            not link.label
            and not target.kort
            and any(c in target.title for c in "?:")
            and not at_sentence_start(before)
        ):
            yield found(
                link.span.location,
                f"[[{target.id}]] zet de hele titel ‘{target.title}’ midden in de zin.",
                f"Geef {target.path} een korte naam (‘kort: …’), of schrijf "
                f"[[{target.id}|…]] met een eigen linktekst.",
            )


@rule(code="citaat", severity=FOUT)
def citations_resolve(ctx: Context) -> Iterator[Found]:
    """Every `[@key]` and `@key` citation names a work in bibliography/*.bib."""
    keys = ctx.corpus.bibliography.entries
    for body in ctx.graph.bodies.values():
        for citation in body.citations:
            for item in citation.items:
                if item.key not in keys:
                    yield found(
                        citation.span.location,
                        f"De bron ‘@{item.key}’ staat niet in de literatuur (bibliography/*.bib).",
                        did_you_mean(item.key, keys)
                        or "Voeg het werk toe aan een .bib-bestand, of schrijf een @ in gewone tekst als \\@.",
                    )


@rule(code="bron", severity=FOUT)
def sources_resolve(ctx: Context) -> Iterator[Found]:
    """Every source locator names an existing bundle, and a chapter of that bundle."""
    bundels = ctx.corpus.bundels
    for entity in ctx.corpus.entities:
        for bron in entity.bronnen:
            bundel = bundels.get(bron.bundel)
            if bron.bundel == PLACEHOLDER_ID:
                continue  # reported by the placeholders rule
            if bundel is None:
                yield found(
                    bron.location,
                    f"De bundel ‘{bron.bundel}’ bestaat niet.",
                    did_you_mean(bron.bundel, bundels) or "Zie de map bundels/ voor de ids.",
                )
            elif bron.hoofdstuk and bundel.hoofdstuk(bron.hoofdstuk) is None:
                chapters = [h.id for h in bundel.hoofdstukken]
                yield found(
                    bron.location,
                    f"De bundel ‘{bundel.id}’ heeft geen hoofdstuk ‘{bron.hoofdstuk}’.",
                    did_you_mean(bron.hoofdstuk, chapters)
                    or f"Hoofdstukken: {', '.join(chapters) or 'geen'}.",
                )


@rule(code="bundel-bib", severity=FOUT)
def bundle_keys_resolve(ctx: Context) -> Iterator[Found]:
    """A bundle's `bib` key, its chapters' `bib` keys and their `literatuur` keys are in the
    bibliography."""
    keys = ctx.corpus.bibliography.entries
    for bundel in ctx.corpus.bundels.values():
        for ref in bundel.bib_refs:
            if ref.target not in keys and ref.target != PLACEHOLDER_ID:
                yield found(
                    ref.location,
                    f"De BibTeX-sleutel ‘{ref.target}’ staat niet in bibliography/*.bib.",
                    did_you_mean(ref.target, keys) or "Voeg het werk toe aan een .bib-bestand.",
                )


@rule(code="hoofdstuk-uniek", severity=FOUT)
def chapters_unique(ctx: Context) -> Iterator[Found]:
    """Chapter ids are unique within their bundle (source locators point at them)."""
    for bundel in ctx.corpus.bundels.values():
        seen: set[str] = set()
        for chapter in bundel.hoofdstukken:
            if chapter.id in seen:
                yield found(
                    chapter.location,
                    f"Het hoofdstuk-id ‘{chapter.id}’ komt twee keer voor in deze bundel.",
                    "Geef elk hoofdstuk een eigen id.",
                )
            seen.add(chapter.id)


@rule(code="reeks", severity=WAARSCHUWING)
def reeks_members_numbered(ctx: Context) -> Iterator[Found]:
    """A member of a reeks has a `nummer` (its place), and a `nummer` belongs to a reeks."""
    for entity in ctx.corpus.entities:
        if not isinstance(entity, Principe):
            continue
        if entity.reeks and entity.nummer is None:
            yield found(
                entity.location("reeks"),
                f"‘{entity.id}’ hoort bij de reeks ‘{entity.reeks}’ maar heeft geen nummer.",
                "Voeg ‘nummer: …’ toe om de volgorde vast te leggen.",
            )
        elif not entity.reeks and entity.nummer is not None:
            yield found(
                entity.location("nummer"),
                "Er staat een ‘nummer’ maar geen ‘reeks’.",
                "Voeg ‘reeks: …’ toe of laat het nummer weg.",
            )


@rule(code="reeks", severity=FOUT)
def reeks_numbers_unique(ctx: Context) -> Iterator[Found]:
    """No two members of one reeks (its name within its bundle) share a `nummer`."""
    seen: dict[tuple[ReeksKey, int], Principe] = {}
    for entity in ctx.corpus.entities:
        key = reeks_key(entity) if isinstance(entity, Principe) else None
        if key is None or not isinstance(entity, Principe) or entity.nummer is None:
            continue
        first = seen.setdefault((key, entity.nummer), entity)
        if first is not entity:
            yield found(
                entity.location("nummer"),
                f"Nummer {entity.nummer} in de reeks ‘{entity.reeks}’ is al gebruikt door "
                f"‘{first.id}’.",
                "Nummer de leden van de reeks 1, 2, 3, …",
            )
