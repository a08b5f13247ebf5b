"""The `kennisbank` command: check, generate, schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import build, write_pages
from .load import load
from .schema import write_schemas
from .validate import summarise, validate


def _check(args: argparse.Namespace) -> int:
    corpus = load(args.root)
    diagnostics = validate(corpus)
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


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="kennisbank", description="Kennisbank Wijkgericht Werken")
    main.add_argument(
        "--root", type=Path, default=Path("."), help="map met de inhoud (standaard: .)"
    )
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer alle inhoud en de literatuur")
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="github: meldingen als annotaties in een pull request",
    )
    check.set_defaults(run=_check)
    generate = commands.add_parser("generate", help="schrijf de gegenereerde pagina's naar een map")
    generate.add_argument("directory", type=Path)
    generate.set_defaults(run=_generate)
    schema = commands.add_parser("schema", help="schrijf een JSON Schema per inhoudstype")
    schema.add_argument("directory", type=Path, nargs="?", default=Path("schemas"))
    schema.set_defaults(run=_schema)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
