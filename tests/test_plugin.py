"""A real `mkdocs build --strict` of the fixture corpus through the plugin."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kennisbank.cli import main

from conftest import FIXTURES

MKDOCS = [sys.executable, "-m", "mkdocs"]


def _build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
        check=False,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    site = root / "site"
    result = _build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def test_strict_build_writes_every_generated_page(built: Path) -> None:
    for page in [
        "kwesties/eigen-kracht",
        "principes/reeksen/vijf-principes-voor-informele-netwerken",
        "bundels/testbundel-2020",
        "begrippen",
        "casussen",
    ]:
        assert (built / page / "index.html").is_file(), page
    html = (built / "kwesties" / "eigen-kracht" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../principes/netwerk-versterken/"' in html
    assert "Principes bij deze kwestie" in html


def test_nothing_is_written_into_docs(built: Path) -> None:
    docs = built.parent / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["index.md"]


def test_plugin_pages_equal_generate_output(built: Path, tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    root = built.parent
    config = load_config(str(root / "mkdocs.yml"))
    files = config.plugins.on_files(Files([]), config=config)
    from_plugin = {f.src_uri: f.content_string for f in files if f.generated_by}
    assert main(["--root", str(root), "generate", str(tmp_path / "out")]) == 0
    from_cli = {
        p.relative_to(tmp_path / "out").as_posix(): p.read_text(encoding="utf-8")
        for p in (tmp_path / "out").rglob("*.md")
    }
    assert from_plugin == from_cli
    assert len(from_plugin) == 21  # 16 content pages, 4 works and the literature index


def test_content_error_fails_the_strict_build(tmp_path: Path) -> None:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    page = root / "casussen" / "wijkpunt-zuid.md"
    page.write_text(page.read_text(encoding="utf-8") + "Zie [[bestaat-niet]].\n", encoding="utf-8")
    result = _build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "casussen/wijkpunt-zuid.md:8:5: fout: De link [[bestaat-niet]]" in result.stderr


def test_broken_link_in_hand_written_page_fails_the_strict_build(tmp_path: Path) -> None:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    (root / "docs" / "index.md").write_text(
        "# Home\n\n[weg](kwesties/weg.md) [anker](kwesties/index.md#nergens)\n"
    )
    result = _build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "kwesties/weg.md" in result.stderr
    assert "'#nergens'" in result.stderr  # a missing anchor counts too


class _Resources(HTMLParser):
    """Collects every URL the browser would fetch: scripts, styles, images, icons, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and values.get(
            "src"
        ):
            self.urls.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.urls.append(values["href"] or "")
        if tag == "a" and values.get("href"):
            self.urls.append(values["href"] or "")


def test_built_html_references_no_other_host(built: Path) -> None:
    """No page loads or links anything from another host (offline use, no tracking)."""
    foreign: set[str] = set()
    for page in built.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        foreign.update(u for u in parser.urls if re.match(r"^(https?:)?//", u))
    for css in built.rglob("*.css"):
        foreign.update(
            re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8"))
        )
    assert foreign == set()


def test_serve_watches_every_content_folder(built: Path) -> None:
    from mkdocs.config import load_config

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    root = built.parent
    config = load_config(str(root / "mkdocs.yml"))
    server = Server()
    config.plugins["kennisbank"].on_serve(server, config=config, builder=None)
    watched = sorted(Path(p).name for p in server.watched)
    assert watched == ["begrippen", "bibliography", "bundels", "casussen", "kwesties", "principes"]
