"""BibTeX entries as CSL-JSON items, the input of the citation processor.

The mapping follows what Zotero and Better BibTeX export and what pandoc's own BibTeX reader
does, with three choices of our own that APA 7 in Dutch needs:

- particles stay particles (`de Waal, Vincent` → non-dropping particle "de"), so the style can
  print `Waal, V. de` in the list and `De Waal` in running text;
- the publisher is left out when it is the (corporate) author, as APA 7 asks;
- a thesis, oration or report gets a Dutch genre label (`[Proefschrift]`).

LaTeX in field values (accents, `\\&`, `--`) is decoded with pybtex's own LaTeX reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any

from pybtex.backends.plaintext import Backend as PlainText
from pybtex.database import Person
from pybtex.richtext import Text

from .bibliography import BibEntry
from .urls import is_safe

CslItem = dict[str, Any]

# BibTeX/BibLaTeX entry type → CSL type. Unknown types become "document".
TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "proceedings": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "webpage": "webpage",
    "unpublished": "manuscript",
    "speech": "speech",
    "lecture": "speech",
    "legislation": "legislation",
    "law": "legislation",
    "legal": "legislation",
    "misc": "document",
}

THESIS_GENRES = {"phdthesis": "Proefschrift", "mastersthesis": "Masterscriptie"}

# Words in `type`/`howpublished` that make a @misc an oration or lecture.
_SPEECH = re.compile(r"oratie|rede\b|openbare les|lezing|inaugural|lecture", re.IGNORECASE)
_FORTHCOMING = re.compile(r"^(forthcoming|in press|in druk|ter perse|te verschijnen)$", re.I)
_UNDATED = re.compile(r"^(z\.\s?d\.|n\.\s?d\.|s\.\s?d\.)$", re.I)
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
DOI_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.I)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "januari"),
            ("feb", "february", "februari"),
            ("mar", "march", "maart", "mrt"),
            ("apr", "april"),
            ("may", "mei"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august", "augustus"),
            ("sep", "september", "sept"),
            ("oct", "october", "oktober", "okt"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


_PLAIN_TEXT = PlainText()  # `render_as("text")` would look the backend up on every call


# What pybtex's LaTeX reader changes; text without any of it is already plain (its reader
# costs about 1 ms a value, the most of a check once the cache holds the rest).
PLAIN_MAX_CHARS = 20_000  # longer values are over the field bound anyway (literature.py)
_LATEX = re.compile(r"[\\{}$~`'%&#^_]|--")


@cache
def plain(latex: str) -> str:
    """A BibTeX field value as plain Unicode text: accents decoded, braces and commands gone."""
    if not _LATEX.search(latex):
        return " ".join(latex.split())
    if len(latex) > PLAIN_MAX_CHARS:  # the reader takes ~50 µs a character: 20 s for 400 KB
        return " ".join(_COMMAND.sub("", latex.replace("{", "").replace("}", "")).split())
    latex = latex.replace("{\\i}", "\\i ")  # \"{\i}: pybtex reads only the \"\i form
    try:
        text = str(Text.from_latex(latex).render(_PLAIN_TEXT))
    except Exception:  # pybtex's LaTeX reader gives up on unbalanced input; keep the raw text
        text = latex.replace("{", "").replace("}", "")
    text = _COMMAND.sub("", text)  # formatting commands it does not know, such as \textit
    return " ".join(text.split())


def normalise(text: str) -> str:
    """A title or name reduced for comparison: no case, accents, punctuation or spacing."""
    folded = unicodedata.normalize("NFKD", plain(text).casefold())
    return "".join(c for c in folded if c.isalnum())


def csl_name(person: Person) -> dict[str, str] | None:
    """One author or editor; `None` for BibTeX's `and others`."""
    last = " ".join(person.last_names)
    if last.strip("{}").lower() == "others" and not person.first_names:
        return None
    if (
        not person.first_names
        and not person.middle_names
        and not person.prelast_names
        and last.startswith("{")
        and last.endswith("}")
    ):
        return {"literal": plain(last)}  # {Braced Corporate Author}
    name = {"family": plain(last)}
    given = " ".join(person.first_names + person.middle_names)
    if given:
        name["given"] = plain(given)
    if person.prelast_names:
        name["non-dropping-particle"] = plain(" ".join(person.prelast_names))
    if person.lineage_names:
        name["suffix"] = plain(" ".join(person.lineage_names))
    return name


def names(entry: BibEntry, role: str) -> list[dict[str, str]]:
    return [n for p in entry.persons(role) if (n := csl_name(p)) is not None]


