"""The rule registry: every check is a small function registered with its code and severity.

A rule yields `Found` values (where, what, how to fix); the registry stamps each one with the
rule's code and severity, so that a code is declared in exactly one place, can be listed
(`kennisbank check --rules`) and is asserted by the golden tests.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..cache import Cache
from ..cache import key as cache_key
from ..diagnostic import Diagnostic, Location, Severity
from ..links import Graph
from ..load import Corpus
from ..model import BY_FOLDER, Document, Entity
from ..redirects import renamed_to
from ..schema import SCHEMAS
from ..starter import is_placeholder

if TYPE_CHECKING:  # jsonschema is imported when a document is validated (not when cached)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FOUT = Severity.FOUT
WAARSCHUWING = Severity.WAARSCHUWING

# Codes that the loaders report before any rule runs (they read files, not the model).
LOADER_CODES: Mapping[str, tuple[Severity, str]] = {
    "bestand": (FOUT, "Een inhoudsbestand kan niet gelezen worden (codering, YAML-kop, grootte)."),
    "dubbel-veld": (FOUT, "Een veld staat twee keer in de YAML-kop."),
    "bibtex": (FOUT, "Een .bib-bestand kan niet (helemaal) gelezen worden."),
    "literatuur": (FOUT, "De literatuur kan niet worden opgemaakt (pandoc ontbreekt of faalt)."),
}


class Found(NamedTuple):
    """What a rule yields: the registry adds its code and severity."""

    location: Location
    message: str
    suggestion: str | None = None


def found(location: Location, message: str, suggestion: str | None = None) -> Found:
    return Found(location, message, suggestion)


class Context:
    """What the rules share: the corpus, its graph and schema findings, each computed once."""

    def __init__(
        self, corpus: Corpus, graph: Graph | None = None, cache: Cache | None = None
    ) -> None:
        self.corpus = corpus
        self.graph = graph or Graph(corpus)
        self.cache = cache if cache is not None and cache.enabled else None

    @cached_property
    def schema_errors(self) -> list[tuple[Document, ValidationError]]:
        validators: dict[str, Draft202012Validator] = {}
        found = []
        for document in self.corpus.documents:
            # The cache remembers only which front matter is valid (a hash of folder and
            # values); a document with errors is validated again, so they are reported fresh.
            entry = ""
            if self.cache is not None:
                try:
                    entry = cache_key("schema", document.folder, json.dumps(document.data))
                except (TypeError, ValueError):
                    entry = ""
                if entry and self.cache.get("schema", entry) is True:
                    continue
            if document.folder not in validators:
                validators[document.folder] = _validator(document.folder)
            problems = list(validators[document.folder].iter_errors(dict(document.data)))
            for problem in problems:
                if not is_placeholder(problem.instance):  # the placeholders rule says it better
                    found.append((document, problem))
            if entry and not problems and self.cache is not None:
                self.cache.put("schema", entry, True)
        return found

    @cached_property
    def renamed(self) -> Mapping[str, Entity]:
        return renamed_to(self.corpus)

    def ids_of(self, kind: str | None) -> list[str]:
        return [e.id for e in self.corpus.entities if kind is None or e.kind == kind]

    def renamed_hint(self, target: str) -> str | None:
        """A reference to an old id is refused (one spelling per page), but we know the new one."""
        entity = self.renamed.get(target)
        if entity is None:
            return None
        return f"‘{target}’ is hernoemd en heet nu ‘{entity.id}’ ({entity.path}): schrijf ‘{entity.id}’."


def _validator(folder: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(SCHEMAS[BY_FOLDER[folder].kind])


RuleFunction = Callable[[Context], Iterable[Found]]


@dataclass(frozen=True)
class Rule:
    name: str
    code: str
    severity: Severity
    check: RuleFunction

    @property
    def doc(self) -> str:
        return " ".join((self.check.__doc__ or "").split())

    def __call__(self, ctx: Context) -> Iterator[Diagnostic]:
        for location, message, suggestion in self.check(ctx):
            yield Diagnostic(
                location=location,
                severity=self.severity,
                message=message,
                rule=self.code,
                suggestion=suggestion,
            )


RULES: list[Rule] = []


def rule(*, code: str, severity: Severity) -> Callable[[RuleFunction], Rule]:
    """Register a check under its code and severity."""

    def register(function: RuleFunction) -> Rule:
        registered = Rule(name=function.__name__, code=code, severity=severity, check=function)
        RULES.append(registered)
        return registered

    return register


def did_you_mean(value: str, options: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"Bedoelde je ‘{matches[0]}’?" if matches else None


def field_name(path: Sequence[str | int]) -> str:
    parts = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"nr. {part + 1}")
        else:
            parts.append(str(part))
    return " → ".join(parts) if parts else "de kop"
