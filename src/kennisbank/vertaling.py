"""Dutch for the English that libraries say (pybtex, argparse): a lector reads only Dutch.

Each known message is matched by its pattern; an unknown one keeps its English text, quoted
as what the library said, so nothing is lost.
"""

from __future__ import annotations

import re

_PYBTEX = [
    (
        re.compile(r"entry with key (?P<key>\S+) has a duplicate (?P<field>\S+) field"),
        "het veld ‘{field}’ staat twee keer in ‘{key}’",
    ),
    (
        re.compile(r"syntax error in line \d+: '(?P<char>[^']+)' expected"),
        "hier verwacht BibTeX ‘{char}’ (ontbreekt er een komma na het vorige veld, of een "
        "accolade?)",
    ),
    (
        re.compile(r"syntax error in line \d+: premature end of file"),
        "het bestand houdt midden in een item op (een accolade ‘}}’ ontbreekt)",
    ),
    (
        re.compile(r"syntax error in line \d+: (?P<rest>.+)"),
        "syntaxfout: BibTeX meldt ‘{rest}’",
    ),
    (re.compile(r"Too many commas in '(?P<name>.*)'"), "te veel komma's in de naam ‘{name}’"),
    (
        re.compile(r"repeated bibliograp?h?y entry: (?P<key>\S+)"),
        "de sleutel ‘{key}’ komt twee keer voor",
    ),
]


def pybtex(message: str) -> str:
    """pybtex's message in Dutch (or quoted as pybtex said it)."""
    text = str(message).rstrip(".")
    for pattern, dutch in _PYBTEX:
        match = pattern.search(text)
        if match:
            return dutch.format(**match.groupdict())
    return f"pybtex meldt ‘{text}’"


_ARGPARSE = [
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: '?(?P<value>[^'(]*)'? \(choose from (?P<options>.*)\)"
        ),
        "onbekende keuze ‘{value}’ bij {arg}; kies uit {options}",
    ),
    (
        re.compile(r"the following arguments are required: (?P<args>.*)"),
        "dit ontbreekt nog: {args}",
    ),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), "onbekend: {args}"),
    (
        re.compile(r"argument (?P<arg>\S+): expected one argument"),
        "na {arg} hoort een waarde",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid (?P<kind>\S+) value: '(?P<value>.*)'"),
        "‘{value}’ is geen geldige waarde voor {arg}",
    ),
]
_ARGPARSE_WORDS = [
    ("usage: ", "gebruik: "),
    ("positional arguments:", "argumenten:"),
    ("options:", "opties:"),
    ("show this help message and exit", "toon deze hulp en stop"),
]


def argparse_error(message: str) -> str:
    for pattern, dutch in _ARGPARSE:
        match = pattern.search(message)
        if match:
            return dutch.format(**match.groupdict())
    return f"argparse meldt ‘{message}’"


def argparse_text(text: str) -> str:
    """argparse's usage and help in Dutch (its headings and the -h line)."""
    for english, dutch in _ARGPARSE_WORDS:
        text = text.replace(english, dutch)
    return text
