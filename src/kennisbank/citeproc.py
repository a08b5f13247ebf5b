"""APA 7 in Dutch: references and in-text citations formatted by pandoc's citeproc.

Why pandoc: on this project's test entries it formats every entry type right, including
chapters in edited books (`In E. Jansen & V. de Waal (Red.), …`), `z.d.`, year suffixes and
APA's ordering of works inside one citation; citeproc-py crashes on the name-part formatting
the Dutch particle rule needs, and pybtex's APA styles put editors before the chapter title.
`pypandoc_binary` ships the pandoc binary, so `pip install` is all the set-up there is.

The style is the official APA 7 CSL style (Zotero style repository, CC BY-SA 3.0), vendored
unchanged in `styles/apa.csl`; two Dutch conventions are applied to it when it is loaded:

- particles are demoted in the reference list and its sorting: `Waal, V. de (2016).` under W;
- in running text the particle starts with a capital: `(De Waal, 2016)`, `De Waal (2016)`;
- page ranges take an en dash (CSL's nl-NL locale has a hyphen);
- a full date reads day before month: `(2014, 9 juli)`.

Everything the site needs is formatted in ONE pandoc run, so that year suffixes (2017a,
2017b) and name disambiguation are the same on every page.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .csl import CslItem, dash_ranges
from .markup import Citation

CSL_NS = "http://purl.org/net/xbiblio/csl"
STYLE = Path(__file__).parent / "styles" / "apa.csl"
LOCALE = "nl-NL"

_DIV_START = re.compile(r"^:{3,} \{#(?P<id>[^\s}]+)")
_DIV_END = re.compile(r"^:{3,}\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\(#ref-[^)\s]*\)")


class CiteprocError(Exception):
    """Pandoc is missing or failed; the message is Dutch and says what happened."""

    def __init__(self, message: str, suggestion: str = "Draai ‘make site’ opnieuw.") -> None:
        super().__init__(message)
        self.suggestion = suggestion


@dataclass(frozen=True, kw_only=True)
class Formatted:
    """Pandoc's output: Markdown per reference (by key) and per citation (in input order).

    Links in citations point at `#ref-<key>`; `link_citation` turns them into page links.
    """

    references: Mapping[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()  # keys in APA reference-list order
    citations: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)  # narrative form, e.g. De Waal (2017a)


@cache
def dutch_apa_style(*, initials: bool = True) -> bytes:
    """The vendored APA style with the Dutch conventions applied.

    `initials=False` switches off the (slow) check for first authors who share a surname.
    """
    ET.register_namespace("", CSL_NS)
    root = ET.parse(STYLE).getroot()
    if not initials:
        for citation in root.iter(f"{{{CSL_NS}}}citation"):
            citation.set("disambiguate-add-givenname", "false")
    root.set("demote-non-dropping-particle", "display-and-sort")
    # CSL's Dutch locale joins page ranges with a hyphen; APA 7 wants an en dash
    locale = ET.Element(f"{{{CSL_NS}}}locale", {"xml:lang": "nl"})
    terms = ET.SubElement(locale, f"{{{CSL_NS}}}terms")
    ET.SubElement(terms, f"{{{CSL_NS}}}term", {"name": "page-range-delimiter"}).text = "–"
    position = next(i for i, child in enumerate(root) if child.tag == f"{{{CSL_NS}}}locale")
    root.insert(position, locale)
    for macro in root.iter(f"{{{CSL_NS}}}macro"):
        if macro.get("name") == "date-issued-month-day":  # "9 juli", not "juli 9"
            for date in macro.iter(f"{{{CSL_NS}}}date"):
                parts = {part.get("name"): part for part in date}
                if set(parts) == {"month", "day"}:
                    date[:] = [parts["day"], parts["month"]]
                    parts["day"].attrib.pop("prefix", None)
                    parts["month"].set("prefix", " ")
        if macro.get("name") == "author-short":  # the names in in-text citations
            for name in macro.iter(f"{{{CSL_NS}}}name"):
                ET.SubElement(
                    name,
                    f"{{{CSL_NS}}}name-part",
                    {"name": "family", "text-case": "capitalize-first"},
                )
    style: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return style


# Seconds one pandoc run may take; 1,000 works take about 2 s (make bench).
PANDOC_TIMEOUT = 60


def pandoc_path() -> str:
    try:
        import pypandoc  # type: ignore[import-untyped]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise CiteprocError(
            "pandoc is niet gevonden, dus de literatuur kan niet worden opgemaakt. "
            "Installeer de projectafhankelijkheden opnieuw met ‘make site’ "
            "(pypandoc_binary levert pandoc mee)."
        ) from exc


def pandoc_citation(citation: Citation, rank: Mapping[str, int] | None = None) -> str:
    """A parsed citation written back in pandoc's syntax, page ranges with an en dash.

    `rank` orders the works as the reference list does (author, year, title). The style sorts
    the works in a citation by author and year only and keeps ties in the order given, so
    without it (De Waal, 2014b, 2014a) could come out instead of (De Waal, 2014a, 2014b).
    """
    items = citation.items
    if rank and not citation.narrative and not any(i.suppress_author for i in items):
        items = tuple(sorted(items, key=lambda i: rank.get(i.key, len(rank))))
    parts = []
    for item in items:
        text = ("-" if item.suppress_author else "") + "@" + item.key
        if item.prefix:
            text = f"{item.prefix} {text}"
        locator = dash_ranges(item.locator) if item.locator else None
        if citation.narrative:
            parts.append(text + (f" [{locator}]" if locator else ""))
        else:
            parts.append(text + (f", {locator}" if locator else ""))
    return parts[0] if citation.narrative else "[" + "; ".join(parts) + "]"


def format_all(items: Sequence[CslItem], citations: Sequence[Citation]) -> Formatted:
    """Format every reference and every citation, consistently across the whole site.

    pandoc's check for first authors who share a surname (APA 7: then give their initials,
    "(E. Jansen, 2017; J. Jansen, 2019)") costs time quadratic in the number of works: 8 s for
    1,000. So a first run leaves it out, and only the works whose citations it can change
    (every work whose first author's surname is shared by another person, and everything
    cited alongside them) are formatted again with it switched on.
    """
    surname = {str(item["id"]): _first_surname(item) for item in items}
    shared = _shared_surnames(items)
    if not shared:
        return format_once(items, citations, initials=False)
    for citation in citations:
        names = {surname.get(i.key) for i in citation.items}
        if names & shared:
            shared |= {n for n in names if n}
    again = {key for key, name in surname.items() if name in shared}
    numbers = [n for n, c in enumerate(citations) if any(i.key in again for i in c.items)]
    # a citation formatted again needs every work it cites in that run, including works
    # without a personal first author (an organisation has no surname to share)
    again |= {i.key for n in numbers for i in citations[n].items}
    # the two runs are independent pandoc processes: run them side by side
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(format_once, items, citations, initials=False)
        second = pool.submit(
            format_once,
            [item for item in items if str(item["id"]) in again],
            [citations[n] for n in numbers],
            initials=True,
        )
        fast, full = first.result(), second.result()
    redone = dict(zip(numbers, full.citations, strict=True))
    return Formatted(
        references={k: full.references.get(k, v) for k, v in fast.references.items()},
        order=fast.order,  # the sort does not depend on disambiguation
        citations=tuple(redone.get(n, text) for n, text in enumerate(fast.citations)),
        labels={k: full.labels.get(k, v) for k, v in fast.labels.items()},
    )


def _first_surname(item: CslItem) -> str | None:
    creators = item.get("author") or item.get("editor") or []
    if not creators:
        return None
    first = creators[0]
    name = first.get("literal") or " ".join(
        p for p in (first.get("non-dropping-particle"), first.get("family")) if p
    )
    return str(name).casefold() or None


def _shared_surnames(items: Sequence[CslItem]) -> set[str]:
    """Surnames of first authors that belong to more than one person (other initials)."""
    initials: dict[str, set[str]] = {}
    for item in items:
        name = _first_surname(item)
        creators = item.get("author") or item.get("editor") or []
        if name and creators:
            initials.setdefault(name, set()).add(str(creators[0].get("given", ""))[:1].upper())
    return {name for name, found in initials.items() if len(found) > 1}


def format_once(
    items: Sequence[CslItem], citations: Sequence[Citation], *, initials: bool
) -> Formatted:
    """One pandoc run: every reference, every citation, and a label per work."""
    if not items:
        return Formatted(citations=tuple("" for _ in citations))
    lines = ["---", f"lang: {LOCALE}", "link-citations: true", 'nocite: "[@*]"', "---", ""]
    by_title = sorted(items, key=lambda i: str(i.get("title", "")).casefold())
    rank = {str(item["id"]): n for n, item in enumerate(by_title)}
    # A label per work, in the same run so that suffixes agree, and before the citations:
    # pandoc hands out 2017a, 2017b in order of first citation where works tie in the sort.
    for number, item in enumerate(items):
        lines += [f"::: {{#l-{number}}}", f"@{item['id']}", ":::", ""]
    for number, citation in enumerate(citations):
        lines += [f"::: {{#c-{number}}}", pandoc_citation(citation, rank), ":::", ""]
    lines += ["::: {#refs}", ":::", ""]
    with tempfile.TemporaryDirectory(prefix="kennisbank-") as tmp:
        bibliography = Path(tmp) / "literatuur.json"
        bibliography.write_text(json.dumps(list(items), ensure_ascii=False), encoding="utf-8")
        style = Path(tmp) / "apa-nl.csl"
        style.write_bytes(dutch_apa_style(initials=initials))
        try:
            result = subprocess.run(
                [
                    pandoc_path(),
                    "--from=markdown",
                    "--to=markdown_strict+fenced_divs",
                    "--wrap=none",
                    "--citeproc",
                    f"--csl={style}",
                    f"--bibliography={bibliography}",
                ],
                input="\n".join(lines),
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=False,
                timeout=PANDOC_TIMEOUT,
            )
        except subprocess.TimeoutExpired as exc:
            raise CiteprocError(
                f"pandoc was na {PANDOC_TIMEOUT} seconden nog niet klaar met de literatuur "
                f"({len(items)} werken) en is gestopt.",
                "Meestal zit het in één BibTeX-item met een ongewoon lang of vreemd veld: kijk "
                "naar wat je het laatst hebt toegevoegd, of draai ‘make site’ opnieuw als de "
                "computer het druk had.",
            ) from exc
        except OSError as exc:
            raise CiteprocError(f"pandoc kon niet worden gestart: {exc}.") from exc
    if result.returncode != 0:
        raise CiteprocError(f"pandoc kon de literatuur niet opmaken: {result.stderr.strip()}")
    blocks = _divs(result.stdout)
    by_id = {str(item["id"]): item for item in items}
    references = {
        k[4:]: _particle_period(v, by_id.get(k[4:], {}))
        for k, v in blocks.items()
        if k.startswith("ref-")
    }
    return Formatted(
        references=references,
        order=tuple(references),
        citations=tuple(blocks.get(f"c-{n}", "") for n in range(len(citations))),
        labels={
            str(item["id"]): _LINK.sub(r"\1", blocks.get(f"l-{n}", ""))
            for n, item in enumerate(items)
        },
    )


def _particle_period(reference: str, item: CslItem) -> str:
    """`Waal, V. de (2016).`, as the seeds' lists print it, not `Waal, V. de. (2016).`

    The style ends the author list with a period, which an initial absorbs but a demoted
    particle does not; Dutch lists leave it out.
    """
    creators = item.get("author") or item.get("editor") or []
    particle = creators[-1].get("non-dropping-particle") if creators else None
    if not particle:
        return reference
    return reference.replace(f" {particle}. (", f" {particle} (", 1)


def _divs(output: str) -> dict[str, str]:
    """The contents of pandoc's fenced divs, by id (`c-3`, `ref-waal2016`), in output order."""
    found: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in output.splitlines():
        start = _DIV_START.match(line)
        if start:
            current, lines = start.group("id"), []
        elif _DIV_END.match(line):
            if current is not None and current != "refs":
                found[current] = "\n".join(lines).strip()
            current = None
        elif current is not None:
            lines.append(line)
    return found


def link_citation(text: str, target: Mapping[str, str]) -> str:
    """Point pandoc's `#ref-<key>` links at the works' pages."""
    return re.sub(
        r"\]\(#ref-([^)\s]+)\)",
        lambda m: f"]({target[m.group(1)]})" if m.group(1) in target else m.group(0),
        text,
    )
