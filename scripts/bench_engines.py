"""Benchmark and check: the repository's real content built by MkDocs, ProperDocs and Zensical.

Usage: .venv/bin/python scripts/bench_engines.py   (needs the `engines` extra: `make bench`)

tests/test_engines.py proves the engine independence on the small fixture corpus; this does
the same on the real content, which takes too long for `make test`. Each engine builds into a
temporary directory; MkDocs and ProperDocs with the flags of `make site`, Zensical with the
steps of `make zensical` (no plugins: `kennisbank generate` first). Prints the wall time of
each step and exits 1 if a build fails or if the engines do not give the same set of pages:
every generated page, the start page and 404.html.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str, cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:2])} mislukt:\n{result.stdout}{result.stderr}")
    return seconds


def html_path(source: str) -> str:
    if source.endswith(".html"):
        return source
    stem = source.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        docs = work / "docs"
        times = {"kennisbank generate": run("kennisbank.cli", "generate", str(docs), cwd=REPO)}
        generated = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
        shutil.copytree(REPO / "docs", docs, dirs_exist_ok=True)
        expected = {html_path(p) for p in generated} | {"index.html", "404.html"}

        (work / "zensical.yml").write_text(
            f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: zensical\n",
            encoding="utf-8",
        )
        build = ("build", "--clean", "--strict")
        times["zensical build"] = run("zensical", *build, "-f", "zensical.yml", cwd=work)
        flags = ("build", "--strict", "--quiet", "-f", "mkdocs.yml", "--site-dir")
        times["properdocs build"] = run("properdocs", *flags, str(work / "properdocs"), cwd=REPO)
        times["mkdocs build"] = run("mkdocs", *flags, str(work / "mkdocs"), cwd=REPO)

        for step, seconds in times.items():
            print(f"{step:<22} {seconds:6.1f} s")
        print(f"{len(generated)} gegenereerde pagina's, {len(expected)} HTML-pagina's verwacht")
        failed = False
        for engine in ("zensical", "properdocs", "mkdocs"):
            built = html_pages(work / engine)
            if built != expected:
                failed = True
                print(
                    f"{engine}: ontbreekt {sorted(expected - built)[:5]}, extra {sorted(built - expected)[:5]}"
                )
            else:
                print(f"{engine}: elke pagina aanwezig")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
