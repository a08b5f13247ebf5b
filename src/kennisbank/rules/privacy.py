"""Privacy: fields of a reference manager's export that the site never publishes."""

from __future__ import annotations

from collections.abc import Iterator

from ..privacy import private_fields
from .registry import WAARSCHUWING, Context, Found, found, rule


@rule(code="prive-veld", severity=WAARSCHUWING)
def private_bibtex_fields(ctx: Context) -> Iterator[Found]:
    """BibTeX fields with local paths or personal data (`file`, `localfile`, `owner`,
    `timestamp`, `annote`, Mendeley's and BibDesk's own fields, any path on a computer) are left
    out of the site; the warning names them, so they can also leave the repository."""
    for entry in ctx.corpus.bibliography.entries.values():
        names = private_fields(entry.fields)
        if not names:
            continue
        listed = ", ".join(f"‘{name}’" for name in names)
        yield found(
            entry.field_location(names[0]),
            f"‘{entry.key}’ heeft {'het veld' if len(names) == 1 else 'de velden'} {listed} met "
            "een pad op je eigen computer of persoonlijke gegevens; de site publiceert "
            f"{'het' if len(names) == 1 else 'ze'} niet, maar in git staat het wel.",
            f"Haal {listed} weg uit het .bib-bestand (Zotero: exporteer zonder ‘Bestanden "
            "exporteren’; Better BibTeX: zet ze bij ‘Velden weglaten’).",
        )
