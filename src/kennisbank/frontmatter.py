"""Reading a content file safely: encoding, line ends, front matter and body.

PyYAML is used only to tokenise and compose; values are built here so that duplicate keys
(PyYAML silently keeps the last one — a lost edit), aliases (the "billion laughs" attack) and
unknown tags are refused with a message, and every value keeps its line and column.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostic import Diagnostic, Location, error, warning
from .model import FieldPath
from .pasted import curly_quote_hint, header_problem

MAX_FILE_BYTES = 1_000_000
FENCE = "---"
RULE = "bestand"


@dataclass
class FrontMatter:
    """The parsed parts of one content file."""

    data: dict[str, object] = field(default_factory=dict)
    locations: dict[FieldPath, Location] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ok: bool = True


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a file as UTF-8 text with Unix line ends; refuse what is too big or not UTF-8."""
    diagnostics: list[Diagnostic] = []
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            error(
                Location(path=display),
                RULE,
                f"Het bestand is te groot ({size:,} bytes; de grens is {MAX_FILE_BYTES:,}).".replace(
                    ",", "."
                ),
                "Splits de inhoud op in meer bestanden.",
            )
        ]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM is harmless once removed; editors on Windows add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            error(
                Location(path=display, line=line, col=col),
                RULE,
                "Het bestand is geen geldige UTF-8-tekst (bijvoorbeeld Windows-1252 of Latin-1).",
                "Sla het bestand op als ‘UTF-8’ (in VS Code: klik rechtsonder op de codering).",
            )
        ]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        diagnostics.append(
            error(
                Location(path=display, line=line),
                RULE,
                "Het bestand bevat een nul-teken; is het wel een tekstbestand?",
            )
        )
        return None, diagnostics
    return text, diagnostics


def parse(text: str, display: str) -> FrontMatter:
    """Split front matter from body and build the front-matter values with their locations."""
    result = FrontMatter()
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        result.ok = False
        result.diagnostics.append(
            error(
                Location(path=display),
                RULE,
                "Het bestand begint niet met een YAML-kop tussen twee regels ‘---’.",
                "Zet op de eerste regel ‘---’, daarna de velden (zoals ‘titel: …’) en sluit af "
                "met nog een regel ‘---’.",
            )
        )
        return result
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE)
    except StopIteration:
        result.ok = False
        result.diagnostics.append(
            error(
                Location(path=display),
                RULE,
                "De YAML-kop wordt niet afgesloten.",
                "Zet een regel met alleen ‘---’ tussen de kop en de tekst.",
            )
        )
        return result
    header = lines[1:end]
    result.body = "\n".join(lines[end + 1 :])
    result.body_line = end + 2
    for offset, line in enumerate(header):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            result.ok = False
            result.diagnostics.append(
                error(
                    Location(path=display, line=offset + 2, col=indent.index("\t") + 1),
                    RULE,
                    "Tab in de inspringing van de YAML-kop; YAML staat alleen spaties toe.",
                    "Vervang de tab door spaties (twee per niveau).",
                )
            )
    if not result.ok:
        return result
    pasted = header_problem(header)  # Word's characters: say so on the right line
    if pasted is not None:
        result.ok = False
        result.diagnostics.append(
            error(
                Location(path=display, line=pasted.line + 2, col=pasted.col),
                RULE,
                pasted.message,
                pasted.suggestion,
            )
        )
        return result
    builder = _Builder(display, line_offset=1)
    deep = _too_deep(header)
    if deep is not None:
        result.ok = False
        result.diagnostics.append(
            error(
                Location(path=display, line=deep + 2),
                RULE,
                f"De YAML-kop is dieper genest dan {MAX_DEPTH} niveaus (lijsten in lijsten).",
                "Een veld is tekst, een lijst of een groep velden; haal de extra haken weg.",
            )
        )
        return result
    try:
        loader = _Loader("\n".join(header))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except _AliasRefused as exc:
        result.ok = False
        result.diagnostics.append(
            error(
                builder.at(exc.mark),
                RULE,
                "Verwijzingen binnen YAML (‘*naam’ met een anker ‘&naam’) zijn niet toegestaan.",
                "Schrijf de waarde gewoon uit.",
            )
        )
        return result
    except yaml.MarkedYAMLError as exc:
        result.ok = False
        mark = exc.problem_mark or exc.context_mark
        problem = _dutch_yaml_problem(exc.problem or str(exc))
        hint = _yaml_hint(exc.problem or "")
        curly = curly_quote_hint(header[mark.line]) if mark and mark.line < len(header) else None
        if curly is not None:
            problem, hint = curly
        result.diagnostics.append(
            error(
                builder.at(mark) if mark else Location(path=display),
                RULE,
                f"De YAML-kop is ongeldig: {problem}.",
                hint,
            )
        )
        return result
    except RecursionError:  # nesting that the depth check above did not see as such
        result.ok = False
        result.diagnostics.append(
            error(
                Location(path=display),
                RULE,
                "De YAML-kop is te diep genest om te lezen.",
                "Een veld is tekst, een lijst of een groep velden; haal de extra haken weg.",
            )
        )
        return result
    except yaml.YAMLError as exc:
        result.ok = False
        result.diagnostics.append(
            error(Location(path=display), RULE, f"De YAML-kop is ongeldig: {exc}.")
        )
        return result
    if node is None:
        result.diagnostics.append(
            warning(Location(path=display), RULE, "De YAML-kop is leeg.", None)
        )
        return result
    if not isinstance(node, yaml.MappingNode):
        result.ok = False
        result.diagnostics.append(
            error(
                builder.at(node.start_mark),
                RULE,
                "De YAML-kop moet uit velden bestaan (‘sleutel: waarde’), niet uit een lijst of "
                "losse tekst.",
            )
        )
        return result
    value = builder.build(node, ())
    result.data = value if isinstance(value, dict) else {}
    result.locations = builder.locations
    # A duplicate key or a key that is not text is an error, but the rest of the file is
    # fine: keep it, so that its id exists and other files get no false "bestaat niet".
    result.diagnostics.extend(builder.diagnostics)
    return result


