"""Rules over the front matter: what the JSON Schema finds, in words a lector understands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from slugify import slugify

from ..diagnostic import Location
from ..model import BY_FOLDER
from ..schema import ID_PATTERN, SCHEMAS
from ..starter import PLACEHOLDER, PLACEHOLDER_ID, is_placeholder
from .registry import FOUT, Context, Found, did_you_mean, field_name, found, rule

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


@rule(code="verplicht-veld", severity=FOUT)
def required_keys(ctx: Context) -> Iterator[Found]:
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
            inside = f" (in {field_name(where)})" if where else ""
            yield found(
                document.location(*where),
                f"Het verplichte veld ‘{key}’ ontbreekt{inside}.",
                f"Voeg een regel ‘{key}: …’ toe." if not where else f"Voeg ‘{key}: …’ toe.",
            )


@rule(code="onbekend-veld", severity=FOUT)
def unknown_keys(ctx: Context) -> Iterator[Found]:
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
            suggestion = did_you_mean(key, allowed)
            if suggestion is None and not where:
                owners = [k for k, s in SCHEMAS.items() if key in s["properties"]]
                if owners:
                    suggestion = f"‘{key}’ hoort bij: {', '.join(owners)}."
            yield found(
                document.key_location(*where, key),
                f"Onbekend veld ‘{key}’"
                + (
                    f" in {field_name(where)}"
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


def _colon_text(value: Any) -> str | None:
    """The text a lector meant, where an unquoted `a: b` made YAML read a one-field group."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, item),) = value.items()
        if isinstance(key, str) and (item is None or isinstance(item, str | int | float)):
            return f"{key}: {item}" if item is not None else f"{key}:"
    return None


@rule(code="waardetype", severity=FOUT)
def value_types(ctx: Context) -> Iterator[Found]:
    """Every value has the type and form its key asks for (text, list, number, id, length)."""
    for document, problem in ctx.schema_errors:
        if problem.validator not in _VALUE_VALIDATORS:
            continue
        path = list(problem.absolute_path)
        name = field_name(path)
        location = document.location(*path)
        value: Any = problem.instance
        kind = str(problem.validator)
        expected: Any = problem.validator_value
        if kind == "type":
            expected_list: list[str] = expected if isinstance(expected, list) else [expected]
            wanted = " of ".join(_TYPE_NAMES.get(t, t) for t in expected_list)
            hint = None
            colon = _colon_text(value) if "string" in expected_list else None
            if colon is not None:
                quoted = colon.replace('"', '\\"')
                yield found(
                    location,
                    f"‘{name}’ bevat een dubbele punt met een spatie erna (‘{colon}’); daardoor "
                    "leest YAML het als ‘sleutel: waarde’ in plaats van als tekst.",
                    "Zet de tekst tussen aanhalingstekens: "
                    + (f'- "{quoted}"' if isinstance(path[-1], int) else f'{path[-1]}: "{quoted}"'),
                )
                continue
            if "array" in expected_list:
                hint = f"Schrijf een lijst: ‘{path[-1]}: [a, b]’, of één regel ‘- a’ per item."
            elif "string" in expected_list and isinstance(value, list | dict):
                hint = "Zet de tekst op één regel, eventueel tussen aanhalingstekens."
            yield found(
                location,
                f"‘{name}’ moet {wanted} zijn, niet {_type_of(value)}.",
                hint,
            )
        elif kind == "maxLength":
            yield found(
                location,
                f"‘{name}’ is {len(value)} tekens lang; het maximum is {expected}.",
                "Kort de tekst in; wat meer uitleg vraagt, hoort in de tekst onder de kop.",
            )
        elif kind == "minLength":
            yield found(
                location,
                f"‘{name}’ is leeg.",
                "Vul een waarde in of laat het veld weg.",
            )
        elif kind == "pattern" and expected == ID_PATTERN:
            yield found(
                location,
                f"‘{value}’ in ‘{name}’ is geen geldige id (kleine letters, cijfers en koppeltekens).",
                f"Schrijf ‘{slugify(str(value))}’.",
            )
        elif kind == "pattern":
            yield found(
                location,
                f"‘{name}’ heeft niet de juiste vorm: ‘{value}’.",
                "Een webadres begint met https://." if path and path[-1] == "url" else None,
            )
        elif kind == "minItems":
            yield found(
                location,
                f"‘{name}’ mag geen lege lijst zijn.",
                "Noem minstens één bron: ‘- {bundel: <bundel-id>, hoofdstuk: <id>}’.",
            )
        elif kind in ("minimum", "maximum"):
            yield found(location, f"‘{name}’ ligt buiten het toegestane bereik: {value}.")
        elif kind == "oneOf":
            yield found(
                location,
                f"‘{name}’ moet een naam zijn of ‘{{naam: …, instelling: …}}’.",
            )


@rule(code="invullen", severity=FOUT)
def placeholders(ctx: Context) -> Iterator[Found]:
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
            yield found(
                document.location(*path),
                f"‘{field_name(path)}’ is nog niet ingevuld.",
                f"Vul in: {hint}" if hint else "Vul een waarde in.",
            )
        for offset, line in enumerate(document.body.split("\n")):
            if line.lstrip().startswith(PLACEHOLDER):
                yield found(
                    Location(path=document.path, line=document.body_line + offset, col=1),
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
