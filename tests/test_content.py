"""The repository's own content passes every check (what CI runs on each pull request)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from kennisbank import load, validate
from kennisbank.model import Bundel

from conftest import REPO


def test_repository_content_has_no_errors() -> None:
    errors = [d.format() for d in validate(load(REPO)) if d.is_error]
    assert errors == []


def test_every_bundle_file_is_a_bundle_with_chapters() -> None:
    bundels = [e for e in load(REPO).entities if isinstance(e, Bundel)]
    assert sorted(b.path for b in bundels) == sorted(
        f"bundels/{p.name}" for p in (REPO / "bundels").glob("*.md")
    )
    for bundel in bundels:
        assert bundel.hoofdstukken, bundel.id
        assert bundel.bib


def test_year_suffixes_follow_the_reference_list() -> None:
    """2017a comes before 2017b in the list, also where two works tie in the sort (an essay
    that carries its bundle's title)."""
    import re
    from collections import defaultdict

    from kennisbank.links import Graph
    from kennisbank.literature import Literature

    literature = Literature.build(Graph(load(REPO)))
    suffixes: dict[str, list[str]] = defaultdict(list)
    for work in literature.works.values():
        match = re.fullmatch(r"(.*\(\S+?)-?([a-z])\)", work.label)
        if match:
            suffixes[match.group(1)].append(match.group(2))
    assert suffixes, "the real bibliography has works with year suffixes"
    for base, letters in suffixes.items():
        assert letters == sorted(letters), base


def _mkdocs(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        **kwargs,
    )


def test_strict_build_of_the_real_content_passes(tmp_path: Path) -> None:
    """What the README promises: `mkdocs build --strict` (no --quiet) on the repository."""
    process = _mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"))
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output[-3000:]
    assert (tmp_path / "site" / "kwesties" / "index.html").is_file()


def test_mkdocs_serve_starts_on_the_real_content() -> None:
    """`make serve` runs `mkdocs serve` with `strict: true` from mkdocs.yml: it must start,
    whatever warnings the content has."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = _mkdocs("serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload")
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 300
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:  # the server stopped
                break
            lines.append(line)
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in lines), "".join(lines[-40:])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/kwesties/", timeout=30) as page:
            assert page.status == 200
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_page_paths_of_the_real_content_match_the_rendered_site() -> None:
    from kennisbank.links import Graph
    from kennisbank.pages import page_paths, render_site

    graph = Graph(load(REPO))
    assert page_paths(graph) == {p.path for p in render_site(graph.corpus, graph).pages}


def test_every_citation_of_the_real_content_is_formatted() -> None:
    """pandoc prints **key?** for a work it did not get: no page may show one."""
    import re

    from kennisbank import build

    pages = build(REPO).site.pages
    missing = {m for p in pages for m in re.findall(r"\*\*([\w:.+/-]+)\?\*\*", p.content)}
    assert missing == set()
