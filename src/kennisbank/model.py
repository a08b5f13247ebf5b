"""The content model: frozen, typed entities that remember where each value came from.

Every entity is built from a `Document` (a content file as read). The document keeps the
plain front-matter data and the location of every value, so a check can point at the exact
line of a wrong relation or an unknown key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from .diagnostic import Location
from .paths import entity_page

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, kw_only=True)
class Document:
    """A content file as read: front matter as plain data, value locations, and the body."""

    path: str
    folder: str
    id: str
    data: Mapping[str, object]
    locations: Mapping[FieldPath, Location]
    body: str
    body_line: int

    def location(self, *keypath: str | int) -> Location:
        """The location of a value, or of its nearest enclosing value, or of the file."""
        path: FieldPath = tuple(keypath)
        while path:
            if path in self.locations:
                return self.locations[path]
            path = path[:-1]
        return Location(path=self.path, line=1, col=1)

    def key_location(self, *keypath: str | int) -> Location:
        """The location of a key itself (where a lector would look for a misspelt key)."""
        return self.locations.get(("#key", *keypath)) or self.location(*keypath)


@dataclass(frozen=True, kw_only=True)
class Bronverwijzing:
    """A source locator: which bundle, and optionally chapter, section and pages."""

    bundel: str
    hoofdstuk: str | None = None
    sectie: str | None = None
    pagina: str | None = None
    location: Location


@dataclass(frozen=True, kw_only=True)
class Ref:
    """One id as written in a list of the front matter (`principes: [x]`, `vorige_ids: [y]`),
    with its place, so a check can point at it without reading the raw data."""

    key: str
    target: str
    location: Location


@dataclass(frozen=True, kw_only=True)
class Persoon:
    naam: str
    instelling: str | None = None


@dataclass(frozen=True, kw_only=True)
class Hoofdstuk:
    id: str
    titel: str
    auteurs: tuple[Persoon, ...] = ()
    bib: str | None = None
    samenvatting: str = ""
    literatuur: tuple[str, ...] = ()
    location: Location


@dataclass(frozen=True, kw_only=True)
class Entity:
    """What all content types share."""

    kind: ClassVar[str]
    folder: ClassVar[str]
    label: ClassVar[str]
    plural: ClassVar[str]
    # Relation keys and the kind they point at (None: any kind).
    relations: ClassVar[Mapping[str, str | None]] = {}

    id: str
    document: Document
    bronnen: tuple[Bronverwijzing, ...] = ()
    tags: tuple[str, ...] = ()
    # Ids this entity had before a rename; their old URLs redirect here.
    vorige_ids: tuple[str, ...] = ()
    # Every id in a relation list, in the order written (with locations), and the old ids.
    refs: tuple[Ref, ...] = ()
    vorige: tuple[Ref, ...] = ()
    # The label a [[link]] without its own label prints in running text.
    kort: str | None = None
    # What is damaged, misprinted or inconsistent in the source for this entry.
    over_de_bron: str | None = None

    @property
    def title(self) -> str:
        raise NotImplementedError

    @property
    def summary(self) -> str:
        raise NotImplementedError

    @property
    def short_label(self) -> str:
        """What a link without a label shows: `kort`, else the title."""
        return self.kort or self.title

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def body(self) -> str:
        return self.document.body

    @property
    def page(self) -> str:
        """The generated page's source path, relative to the docs root."""
        return entity_page(self.folder, self.id)

    def location(self, *keypath: str | int) -> Location:
        return self.document.location(*keypath)

    def related_ids(self, key: str) -> tuple[str, ...]:
        value = getattr(self, key, ())
        return tuple(value) if isinstance(value, tuple) else ()


@dataclass(frozen=True, kw_only=True)
class _Titled(Entity):
    """The types whose title is `titel` and whose summary is `samenvatting`."""

    titel: str
    samenvatting: str

    @property
    def title(self) -> str:
        return self.titel

    @property
    def summary(self) -> str:
        return self.samenvatting


