"""Benchmark: load + validate + render of the real content and of a synthetic corpus.

Usage: .venv/bin/python scripts/bench_build.py [--entities N] [--repeat R]
Prints the median wall time of each stage. No assertion: numbers are for the closing notes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kennisbank.links import Graph
from kennisbank.load import load
from kennisbank.pages import render_site
from kennisbank.rules import validate

REPO = Path(__file__).resolve().parent.parent


def synthetic_corpus(root: Path, n: int) -> None:
    """n entities spread over the five types, linked and cited like real content."""
    (root / "bibliography").mkdir(parents=True)
    (root / "bibliography" / "b.bib").write_text(
        "".join(
            f"@book{{werk{i},\n  author = {{de Auteur{i}, Anna}},\n  title = {{Titel {i}}},\n"
            f"  year = {{20{i % 25:02d}}},\n  publisher = {{Uitgever}}\n}}\n\n"
            for i in range(n // 2)
        ),
        encoding="utf-8",
    )
    (root / "bundels").mkdir()
    (root / "bundels" / "bron.md").write_text(
        "---\ntitel: Bron\nsoort: bundel\njaar: 2017\ninstelling: H\nbib: werk0\n"
        "samenvatting: S\nhoofdstukken: [{id: een, titel: Een}]\n---\n",
        encoding="utf-8",
    )
    folders = {"kwesties": "titel", "principes": "titel", "casussen": "titel", "begrippen": "term"}
    for folder in folders:
        (root / folder).mkdir()
    for i in range(n):
        folder = list(folders)[i % 4]
        other = f"e{(i + 4) % n}" if (i + 4) % 4 == i % 4 else None
        head = {
            "kwesties": f"titel: Kwestie {i}\nsamenvatting: S {i}\nprincipes: [e{(i + 1) % n}]\n",
            "principes": f"titel: Principe {i}\nsamenvatting: S\nsoort: principe\n"
            f"reeks: Reeks {i % 20}\nnummer: {i // 20 + 1}\n",
            "casussen": f"titel: Casus {i}\nsamenvatting: S\nsoort: team\nplaats: Plaats {i % 9}\n",
            "begrippen": f"term: Begrip {i}\ndefinitie: D\n",
        }[folder]
        body = f"Tekst met [[e{(i + 8) % n}]] en [@werk{i % (n // 2)}, p. 3].\n" * 5
        if other:
            body += f"Zie ook [[{other}]].\n"
        (root / folder / f"e{i}.md").write_text(
            f"---\n{head}bronnen: [{{bundel: bron, hoofdstuk: een}}]\n---\n{body}", encoding="utf-8"
        )


def timed(label: str, repeat: int, function: Callable[[], object]) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    print(f"{label:<40} {statistics.median(times) * 1000:8.1f} ms (median of {repeat})")


def run(root: Path, name: str, repeat: int) -> None:
    corpus = load(root)
    graph = Graph(corpus)
    print(f"{name}: {len(corpus.entities)} entities, {len(corpus.bibliography.entries)} works")
    timed("  load", repeat, lambda: load(root))
    timed("  graph (parse bodies)", repeat, lambda: Graph(corpus))
    timed("  validate", repeat, lambda: validate(corpus, graph))
    timed("  render", repeat, lambda: render_site(corpus, graph))
    timed("  all (what `kennisbank check` + render do)", repeat, lambda: render_site(load(root)))


def mkdocs_build(root: Path) -> None:
    """Time a real strict MkDocs build of the corpus with the project's own mkdocs.yml."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=env, check=True)
    print(
        f"{'  mkdocs build --strict (one run)':<40} {(time.perf_counter() - start) * 1000:8.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mkdocs", action="store_true", help="also time a full MkDocs build")
    args = parser.parse_args()
    run(REPO, "repository content", args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        synthetic_corpus(Path(tmp), args.entities)
        run(Path(tmp), "synthetic corpus", args.repeat)
        if args.mkdocs:
            mkdocs_build(Path(tmp))


if __name__ == "__main__":
    main()
