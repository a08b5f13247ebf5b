"""The `kennisbank` command: check, generate, schema, new, diff."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import vertaling
from .build import build, check, write_pages
from .diff import compare, format_markdown, format_text
from .load import Corpus, load
from .report import format_summary
from .revision import RevisionCorpus, RevisionError
from .rules import LOADER_CODES, RULES, summarise
from .schema import write_schemas
from .starter import KINDS, StarterError, create


def _rules() -> int:
    """Every code the check can report, with its severity and what it checks."""
    rows = [
        (code, severity.value, "(inlezen)", doc) for code, (severity, doc) in LOADER_CODES.items()
    ]
    rows += [(r.code, r.severity.value, r.name, r.doc) for r in RULES]
    for code, severity, name, doc in sorted(rows):
        print(f"{code:<22} {severity:<12} {name}\n    {doc}")
    return 0


def _check(args: argparse.Namespace) -> int:
    if args.rules:
        return _rules()
    checked = check(args.root)
    corpus, diagnostics = checked.corpus, checked.diagnostics
    if args.format == "summary":
        print(format_summary(diagnostics, len(corpus.documents), len(corpus.bibliography.entries)))
        return 1 if summarise(diagnostics).errors else 0
    for diagnostic in diagnostics:
        print(diagnostic.format_github() if args.format == "github" else diagnostic.format())
    summary = summarise(diagnostics)
    files = len(corpus.documents)
    works = len(corpus.bibliography.entries)
    if args.format != "github" or summary.errors or summary.warnings:
        print(
            f"{files} bestanden en {works} werken gecontroleerd: "
            f"{summary.errors} fout(en), {summary.warnings} waarschuwing(en).",
            file=sys.stderr if args.format == "github" else sys.stdout,
        )
    return 1 if summary.errors else 0


def _generate(args: argparse.Namespace) -> int:
    result = build(args.root)
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} fout(en): er is niets geschreven.", file=sys.stderr)
        return 1
    written = write_pages(result.site, args.directory)
    print(f"{len(written)} pagina's geschreven in {args.directory}/")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.directory):
        print(path)
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        starter = create(args.root, args.soort, args.titel, args.id)
    except StarterError as problem:
        print(f"fout: {problem.message}\n    → {problem.suggestion}", file=sys.stderr)
        return 1
    folder = starter.display.rsplit("/", 1)[0]
    print(f"Aangemaakt: {starter.display}")
    print(
        "Volgende stap: open het bestand en vul alles in waar ‘VUL IN’ of ‘vul-in’ staat.\n"
        "Controleer daarna met ‘make check’; elke melding noemt bestand, regel en wat je moet doen.\n"
        f"Bekijk de pagina met ‘make serve’ op http://127.0.0.1:8000/{folder}/{starter.id}/"
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    head_name = args.head or "je werkmap"
    try:
        with RevisionCorpus(args.root, args.base) as base:
            head: Corpus
            if args.head:
                with RevisionCorpus(args.root, args.head) as head:
                    changes = compare(base, head)
            else:
                changes = compare(base, load(args.root))
    except RevisionError as problem:
        print(f"fout: {problem.message}\n    → {problem.suggestion}", file=sys.stderr)
        return 1
    formatter = format_markdown if args.format == "markdown" else format_text
    print(formatter(changes, args.base, head_name), end="")
    return 0


class _DutchParser(argparse.ArgumentParser):
    """argparse, but in Dutch: its usage, headings and errors (a lector reads only Dutch)."""

    def format_usage(self) -> str:
        return vertaling.argparse_text(super().format_usage())

    def format_help(self) -> str:
        return vertaling.argparse_text(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {vertaling.argparse_error(message)}\n")


def parser() -> argparse.ArgumentParser:
    main = _DutchParser(prog="kennisbank", description="Kennisbank Wijkgericht Werken")
    main.add_argument(
        "--root", type=Path, default=Path("."), help="map met de inhoud (standaard: .)"
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = commands.add_parser("check", help="controleer alle inhoud en de literatuur")
    check.add_argument(
        "--format",
        choices=["text", "github", "summary"],
        default="text",
        help="github: meldingen als annotaties in een pull request; summary: alle meldingen "
        "per bestand in Markdown, voor de samenvatting van een workflow ($GITHUB_STEP_SUMMARY)",
    )
    check.add_argument(
        "--rules", action="store_true", help="toon alle meldingscodes en wat ze controleren"
    )
    check.set_defaults(run=_check)
    generate = commands.add_parser("generate", help="schrijf de gegenereerde pagina's naar een map")
    generate.add_argument("directory", type=Path)
    generate.set_defaults(run=_generate)
    schema = commands.add_parser("schema", help="schrijf een JSON Schema per inhoudstype")
    schema.add_argument("directory", type=Path, nargs="?", default=Path("schemas"))
    schema.set_defaults(run=_schema)
    new = commands.add_parser(
        "new",
        help="maak een nieuw inhoudsbestand om in te vullen",
        description='Maakt bijvoorbeeld kwesties/eigen-kracht.md met: kennisbank new kwestie "Eigen kracht"',
    )
    new.add_argument("soort", choices=KINDS, help="wat voor pagina")
    new.add_argument("titel", help="de titel (bij een begrip: de term), tussen aanhalingstekens")
    new.add_argument("--id", help="zelf een id kiezen in plaats van er een uit de titel te maken")
    new.set_defaults(run=_new)
    diff = commands.add_parser(
        "diff",
        help="wat verandert er voor lezers tussen twee versies (git)",
        description="Vergelijkt de inhoud van twee git-versies: nieuwe, hernoemde en verwijderde "
        "pagina's, verbanden, literatuur en adressen die verdwijnen.",
    )
    diff.add_argument("base", help="de oude versie, bijvoorbeeld origin/main")
    diff.add_argument("head", nargs="?", help="de nieuwe versie (standaard: je werkmap)")
    diff.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="markdown: voor de samenvatting van een GitHub-workflow ($GITHUB_STEP_SUMMARY)",
    )
    diff.set_defaults(run=_diff)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`kennisbank check | head`): stop quietly, without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
