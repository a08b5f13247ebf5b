"""Pasted text and misplaced files: what Word and web editors bring in without a word.

Invisible characters, curly quotes that were meant as YAML quotes, `•` bullets, a `#` that
cuts a value, HTML in a front-matter field, headings that skip a level, and files the loader
never reads (`.MD`, `.md.txt`, a file in a subfolder). The YAML-breaking cases (a
non-breaking space as indentation, a leftover `{{ titel }}`) are caught while reading the
header (pasted.py, frontmatter.py), on the right line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..diagnostic import Location
from ..frontmatter import read_text
from ..model import CONTENT_FOLDERS, Document, FieldPath
from ..pasted import BULLETS, CURLY_PAIRS, INVISIBLE
from .registry import FOUT, WAARSCHUWING, Context, Found, field_name, found, rule


def _raw_lines(ctx: Context, document: Document) -> list[str]:
    """The file as the lector wrote it (line ends normalised), read once per check."""
    cache: dict[str, list[str]] = ctx.__dict__.setdefault("_raw_lines", {})
    if document.path not in cache:
        text, _ = read_text(ctx.corpus.root / document.path, document.path)
        cache[document.path] = (text or "").split("\n")
    return cache[document.path]


def _strings(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value of the front matter with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


# --- invisible characters ------------------------------------------------------------------

_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


@rule(code="onzichtbaar-teken", severity=WAARSCHUWING)
def invisible_characters(ctx: Context) -> Iterator[Found]:
    """No soft hyphens or zero-width characters (pasted from Word or a PDF) in the text: a
    reader cannot see them, but they split words in the search index."""
    ref_lines = {
        (e.path, ref.location.line) for e in ctx.corpus.entities for ref in (*e.refs, *e.vorige)
    }
    for document in ctx.corpus.documents:
        lines = _raw_lines(ctx, document)
        if not any(_INVISIBLE.search(line) for line in lines):
            continue
        for number, line in enumerate(lines, start=1):
            if (document.path, number) in ref_lines:
                continue  # an id in a list: the error below says it better
            hit = _INVISIBLE.search(line)
            if hit is None:
                continue
            col = hit.start()
            names = sorted({INVISIBLE[ch] for ch in line if ch in INVISIBLE})
            yield found(
                Location(path=document.path, line=number, col=col + 1),
                f"Deze regel bevat een onzichtbaar teken ({', '.join(names)}), meestal uit Word "
                "of een pdf geplakt; in de zoekfunctie breekt het woorden in tweeën.",
                "Verwijder het teken: typ het woord opnieuw, of zoek in VS Code met ‘.*’ aan "
                "naar [\\u00ad\\u200b-\\u200d\\u2060\\ufeff] en vervang door niets.",
            )


@rule(code="onzichtbaar-teken", severity=FOUT)
def invisible_in_ids(ctx: Context) -> Iterator[Found]:
    """No invisible character in an id: neither in a file name nor in a list of ids (a soft
    hyphen makes `eigen-kracht` a different id that looks the same)."""
    for entity in ctx.corpus.entities:
        if any(ch in INVISIBLE for ch in entity.id):
            clean = "".join(ch for ch in entity.id if ch not in INVISIBLE)
            yield found(
                entity.document.location(),
                f"De bestandsnaam ‘{clean}.md’ bevat een onzichtbaar teken ({_names(entity.id)}).",
                f"Hernoem het bestand: typ de naam opnieuw als ‘{clean}.md’.",
            )
        for ref in (*entity.refs, *entity.vorige):
            if any(ch in INVISIBLE for ch in ref.target):
                clean = "".join(ch for ch in ref.target if ch not in INVISIBLE)
                yield found(
                    ref.location,
                    f"De id ‘{clean}’ in ‘{ref.key}’ bevat een onzichtbaar teken "
                    f"({_names(ref.target)}), dus het is een andere id dan hij lijkt.",
                    f"Typ de id opnieuw: ‘{clean}’.",
                )


def _names(text: str) -> str:
    return ", ".join(sorted({INVISIBLE[ch] for ch in text if ch in INVISIBLE}))


# --- curly quotes, `#`, HTML in the front matter -------------------------------------------


@rule(code="aanhalingstekens", severity=WAARSCHUWING)
def curly_quoted_values(ctx: Context) -> Iterator[Found]:
    """A value wholly between curly quotes (“…”, ‘…’) was meant to be quoted: YAML only knows
    straight quotes, so the curly ones end up on the page."""
    for document in ctx.corpus.documents:
        for path, value in _strings(document.data):
            text = value.strip()
            if len(text) < 2 or text[0] not in CURLY_PAIRS or text[-1] != CURLY_PAIRS[text[0]]:
                continue
            inner = text[1:-1]
            if text[0] in inner or CURLY_PAIRS[text[0]] in inner:
                continue  # quotes inside: a quotation, not a wrapper
            straight = '"' if text[0] in "“„" else "'"
            yield found(
                document.location(*path),
                f"‘{field_name(path)}’ staat tussen krul-aanhalingstekens ({text[0]}…{text[-1]}); "
                "YAML ziet die als tekst, dus ze komen op de pagina.",
                f"Gebruik rechte aanhalingstekens ({straight}…{straight}), of laat ze weg.",
            )


_COMMENT_CUT = re.compile(r"\s#(?=\S)")


@rule(code="hekje", severity=FOUT)
def hash_cuts_value(ctx: Context) -> Iterator[Found]:
    """A `#` after a space starts a YAML comment: `titel: Wijkteam #1` becomes ‘Wijkteam’
    and the rest is lost without a word."""
    for document in ctx.corpus.documents:
        lines = _raw_lines(ctx, document)
        for path, location in document.locations.items():
            if not path or path[0] == "#key":
                continue
            value = _value_at(document.data, path)
            if not isinstance(value, str) or location.line > len(lines):
                continue
            line = lines[location.line - 1]
            start = location.col - 1
            if line[start : start + 1] in ('"', "'", "|", ">"):
                continue  # quoted or a block: a # in it is text
            cut = _COMMENT_CUT.search(line, start)
            if cut is None or line[start : cut.start()].strip() != value.strip():
                continue
            meant = line[start:].rstrip().rstrip(",]}").rstrip()
            yield found(
                Location(path=document.path, line=location.line, col=cut.start() + 2),
                f"Alles na ‘#’ valt weg (YAML leest het als uitleg): ‘{field_name(path)}’ wordt "
                f"‘{value.strip()}’ in plaats van ‘{meant}’.",
                f'Zet de tekst tussen aanhalingstekens: {path[-1]}: "{meant}"'
                if isinstance(path[-1], str)
                else f'Zet de tekst tussen aanhalingstekens: "{meant}"',
            )


def _value_at(data: object, path: Sequence[str | int]) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)


@rule(code="html", severity=FOUT)
def no_html_in_fields(ctx: Context) -> Iterator[Found]:
    """No HTML in any front-matter field either: it would be shown as literal text (titles,
    summaries) and could carry scripts elsewhere."""
    for document in ctx.corpus.documents:
        for path, value in _strings(document.data):
            tag = _TAG.search(value)
            if tag and path[-1:] != ("url",):  # a url has its own policy (rule `url`)
                yield found(
                    document.location(*path),
                    f"HTML is niet toegestaan in ‘{field_name(path)}’: ‘{tag.group(0)[:40]}’.",
                    "Schrijf gewone tekst (een veld kent geen opmaak); bedoel je een < als "
                    "teken, zet er dan een spatie achter.",
                )


# --- the body: bullets and headings --------------------------------------------------------


@rule(code="opsomming", severity=WAARSCHUWING)
def pasted_bullets(ctx: Context) -> Iterator[Found]:
    """Lines that start with `•` (Word's bullets) are one paragraph in Markdown, not a list."""
    for entity in ctx.corpus.entities:
        lines = entity.body.split("\n")
        number = 0
        while number < len(lines):
            stripped = lines[number].lstrip()
            if stripped[:1] and stripped[0] in BULLETS:
                first, char = number, stripped[0]
                while number < len(lines) and lines[number].lstrip()[:1] == char:
                    number += 1
                count = number - first
                yield found(
                    Location(
                        path=entity.path,
                        line=entity.document.body_line + first,
                        col=len(lines[first]) - len(stripped) + 1,
                    ),
                    f"{count} regel(s) beginnen met ‘{char}’ (uit Word geplakt); op de site "
                    "wordt dat één doorlopende alinea, geen lijst.",
                    f"Begin elk item met ‘- ’ in plaats van ‘{char}’, met een lege regel boven "
                    "de lijst.",
                )
            else:
                number += 1


@rule(code="kopniveau", severity=WAARSCHUWING)
def heading_levels(ctx: Context) -> Iterator[Found]:
    """Headings in a body never use `#` (the page title is the one `#`) and go down one level
    at a time after the first: screen readers and the page's table of contents follow them."""
    for entity in ctx.corpus.entities:
        previous = 0  # the first heading of the body sets the level (## or ###)
        for number, level in _headings(entity.body):
            where = Location(path=entity.path, line=entity.document.body_line + number)
            if level == 1:
                yield found(
                    where,
                    "Een kop met één ‘#’ is de titel van de pagina; die maakt de site al.",
                    "Begin koppen in de tekst met ‘## ’ (en daaronder ‘### ’).",
                )
            elif previous and level > previous + 1:
                yield found(
                    where,
                    f"De kop springt van niveau {previous} naar {level} ({'#' * level}); "
                    "een niveau wordt overgeslagen.",
                    f"Gebruik ‘{'#' * (previous + 1)} ’ voor deze kop.",
                )
            previous = level


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _headings(body: str) -> Iterator[tuple[int, int]]:
    """(line index, level) of each `#` heading outside fenced code (CommonMark's ATX rule);
    a line-based scan: parsing every body again with markdown-it would cost half a second."""
    fence = ""
    for number, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = _ATX.match(line)
        if heading:
            yield number, len(heading.group(1))


# --- files the loader never reads ----------------------------------------------------------

_IGNORED = {".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"}


def _stray(root: Path, folder: str, wanted: str) -> Iterator[Found]:
    directory = root / folder
    if not directory.is_dir():
        return
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.name in _IGNORED or path.name.startswith(".") or path.is_dir():
            continue
        where = Location(path=relative)
        if path.parent != directory:
            yield found(
                where,
                f"{relative} staat in een submap en wordt niet gelezen.",
                f"Verplaats het bestand naar {folder}/ (zonder submap).",
            )
            continue
        name = path.name
        if name.endswith(wanted):
            continue
        stem = name
        for suffix in (".txt", ".docx", ".doc", ".odt", ".rtf"):
            stem = stem.removesuffix(suffix)
        lowered = stem.lower()
        for suffix in (wanted, ".markdown", ".yaml", ".yml"):
            if lowered.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        if wanted == ".md":
            stem = stem.lower()  # an id is lowercase
        yield found(
            where,
            f"‘{name}’ wordt niet gelezen: alleen bestanden die op ‘{wanted}’ eindigen (kleine "
            "letters) horen hier.",
            f"Hernoem het naar ‘{stem}{wanted}’ (let op: je verkenner kan ‘.txt’ verbergen)."
            if name.lower().endswith((".txt", ".md", ".markdown", ".bib"))
            else f"Sla het op als platte tekst met de naam ‘{stem}{wanted}’, of haal het weg.",
        )


@rule(code="bestandsnaam", severity=FOUT)
def unread_files(ctx: Context) -> Iterator[Found]:
    """Every file in a content folder is read: `.MD`, `.md.txt`, `.docx` or a file in a
    subfolder would silently be missing from the site."""
    root = ctx.corpus.root
    for folder in CONTENT_FOLDERS:
        yield from _stray(root, folder, ".md")
    yield from _stray(root, "bibliography", ".bib")
