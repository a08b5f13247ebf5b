"""Rules over glossary linking: a word form belongs to one begrip."""

from __future__ import annotations

from collections.abc import Iterator

from ..glossary import Glossary, phrase_forms
from ..model import Begrip
from .registry import WAARSCHUWING, Context, Found, found, rule


@rule(code="begrip-dubbel", severity=WAARSCHUWING)
def shared_word_form(ctx: Context) -> Iterator[Found]:
    """One word form (a term, a synonym, or a plural, diminutive or adjective form of one)
    belongs to two begrippen: the first mention on a page can link to only one of them."""
    begrippen = [e for e in ctx.corpus.entities if isinstance(e, Begrip)]
    glossary = Glossary(begrippen)
    for (first_id, second_id), forms in glossary.collisions().items():
        first, second = glossary.by_id[first_id], glossary.by_id[second_id]
        shared = set(forms)
        written = [
            (("term",), second.term),
            *((("synoniemen", i), s) for i, s in enumerate(second.synoniemen)),
        ]
        keypath, phrase = next(((k, p) for k, p in written if phrase_forms(p) & shared), written[0])
        exact = [f for f in forms if f == " ".join(phrase.casefold().split())]
        form = (exact or sorted(forms, key=lambda f: (len(f), f)))[0]
        winner = glossary.index[form]
        other = second if winner is first else first
        yield found(
            second.location(*keypath),
            f"De woordvorm ‘{form}’ hoort bij twee begrippen: ‘{first.term}’ ({first.path}) en "
            f"‘{second.term}’ ({second.path}). Op de pagina’s linkt de kennisbank haar naar "
            f"‘{winner.term}’.",
            f"Maak de term of het synoniem bij een van beide specifieker, of haal het weg; waar "
            f"‘{other.term}’ bedoeld is, schrijf je [[{other.id}|{form}]].",
        )
