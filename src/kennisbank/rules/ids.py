"""Rules over ids: their form, their uniqueness, and the old ids that redirect."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slugify import slugify

from ..ids import claims, is_reserved
from ..model import Document
from ..schema import ID_PATTERN
from .registry import FOUT, Context, Found, found, rule


@rule(code="id-vorm", severity=FOUT)
def id_format(ctx: Context) -> Iterator[Found]:
    """The id (the file name) is lowercase ASCII letters, digits and single hyphens."""
    for document in ctx.corpus.documents:
        if not re.fullmatch(ID_PATTERN, document.id):
            yield found(
                document.location(),
                f"De bestandsnaam ‘{document.id}.md’ is geen geldige id: gebruik kleine letters, "
                "cijfers en koppeltekens.",
                f"Hernoem het bestand naar ‘{slugify(document.id) or 'naam'}.md’.",
            )


@rule(code="id-uniek", severity=FOUT)
def id_unique(ctx: Context) -> Iterator[Found]:
    """Ids are unique across all types, ignoring case, and none is a reserved page name."""
    seen: dict[str, Document] = {}
    for document in ctx.corpus.documents:
        folded = document.id.casefold()
        if is_reserved(folded):
            yield found(
                document.location(),
                f"‘{document.id}’ is een gereserveerde naam voor een overzichtspagina.",
                "Kies een andere bestandsnaam.",
            )
            continue
        if folded in seen:
            other = seen[folded]
            yield found(
                document.location(),
                f"De id ‘{document.id}’ bestaat al: {other.path}. Ids moeten uniek zijn over alle "
                "soorten heen (hoofdletters tellen niet).",
                "Geef een van de twee bestanden een andere naam.",
            )
        else:
            seen[folded] = document


@rule(code="vorige-ids", severity=FOUT)
def previous_ids(ctx: Context) -> Iterator[Found]:
    """An old id in `vorige_ids` is not the id of a live page, not claimed twice and not a
    reserved name: its old address must send readers to exactly one page."""
    for claim in claims(ctx.corpus):
        other = claim.other
        if claim.conflict == "pagina" and other is not None:
            yield found(
                claim.location,
                f"‘{claim.old_id}’ staat in ‘vorige_ids’, maar is de id van een bestaande pagina "
                f"({other.path}).",
                "Haal de oude id weg, of hernoem of verwijder eerst die andere pagina."
                if other is not claim.entity
                else "Een pagina kan haar eigen id niet als vorige id hebben; haal hem weg.",
            )
        elif claim.conflict == "gereserveerd":
            yield found(
                claim.location,
                f"‘{claim.old_id}’ is een gereserveerde naam voor een overzichtspagina.",
                "Haal deze oude id weg.",
            )
        elif claim.conflict == "al-opgeeist" and other is not None:
            yield found(
                claim.location,
                f"De oude id ‘{claim.old_id}’ wordt al opgeëist door {other.path}; één oud "
                "adres kan maar naar één pagina doorsturen.",
                "Laat de oude id op één plek staan.",
            )