MAX_DEPTH = 20  # the deepest real front matter (hoofdstukken → auteurs → naam) is 4


def _too_deep(header: list[str]) -> int | None:
    """The index of the first header line where brackets or indentation nest deeper than
    MAX_DEPTH: PyYAML's parser recurses per level and would crash, so it never sees that."""
    depth = 0
    for number, line in enumerate(header):
        indent = (len(line) - len(line.lstrip(" "))) // 2
        for char in line:
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth = max(0, depth - 1)
            if depth + indent > MAX_DEPTH:
                return number
    return None


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases while composing (before anything can be expanded)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)  # type: ignore[arg-type]


_SCALAR_LOADER = yaml.SafeLoader("")


class _Builder:
    """Turns composed YAML nodes into plain values and records where each one stands."""

    def __init__(self, display: str, line_offset: int) -> None:
        self.display = display
        self.line_offset = line_offset
        self.locations: dict[FieldPath, Location] = {}
        self.diagnostics: list[Diagnostic] = []

    def at(self, mark: yaml.Mark) -> Location:
        return Location(
            path=self.display, line=mark.line + 1 + self.line_offset, col=mark.column + 1
        )

    def build(self, node: yaml.Node, path: FieldPath) -> object:
        self.locations[path] = self.at(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, object]:
        result: dict[str, object] = {}
        first_seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_location = self.at(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.diagnostics.append(
                    error(key_location, RULE, "Een sleutel in de YAML-kop moet gewone tekst zijn.")
                )
                continue
            key = str(self._scalar(key_node))
            if key in first_seen:
                earlier = first_seen[key]
                self.diagnostics.append(
                    error(
                        key_location,
                        "dubbel-veld",
                        f"Het veld ‘{key}’ staat twee keer in de kop (eerder op regel "
                        f"{earlier.line}); de tweede waarde zou de eerste stilletjes vervangen.",
                        "Voeg de twee samen tot één veld en verwijder het andere.",
                    )
                )
                continue
            first_seen[key] = key_location
            self.locations[("#key", *path, key)] = key_location
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node) -> object:
        try:
            value = _SCALAR_LOADER.construct_object(node)
            _SCALAR_LOADER.constructed_objects.clear()
        except yaml.constructor.ConstructorError:
            self.diagnostics.append(
                error(
                    self.at(node.start_mark),
                    RULE,
                    f"Onbekend YAML-label ‘{node.tag}’.",
                    "Laat het label (het woord na ‘!’) weg.",
                )
            )
            return None
        if isinstance(value, datetime.date | datetime.datetime):
            return node.value  # keep dates as the text the lector wrote
        if isinstance(value, bytes):
            return None
        return value


_PROBLEMS = {
    "mapping values are not allowed here": "een dubbele punt staat op een plek waar YAML die "
    "niet verwacht",
    "could not find expected ':'": "een dubbele punt na de sleutel ontbreekt",
    "found character '\\t' that cannot start any token": "er staat een tab",
    "found undefined alias": "een verwijzing (‘*’) naar een onbekend anker",
    "expected <block end>, but found '-'": "een lijstregel (‘- ’) is anders ingesprongen dan de "
    "regels ervoor",
    "found unexpected end of stream": "de kop houdt midden in een waarde op",
    "expected ',' or ']'": "een lijst tussen [ ] bevat een teken dat YAML daar niet verwacht",
    "expected ',' or '}'": "een groep tussen { } bevat een teken dat YAML daar niet verwacht",
    "found unknown escape character": "een onbekende ‘\\’-code in een tekst tussen "
    "dubbele aanhalingstekens",
}


def _dutch_yaml_problem(problem: str) -> str:
    for english, dutch in _PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return f"YAML meldt ‘{problem}’"


def _yaml_hint(problem: str) -> str:
    if problem.startswith("mapping values"):
        return 'Zet tekst met een dubbele punt tussen aanhalingstekens: titel: "Wijk: een casus".'
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")):
        return 'Zet elk item met leestekens (? : , #) tussen aanhalingstekens: ["Wie beslist?", b].'
    if problem.startswith("found unknown escape"):
        return "Gebruik enkele aanhalingstekens, of schrijf een backslash als ‘\\\\’."
    return (
        "Controleer de inspringing (spaties, geen tabs) en zet tekst met bijzondere tekens "
        "(: # - [ ]) tussen aanhalingstekens."
    )
