"""Benchmark: APA formatting of a large bibliography, ours against mkdocs-bibtex.

Generates a realistic synthetic BibTeX file (Dutch names with particles, corporate authors,
LaTeX accents, chapters, reports, web pages, theses; deterministic), then in the same run:

1. the project's real bibliography (bibliography/*.bib) through our pipeline;
2. the synthetic file through our pipeline: pybtex → CSL-JSON → one pandoc run that formats
   every reference plus one citation per work;
3. the same file through mkdocs-bibtex (the former standard plugin), with the same APA style:
   its plugin hooks on a page that cites every work and asks for the full bibliography.

Targets (issue 3): the real bibliography under 1 s, 1,000 entries under 3 s.

    .venv/bin/pip install mkdocs-bibtex   # once; or `make bench`
    .venv/bin/python scripts/bench_bibliography.py [--entries 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kennisbank.bibliography import load_bibliography
from kennisbank.citeproc import dutch_apa_style, format_all
from kennisbank.csl import csl_item
from kennisbank.markup import analyse

ROOT = Path(__file__).resolve().parent.parent

GIVEN = ["Anna", "Bram", "Claire", "Daan", "Eva", "Fleur", "Jörg", "Hélène", "Ilse", "Joost"]
FAMILY = [
    "Jansen",
    "Waal",
    "Berg",
    "Vries",
    "Arum",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijk",
    "Leeuwen",
    "Hoijtink",
]
PARTICLE = ["", "", "", "de ", "van ", "van den ", "van der ", "ter "]
WORDS = [
    "wijkteams",
    "participatie",
    "eigen kracht",
    "informele zorg",
    "transformatie",
    "professionaliteit",
    "sociale cohesie",
    "preventie",
    "samenwerking",
    "burgerkracht",
    "zorg",
    "welzijn",
    "buurt",
    "beleid",
    "netwerken",
    "ethiek",
    "leren",
    "vertrouwen",
]
ORGS = [
    "Movisie",
    "Sociaal en Cultureel Planbureau",
    "Platform31",
    "Verwey-Jonker Instituut",
    "Hogeschool Utrecht",
    "Hogeschool van Amsterdam",
]


STEMS = [
    "Berg",
    "Dijk",
    "Hoek",
    "Veld",
    "Bosch",
    "Kamp",
    "Meer",
    "Wal",
    "Brink",
    "Haar",
    "Steen",
    "Horst",
    "Beek",
    "Laan",
    "Molen",
    "Broek",
    "Heuvel",
    "Sande",
    "Poel",
    "Linden",
]
PROLIFIC = 0.3
# a fixed set of recurring authors; two pairs share a surname, as happens in a real field
PROLIFIC_AUTHORS = [(f, g) for f, g in zip(FAMILY, GIVEN * 2, strict=False)] + [
    ("Jansen", "Bram"),
    ("Waal", "Joost"),
]
PREFIXES = ["", "Ooster", "Wester", "Zuider", "Noorder", "Hoog", "Laag", "Nieuw", "Oud", "Groot"]


def _person(rng: random.Random) -> str:
    """A name; some authors recur (as in a real field), most appear once or twice."""
    if rng.random() < PROLIFIC:  # one of the field's prolific authors, always the same person
        family, given = rng.choice(PROLIFIC_AUTHORS)
    else:
        family = rng.choice(PREFIXES) + rng.choice(STEMS).lower()
        family = family[0].upper() + family[1:]
        given = rng.choice(GIVEN) + (
            f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.5 else ""
        )
    given = given.replace("ö", '{\\"o}').replace("é", "{\\'e}")
    return f"{rng.choice(PARTICLE)}{family}, {given}"


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, 4)
    return f"{words[0].capitalize()} en {words[1]}: Over {words[2]} in de {words[3]}"


def synthetic_bibtex(count: int, seed: int = 2017) -> str:
    rng = random.Random(seed)
    entries = []
    for n in range(count):
        year = rng.randint(1969, 2024)
        authors = " and ".join(_person(rng) for _ in range(rng.choice([1, 1, 2, 3, 4, 7])))
        key = f"werk{n:04d}"
        kind = rng.choice(["article", "book", "incollection", "techreport", "online", "phdthesis"])
        fields = [f"author = {{{authors}}}", f"title = {{{_title(rng)}}}", f"year = {{{year}}}"]
        if kind == "article":
            fields += [
                "journal = {Tijdschrift voor Sociale Vraagstukken}",
                f"volume = {{{rng.randint(1, 40)}}}",
                f"number = {{{rng.randint(1, 6)}}}",
                f"pages = {{{(p := rng.randint(1, 300))}--{p + rng.randint(5, 25)}}}",
                f"doi = {{10.1000/tsv.{n}}}",
            ]
        elif kind == "book":
            fields += [f"publisher = {{{rng.choice(['Boom', 'Coutinho', 'SWP'])}}}"]
        elif kind == "incollection":
            fields += [
                f"booktitle = {{{_title(rng)}}}",
                f"editor = {{{_person(rng)} and {_person(rng)}}}",
                f"pages = {{{(p := rng.randint(1, 200))}--{p + 15}}}",
                "publisher = {Movisie}",
            ]
        elif kind == "techreport":
            org = rng.choice(ORGS)
            fields[0] = f"author = {{{{{org}}}}}" if rng.random() < 0.5 else fields[0]
            fields += [f"institution = {{{org}}}", f"url = {{https://example.org/rapport/{n}}}"]
        elif kind == "online":
            fields += [
                f"url = {{https://www.socialevraagstukken.nl/{n}/}}",
                "urldate = {2024-05-01}",
            ]
        else:
            fields += [f"school = {{{rng.choice(ORGS[4:])}}}"]
        entries.append(f"@{kind}{{{key},\n  " + ",\n  ".join(fields) + "\n}\n")
    return "\n".join(entries)


def ours(root: Path, folder: str) -> int:
    bibliography = load_bibliography(root, folder)
    items = [csl_item(entry) for entry in bibliography.entries.values()]
    citations = [analyse(f"[@{key}]", "bench.md", 1).citations[0] for key in bibliography.entries]
    formatted = format_all(items, citations)
    assert len(formatted.references) == len(items), "not every work was formatted"
    return len(items)


def mkdocs_bibtex(bib_file: Path, csl_file: Path, keys: list[str]) -> int:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs_bibtex.plugin import BibTexPlugin

    plugin = BibTexPlugin()
    plugin.load_config({"bib_file": str(bib_file), "csl_file": str(csl_file)})
    config = MkDocsConfig(config_file_path=str(bib_file.parent / "mkdocs.yml"))
    plugin.on_config(config)
    page = " ".join(f"[@{key}]" for key in keys) + "\n\n\\full_bibliography\n"
    output = plugin.on_page_markdown(page, page=None, config=config, files=None)
    return output.count("[^")


def timed(function: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, result = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "bibliography").mkdir()
        bib = folder / "bibliography" / "synthetisch.bib"
        bib.write_text(synthetic_bibtex(args.entries), encoding="utf-8")
        csl = folder / "apa-nl.csl"
        csl.write_bytes(dutch_apa_style())

        real, real_count = timed(lambda: ours(ROOT, "bibliography"), args.repeat)
        print(f"echte bibliografie ({real_count} werken), kennisbank: {real:6.2f} s  (doel < 1 s)")
        mine, count = timed(lambda: ours(folder, "bibliography"), args.repeat)
        print(f"synthetisch ({count} werken), kennisbank:        {mine:6.2f} s  (doel < 3 s)")
        try:
            import mkdocs_bibtex as _  # noqa: F401
        except ImportError:
            print("mkdocs-bibtex is niet geïnstalleerd: `.venv/bin/pip install mkdocs-bibtex`.")
            return 0
        keys = list(load_bibliography(folder, "bibliography").entries)
        theirs, notes = timed(lambda: mkdocs_bibtex(bib, csl, keys), args.repeat)
        print(f"synthetisch ({notes} voetnoten), mkdocs-bibtex:  {theirs:6.2f} s")
        print(f"verhouding mkdocs-bibtex / kennisbank: {theirs / mine:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
