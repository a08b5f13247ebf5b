"""JSON Schemas of the content types: the single description of keys and value types.

Used by the checks (through jsonschema) and published by `kennisbank schema` for editors
(VS Code's YAML extension). Titles and descriptions are in Dutch: lectors see them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import BY_KIND

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_BASE = "https://kennisbank-wijkgericht-werken.local/schema"
MAX_SAMENVATTING = 300
MAX_BUNDEL_SAMENVATTING = 1000

Schema = dict[str, Any]


def _text(description: str, max_length: int | None = None) -> Schema:
    schema: Schema = {"type": "string", "minLength": 1, "description": description}
    if max_length:
        schema["maxLength"] = max_length
    return schema


def _texts(description: str) -> Schema:
    return {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "description": description,
    }


def _ids(description: str) -> Schema:
    return {
        "type": "array",
        "items": {"type": "string", "pattern": ID_PATTERN},
        "description": description,
    }


_BRON: Schema = {
    "type": "object",
    "description": "Bronverwijzing: welke bundel, en waar mogelijk hoofdstuk, sectie en pagina.",
    "required": ["bundel"],
    "additionalProperties": False,
    "properties": {
        "bundel": {"type": "string", "pattern": ID_PATTERN, "description": "id van de bundel"},
        "hoofdstuk": {
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "id van het hoofdstuk in die bundel",
        },
        "sectie": _text("paragraaf of kopje, zoals het in de bron staat"),
        "pagina": {
            "type": ["string", "integer"],
            "description": "pagina of paginabereik, alleen als de bron paginanummers heeft",
        },
    },
}

_BRONNEN: Schema = {
    "type": "array",
    "minItems": 1,
    "items": _BRON,
    "description": "Waar de feiten vandaan komen: minstens één bronverwijzing.",
}

_PERSOON: Schema = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["naam"],
            "additionalProperties": False,
            "properties": {
                "naam": _text("naam zoals de bron die geeft"),
                "instelling": _text("instelling of functie zoals de bron die geeft"),
            },
        },
    ]
}

_TAGS = _texts("Trefwoorden; ze verschijnen op de pagina en in de zoekfunctie.")

_SHARED_DESCRIPTIONS = {
    "titel": "De titel van de pagina.",
    "samenvatting": f"Eén tot drie zinnen, hoogstens {MAX_SAMENVATTING} tekens.",
}


_VORIGE_IDS: Schema = {
    **_ids(
        "Eerdere ids van deze pagina, na een hernoeming; hun oude adressen sturen lezers hierheen."
    ),
    "uniqueItems": True,
}


MAX_KORT = 60

_KORT = _text(
    "Korte naam voor een link zonder eigen tekst, midden in een zin: zonder lidwoord, "
    "bijvoorbeeld ‘beleidssturing’ voor ‘Beleidssturing: wie bepaalt de koers …?’.",
    MAX_KORT,
)
_OVER_DE_BRON = _text(
    "Wat er in de bron voor deze pagina beschadigd, verkeerd gedrukt of tegenstrijdig is; "
    "staat ingeklapt onderaan de pagina, niet in de tekst."
)


def _entity(required: list[str], properties: Schema, title: str) -> Schema:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": {
            **properties,
            "kort": _KORT,
            "over_de_bron": _OVER_DE_BRON,
            "vorige_ids": _VORIGE_IDS,
        },
    }


KWESTIE = _entity(
    ["titel", "samenvatting", "bronnen"],
    {
        "titel": _text(_SHARED_DESCRIPTIONS["titel"]),
        "samenvatting": _text(_SHARED_DESCRIPTIONS["samenvatting"], MAX_SAMENVATTING),
        "concept": _text("Het beleidsconcept dat op het spel staat."),
        "concepties": _texts("Hoe de praktijk dat concept invult."),
        "vragen": _texts("De vragen die de kwestie oproept."),
        "keuzes": _texts("De keuzes waar professionals voor staan."),
        "bronnen": _BRONNEN,
        "principes": _ids("ids van principes bij deze kwestie"),
        "casussen": _ids("ids van casussen (praktijk) bij deze kwestie"),
        "begrippen": _ids("ids van begrippen"),
        "verwant": _ids("ids van verwante pagina's"),
        "tags": _TAGS,
        "gespreksvragen": _texts("Vragen voor een gesprek in een werkplaats of les."),
    },
    "Kwestie",
)

PRINCIPE = _entity(
    ["titel", "samenvatting", "soort", "bronnen"],
    {
        "titel": _text(_SHARED_DESCRIPTIONS["titel"]),
        "samenvatting": _text(_SHARED_DESCRIPTIONS["samenvatting"], MAX_SAMENVATTING),
        "soort": _text("principe, aanbeveling, competentie, deugd, model, …"),
        "reeks": _text("De naam van de reeks waar dit principe bij hoort."),
        "nummer": {"type": "integer", "minimum": 1, "description": "Plaats in de reeks."},
        "bronnen": _BRONNEN,
        "kwesties": _ids("ids van kwesties"),
        "casussen": _ids("ids van casussen"),
        "begrippen": _ids("ids van begrippen"),
        "tags": _TAGS,
    },
    "Principe",
)

CASUS = _entity(
    ["titel", "samenvatting", "soort", "bronnen"],
    {
        "titel": _text(_SHARED_DESCRIPTIONS["titel"]),
        "samenvatting": _text(_SHARED_DESCRIPTIONS["samenvatting"], MAX_SAMENVATTING),
        "soort": _text("praktijkvoorbeeld, kader, casus, team, project, …"),
        "plaats": _text("Gemeente of stad."),
        "wijk": _text("Wijk of buurt."),
        "organisatie": _text("Organisatie(s)."),
        "periode": {"type": ["string", "integer"], "description": "Periode, zoals 2013–2016."},
        "doel": _text("Wat het project wilde bereiken."),
        "doelgroep": _text("Voor wie."),
        "aanpak": _text("Hoe."),
        "bronnen": _BRONNEN,
        "kwesties": _ids("ids van kwesties"),
        "principes": _ids("ids van principes"),
        "begrippen": _ids("ids van begrippen"),
        "tags": _TAGS,
    },
    "Casus",
)

BEGRIP = _entity(
    ["term", "definitie", "bronnen"],
    {
        "term": _text("Het begrip, zoals het in de tekst gebruikt wordt."),
        "definitie": _text("Eén of twee zinnen: wat de bron met het begrip bedoelt.", 400),
        "synoniemen": _texts("Andere woorden voor hetzelfde begrip (ook voor de zoekfunctie)."),
        "verwant": _ids("ids van verwante begrippen of pagina's"),
        "bronnen": _BRONNEN,
        "tags": _TAGS,
    },
    "Begrip",
)

_HOOFDSTUK: Schema = {
    "type": "object",
    "required": ["id", "titel"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN, "description": "id, uniek in de bundel"},
        "titel": _text("Titel zoals gedrukt."),
        "auteurs": {"type": "array", "items": _PERSOON},
        "bib": _text("BibTeX-sleutel van dit hoofdstuk, als het apart te citeren is."),
        "samenvatting": _text("Eén tot drie zinnen.", MAX_BUNDEL_SAMENVATTING),
        "literatuur": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "description": "De literatuurlijst van het hoofdstuk, als BibTeX-sleutels.",
        },
    },
}

BUNDEL = _entity(
    ["titel", "soort", "jaar", "instelling", "bib", "samenvatting"],
    {
        "titel": _text("Titel zoals gedrukt."),
        "ondertitel": _text("Ondertitel."),
        "soort": _text("bundel, rapport, verslag, …"),
        "jaar": {
            "type": ["integer", "null"],
            "minimum": 1900,
            "maximum": 2100,
            "description": "Jaar van uitgave; null als de bron geen jaar geeft (leg uit in staat).",
        },
        "instelling": _text("Uitgever of instelling."),
        "werkplaats": _text("De Werkplaats Sociaal Domein (of Wmo-werkplaats)."),
        "redactie": {"type": "array", "items": _PERSOON},
        "auteurs": {"type": "array", "items": _PERSOON},
        "bib": _text("BibTeX-sleutel van de publicatie."),
        "url": {"type": "string", "format": "uri", "description": "Webadres (https://…)."},
        "isbn": {"type": ["string", "integer"], "description": "ISBN."},
        "licentie": _text("Wat het colofon over overnemen zegt."),
        "samenvatting": _text("Twee tot vijf zinnen.", MAX_BUNDEL_SAMENVATTING),
        "staat": _text("Wat in de bron beschadigd is, ontbreekt of elkaar tegenspreekt."),
        "afgeleid": {
            "type": "object",
            "additionalProperties": {"type": "string", "minLength": 1},
            "description": "Gegevens die niet in de bron staan maar zijn afgeleid: veld → reden.",
        },
        "hoofdstukken": {"type": "array", "items": _HOOFDSTUK},
        "tags": _TAGS,
    },
    "Bundel",
)

SCHEMAS: dict[str, Schema] = {
    "kwestie": KWESTIE,
    "principe": PRINCIPE,
    "casus": CASUS,
    "begrip": BEGRIP,
    "bundel": BUNDEL,
}
assert set(SCHEMAS) == set(BY_KIND)


def schema_for(kind: str) -> Schema:
    return {"$id": f"{SCHEMA_BASE}/{kind}.schema.json", **SCHEMAS[kind]}


def write_schemas(directory: Path) -> list[Path]:
    """Write one `<kind>.schema.json` per content type; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = directory / f"{kind}.schema.json"
        path.write_text(
            json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
