"""Evaluate the built site's own search with the student queries in scripts/search_queries.yaml.

Usage:
    .venv/bin/python scripts/search_eval.py [--site site] [--engine kennisbank|pagefind|material]
                                            [--fouten]

Serves the built site on 127.0.0.1, opens it in headless Chromium (the browser extra:
`make test` installs it) and runs every query through the site's own search code:

- kennisbank: `window.kennisbankZoeken.zoek()` from docs/assets/kennisbank-zoeken.js, the code
  behind the search box (Pagefind with query folding, synonyms and ranking by kind of page);
- pagefind: Pagefind's own `search()` on the same index, untuned (for the comparison);
- material: Material for MkDocs' search box (a site built with Material's `search` plugin;
  scripts/search_compare.py builds one), typed in and read from the result list.

Prints recall@5 (the expected page among the first five), MRR (over the first ten), the bytes the
search loads before and during the first query, and the first query's latency. Exits 1 below the
target (recall@5 ≥ 95 %, MRR ≥ 0.85) for the kennisbank engine. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "scripts" / "search_queries.yaml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
TARGET_RECALL, TARGET_MRR = 0.95, 0.85


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_path(url: str) -> str:
    """`http://host/begrippen/wmo/index.html#x` → `begrippen/wmo`."""
    path = urlparse(url).path.strip("/")
    path = path.removesuffix("index.html").strip("/")
    return path


def search_kennisbank(page: Page, query: str) -> list[str]:
    urls: list[str] = page.evaluate(
        "async q => (await window.kennisbankZoeken.zoek(q)).slice(0, 10).map(r => r.url)", query
    )
    return urls


def search_pagefind(page: Page, query: str) -> list[str]:
    urls: list[str] = page.evaluate(
        """async q => {
            window._pf ??= await import('/pagefind/pagefind.js');
            const found = await window._pf.search(q);
            const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
            return data.map(d => d.url);
        }""",
        query,
    )
    return urls


_META = "document.querySelector('.md-search-result__meta')?.textContent.trim() || ''"


def search_material(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.focus()
    # Material builds its lunr index in a worker first (~5 s for this site).
    page.wait_for_function(f"() => !/initialis/i.test({_META})", timeout=120_000)
    box.fill(query)
    box.press("End")  # Material searches on key presses, not on `input` alone
    # The answer to this query (not to an earlier one): its links carry `?h=<query>`.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "q => { const a = document.querySelector('.md-search-result__item > a');"
            f" if (!a) return /geen/i.test({_META});"
            " return (new URL(a.href).searchParams.get('h') || '').toLowerCase()"
            " === q.toLowerCase(); }",
            arg=query.strip(),
            timeout=8_000,
        )
    urls: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item > a')]"
        ".slice(0, 10).map(a => a.href)"
    )
    return urls


ENGINES = {
    "kennisbank": search_kennisbank,
    "pagefind": search_pagefind,
    "material": search_material,
}


def evaluate(site: Path, engine: str, show_misses: bool) -> tuple[float, float]:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    missing = [
        f"{q['zoek']!r}: {path}"
        for q in queries
        for path in q["verwacht"]
        if not (site / path / "index.html").is_file()
    ]
    if missing:
        sys.exit("Verwachte pagina's die niet in de site staan:\n  " + "\n  ".join(missing))
    search = ENGINES[engine]
    server, base = serve(site)
    loaded: dict[str, int] = defaultdict(int)
    phase = ["view"]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()

            def count(response: Any) -> None:
                url = response.url
                if "/pagefind/" in url or "/search/" in url or "search." in url:
                    with contextlib.suppress(Exception):  # a redirect has no body
                        loaded[phase[0]] += len(response.body())

            page.on("response", count)
            page.goto(base)
            page.wait_for_load_state("networkidle")
            phase[0] = "first"
            start = time.perf_counter()
            search(page, queries[0]["zoek"])
            first = time.perf_counter() - start
            phase[0] = "rest"
            hits = 0
            reciprocal = 0.0
            by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            took: list[float] = []
            for q in queries:
                start = time.perf_counter()
                found = [page_path(u) for u in search(page, str(q["zoek"]))]
                took.append(time.perf_counter() - start)
                expected = set(q["verwacht"])
                rank = next((i + 1 for i, f in enumerate(found) if f in expected), None)
                by_kind[q["soort"]][1] += 1
                if rank is not None and rank <= 5:
                    hits += 1
                    by_kind[q["soort"]][0] += 1
                if rank is not None:
                    reciprocal += 1 / rank
                if show_misses and rank != 1:
                    print(f"  {q['zoek']!r}: rang {rank or '-'}; eerst {found[:3]}")
            browser.close()
    finally:
        server.shutdown()
    n = len(queries)
    recall, mrr = hits / n, reciprocal / n
    took.sort()
    print(f"motor: {engine}   site: {site}   vragen: {n}")
    print(f"recall@5: {recall:.1%}   MRR: {mrr:.3f}")
    for kind, (h, t) in sorted(by_kind.items()):
        print(f"  {kind:<13} {h}/{t}")
    print(
        f"zoekbytes bij het openen van een pagina: {loaded['view']:,}; "
        f"bij de eerste zoekvraag: {loaded['first']:,}; daarna voor {n} vragen: {loaded['rest']:,}"
    )
    print(f"eerste zoekvraag: {first * 1000:.0f} ms; daarna mediaan {took[n // 2] * 1000:.0f} ms")
    return recall, mrr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="kennisbank")
    parser.add_argument("--fouten", action="store_true", help="toon de vragen buiten rang 1")
    args = parser.parse_args()
    recall, mrr = evaluate(args.site.resolve(), args.engine, args.fouten)
    if args.engine == "kennisbank" and (recall < TARGET_RECALL or mrr < TARGET_MRR):
        sys.exit(f"onder het doel (recall@5 ≥ {TARGET_RECALL:.0%}, MRR ≥ {TARGET_MRR})")


if __name__ == "__main__":
    main()