@dataclass(frozen=True, kw_only=True)
class Kwestie(_Titled):
    kind: ClassVar[str] = "kwestie"
    folder: ClassVar[str] = "kwesties"
    label: ClassVar[str] = "Kwestie"
    plural: ClassVar[str] = "Kwesties"
    relations: ClassVar[Mapping[str, str | None]] = {
        "principes": "principe",
        "casussen": "casus",
        "begrippen": "begrip",
        "verwant": None,
    }

    concept: str | None = None
    concepties: tuple[str, ...] = ()
    vragen: tuple[str, ...] = ()
    keuzes: tuple[str, ...] = ()
    principes: tuple[str, ...] = ()
    casussen: tuple[str, ...] = ()
    begrippen: tuple[str, ...] = ()
    verwant: tuple[str, ...] = ()
    gespreksvragen: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Principe(_Titled):
    kind: ClassVar[str] = "principe"
    folder: ClassVar[str] = "principes"
    label: ClassVar[str] = "Principe"
    plural: ClassVar[str] = "Principes"
    relations: ClassVar[Mapping[str, str | None]] = {
        "kwesties": "kwestie",
        "casussen": "casus",
        "begrippen": "begrip",
    }

    soort: str
    reeks: str | None = None
    nummer: int | None = None
    kwesties: tuple[str, ...] = ()
    casussen: tuple[str, ...] = ()
    begrippen: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Casus(_Titled):
    kind: ClassVar[str] = "casus"
    folder: ClassVar[str] = "casussen"
    label: ClassVar[str] = "Casus"
    plural: ClassVar[str] = "Casussen"
    relations: ClassVar[Mapping[str, str | None]] = {
        "kwesties": "kwestie",
        "principes": "principe",
        "begrippen": "begrip",
    }

    soort: str
    plaats: str | None = None
    wijk: str | None = None
    organisatie: str | None = None
    periode: str | None = None
    doel: str | None = None
    doelgroep: str | None = None
    aanpak: str | None = None
    kwesties: tuple[str, ...] = ()
    principes: tuple[str, ...] = ()
    begrippen: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Begrip(Entity):
    kind: ClassVar[str] = "begrip"
    folder: ClassVar[str] = "begrippen"
    label: ClassVar[str] = "Begrip"
    plural: ClassVar[str] = "Begrippen"
    relations: ClassVar[Mapping[str, str | None]] = {"verwant": None}

    term: str
    definitie: str
    synoniemen: tuple[str, ...] = ()
    verwant: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.term

    @property
    def summary(self) -> str:
        return self.definitie


@dataclass(frozen=True, kw_only=True)
class Bundel(_Titled):
    kind: ClassVar[str] = "bundel"
    folder: ClassVar[str] = "bundels"
    label: ClassVar[str] = "Bundel"
    plural: ClassVar[str] = "Bundels"

    soort: str
    jaar: int | None
    instelling: str
    bib: str
    ondertitel: str | None = None
    werkplaats: str | None = None
    redactie: tuple[Persoon, ...] = ()
    auteurs: tuple[Persoon, ...] = ()
    url: str | None = None
    isbn: str | None = None
    licentie: str | None = None
    staat: str | None = None
    afgeleid: Mapping[str, str] = field(default_factory=dict)
    hoofdstukken: tuple[Hoofdstuk, ...] = ()
    # Every BibTeX key the bundle names (its `bib`, each chapter's `bib` and `literatuur`),
    # with the place it is written.
    bib_refs: tuple[Ref, ...] = ()

    def hoofdstuk(self, hoofdstuk_id: str) -> Hoofdstuk | None:
        return next((h for h in self.hoofdstukken if h.id == hoofdstuk_id), None)


ENTITY_TYPES: tuple[type[Entity], ...] = (Kwestie, Principe, Casus, Begrip, Bundel)
BY_KIND: Mapping[str, type[Entity]] = {t.kind: t for t in ENTITY_TYPES}
BY_FOLDER: Mapping[str, type[Entity]] = {t.folder: t for t in ENTITY_TYPES}
CONTENT_FOLDERS: tuple[str, ...] = tuple(t.folder for t in ENTITY_TYPES)
