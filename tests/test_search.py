"""Search: the `zoeken` metadata, its Pagefind attributes, and the built site searched in a
real browser (accent-less, inflected, abbreviated and unmatched queries)."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kennisbank.pagefind import annotate, metadata
from kennisbank.pages.search import acronym, search_meta

REPO = Path(__file__).parent.parent

ARTICLE = '<html><body><article class="md-content__inner md-typeset"><h1>T</h1></article></body>'


def test_acronym_of_a_long_term_only() -> None:
    assert acronym("New Public Management") == "NPM"
    assert acronym("Eigen Kracht-conferentie") == "EKC"
    assert acronym("Eigen regie") is None


def test_search_meta_ranks_kwesties_above_literature() -> None:
    kwestie, werk = search_meta("kwestie"), search_meta("werk")
    assert (kwestie["label"], werk["label"]) == ("Kwestie", "Literatuur")
    assert kwestie["gewicht"] > werk["gewicht"]
    meta = search_meta("principe", soort="competentie", bundels=["A", "A", "B"], tags=[])
    assert meta["subsoort"] == "competentie"
    assert meta["bundels"] == ["A", "B"]
    assert "tags" not in meta


def test_annotate_marks_the_article_and_escapes_every_value() -> None:
    evil = '"><script>alert(1)</script>'
    zoeken = search_meta("begrip", bundels=[evil], tags=[evil], termen=[evil, "ZRM"])
    out = annotate(ARTICLE, zoeken)
    assert "<article data-pagefind-body " in out
    assert "<script>" not in out
    assert 'data-pagefind-filter="bundel[data-kb]"' in out
    assert "&quot;&gt;&lt;script&gt;" in out
    assert 'data-pagefind-weight="7">' in out and "ZRM" in out
    assert out.index("kb-zoekinfo") < out.index("</article>")


def test_annotate_leaves_a_page_without_article_alone() -> None:
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=../x/"></head></html>'
    assert annotate(redirect, search_meta("kwestie")) == redirect


def test_metadata_keeps_commas_inside_a_value() -> None:
    block = metadata(search_meta("casus", bundels=["Kwesties, keuzes: 2017"]))
    assert 'data-kb="Kwesties, keuzes: 2017"' in block


# --- The real site, searched in Chromium --------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zoeken") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return site


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    page = browser.new_page()
    page.goto(site_url + "kwesties/eigen-kracht-als-norm/")
    try:
        yield page
    finally:
        page.close()


def _search(page: Any, query: str) -> list[dict[str, str]]:
    box = page.locator("#kb-zoek-invoer")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('#kb-zoek-paneel').dataset.vraag === q",
        arg=query,
        timeout=20_000,
    )
    results: list[dict[str, str]] = page.evaluate(
        "() => [...document.querySelectorAll('.kb-zoek__resultaat a')].map(a => ({"
        " href: new URL(a.href).pathname,"
        " soort: a.querySelector('.kb-zoek__soort').textContent,"
        " titel: a.querySelector('.kb-zoek__titel').textContent }))"
    )
    return results


def test_the_index_is_not_loaded_before_someone_searches(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(site_url + "kwesties/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in loaded if "/pagefind/" in u or "search_index" in u]
    _search(page, "wijkteam")
    assert [u for u in loaded if "/pagefind/" in u]
    page.close()


@pytest.mark.parametrize(
    ("query", "expected", "within"),
    [
        ("clientenraden verantwoording", "/begrippen/informele-verantwoording/", 5),
        ("casuistiekbespreking", "/principes/aanbeveling-zaanstad-casuistiekbespreking/", 5),
        ("discontinuiteit", "/kwesties/discontinuiteit-in-wijkteams/", 1),
        ("vrijwilligers", "/begrippen/vrijwilliger/", 1),
        ("mantelzorgers", "/begrippen/mantelzorg/", 3),
        ("ZRM", "/begrippen/zelfredzaamheidsmatrix/", 1),
        ("tacit knowledge", "/begrippen/handelingskennis/", 1),
    ],
)
def test_search_finds_the_page_a_student_means(
    page: Any, query: str, expected: str, within: int
) -> None:
    hrefs = [r["href"] for r in _search(page, query)]
    assert expected in hrefs[:within], hrefs


def test_each_result_shows_its_kind(page: Any) -> None:
    results = _search(page, "zelfredzaam")
    kinds = {r["soort"].split(" · ")[0] for r in results}
    assert {"Begrip", "Kwestie"} <= kinds, results
    assert results[0]["soort"] != "Literatuur"


def test_a_filter_keeps_only_that_kind(page: Any) -> None:
    assert len({r["soort"] for r in _search(page, "vertrouwen")}) > 1
    page.select_option(".kb-zoek__filter[data-filter=soort]", "Kwestie")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kb-zoek__soort')].length > 0 &&"
        " [...document.querySelectorAll('.kb-zoek__soort')].every(s => s.textContent === 'Kwestie')",
        timeout=20_000,
    )


def test_no_match_offers_the_overviews(page: Any) -> None:
    # A compound the site does not have still finds pages on its parts (Pagefind).
    assert _search(page, "wijkteamprofessional")
    # One word that matches nothing does not empty a query that otherwise matches.
    assert _search(page, "vrijwilligers qqxqzv")[0]["href"] == "/begrippen/vrijwilliger/"
    # Nothing at all: the begrippen A–Z and the other overviews.
    assert _search(page, "qqxqzv") == []
    assert page.locator(".kb-zoek__status").text_content() == "Niets gevonden voor ‘qqxqzv’."
    links = page.locator(".kb-zoek__overzichten a")
    assert links.first.text_content() == "Begrippen van A tot Z"
    assert (links.first.get_attribute("href") or "").endswith("/begrippen/")