def _date(fields: Mapping[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """`issued` as CSL date parts, or a status such as "in druk"."""
    raw = fields.get("date") or fields.get("year") or ""
    raw = plain(raw)
    if not raw or _UNDATED.match(raw):
        return None, None
    if _FORTHCOMING.match(raw) or _FORTHCOMING.match(fields.get("pubstate", "")):
        return None, "in druk"
    match = _DATE.match(raw)
    if not match:
        year = re.search(r"\d{4}", raw)
        return ({"date-parts": [[int(year.group())]]} if year else {"literal": raw}), None
    parts = [int(match.group(1))]
    month = match.group(2) or _month(fields.get("month", ""))
    if month:
        parts.append(int(month))
        if match.group(3):
            parts.append(int(match.group(3)))
        elif fields.get("day", "").isdigit():
            parts.append(int(fields["day"]))
    return {"date-parts": [parts]}, None


def _month(value: str) -> int | None:
    value = plain(value).strip().rstrip(".").lower()
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return MONTHS.get(value)


def _accessed(value: str) -> dict[str, Any] | None:
    match = _DATE.match(plain(value)[:10])
    if not match:
        return None
    return {"date-parts": [[int(g) for g in match.groups() if g]]}


_DIGIT_RANGE = re.compile(r"(?<=\d)\s*-{1,2}\s*(?=\d)")


def dash_ranges(text: str) -> str:
    """Number ranges with an en dash, as APA prints them: 12-14 and 12--14 become 12–14."""
    return _DIGIT_RANGE.sub("–", text)


def _pages(value: str) -> str:
    # BibTeX writes ranges as 12--34; APA prints an en dash
    return re.sub(r"\s*(--?|–|—)\s*", "–", plain(value.replace("--", "-")))


def csl_type(entry: BibEntry) -> str:
    fields = entry.fields
    kind = entry.entry.type.lower()
    if kind == "misc" and _SPEECH.search(fields.get("type", "") + fields.get("howpublished", "")):
        return "speech"
    if kind in ("misc", "online") and fields.get("url") and not fields.get("publisher"):
        return "webpage" if kind == "online" or not fields.get("institution") else "report"
    if kind == "inbook" and not fields.get("booktitle"):
        return "book"
    return TYPES.get(kind, "document")


def csl_item(entry: BibEntry) -> CslItem:
    """The CSL-JSON item for one BibTeX entry."""
    fields = entry.fields
    kind = entry.entry.type.lower()
    item: CslItem = {"id": entry.key, "type": csl_type(entry)}

    title = plain(fields.get("title", ""))
    if fields.get("subtitle"):
        title += ": " + plain(fields["subtitle"])
    if title:
        item["title"] = title

    for role in ("author", "editor", "translator"):
        found = names(entry, role)
        if found:
            item[role] = found
    if "author" not in item and kind in ("techreport", "report", "online", "misc", "manual"):
        # a report or web page by an organisation: the organisation is the author
        organisation = fields.get("institution") or fields.get("organization")
        if organisation:
            item["author"] = [{"literal": plain(organisation)}]

    container = fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle")
    if container:
        item["container-title"] = plain(container)
    if item["type"] == "webpage" and not container and fields.get("organization"):
        item["container-title"] = plain(fields["organization"])

    publisher = (
        fields.get("publisher")
        or fields.get("institution")
        or fields.get("school")
        or fields.get("organization")
        or (fields.get("howpublished") if item["type"] == "speech" else None)
    )
    if (
        publisher
        and not _is_author(plain(publisher), item.get("author", []))
        and plain(publisher) != item.get("container-title")  # a web page names its site once
    ):
        item["publisher"] = plain(publisher)
    place = fields.get("address") or fields.get("location")
    if place:
        item["publisher-place"] = plain(place)
        if item["type"] == "speech":
            item["event-place"] = plain(place)

    issued, status = _date(fields)
    if issued:
        item["issued"] = issued
    if status:
        item["status"] = status
    if fields.get("urldate"):
        accessed = _accessed(fields["urldate"])
        if accessed:
            item["accessed"] = accessed

    genre = THESIS_GENRES.get(kind) or (plain(fields["type"]) if fields.get("type") else None)
    if genre and item["type"] in ("thesis", "report", "speech", "document"):
        item["genre"] = genre

    for bib_field, csl_field in (
        ("volume", "volume"),
        ("edition", "edition"),
        ("chapter", "chapter-number"),
        ("isbn", "ISBN"),
        ("issn", "ISSN"),
    ):
        if fields.get(bib_field):
            item[csl_field] = plain(fields[bib_field])
    if fields.get("number"):
        item["issue" if item["type"] == "article-journal" else "number"] = plain(fields["number"])
    if fields.get("pages"):
        item["page"] = _pages(fields["pages"])
    # Only what the URL policy allows reaches the page (the field_urls_safe check says why).
    doi = DOI_PREFIX.sub("", plain(fields.get("doi", "")))
    if doi and is_safe("https://doi.org/" + doi):
        item["DOI"] = doi
    url = fields.get("url", "").strip()
    if url and is_safe(url):
        item["URL"] = url
    language = fields.get("langid") or fields.get("language")
    if language:
        item["language"] = {"dutch": "nl-NL", "english": "en-US", "german": "de-DE"}.get(
            language.lower(), language
        )
    return item


def _is_author(publisher: str, authors: list[dict[str, str]]) -> bool:
    wanted = normalise(publisher)
    return any(normalise(a.get("literal", "")) == wanted for a in authors)
