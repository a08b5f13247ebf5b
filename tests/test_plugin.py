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

from conftest import FIXTURES, write_files

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
        "principes/reeksen/testbundel-2020/vijf-principes-voor-informele-netwerken",
        "bundels/testbundel-2020",
        "begrippen",
        "casussen",
    ]:
        assert (built / page / "index.html").is_file(), page
    html = (built / "kwesties" / "eigen-kracht" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../principes/netwerk-versterken/"' in html
    assert "Principes bij deze kwestie" in html


class _MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and str(found.get("name", "")).startswith("citation_"):
            self.tags.append((str(found["name"]), str(found.get("content"))))


def _citation_tags(page: Path) -> list[tuple[str, str]]:
    parser = _MetaTags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


def test_work_pages_carry_highwire_tags_for_zotero(built: Path) -> None:
    tags = _citation_tags(built / "literatuur" / "jansen2020" / "index.html")
    assert tags == [
        ("citation_title", "Werken met netwerken"),
        ("citation_author", "Jansen, Bram"),
        ("citation_editor", "de Vries, Anna"),
        ("citation_editor", "Jansen, Bram"),
        ("citation_publication_date", "2020"),
        ("citation_inbook_title", "Testbundel over wijkwerk"),
        ("citation_firstpage", "10"),
        ("citation_lastpage", "20"),
        ("citation_publisher", "Hogeschool Voorbeeld"),
    ]
    report = dict(_citation_tags(built / "literatuur" / "waal2016" / "index.html"))
    assert report["citation_technical_report_institution"] == "Hogeschool Utrecht"
    assert report["citation_author"] == "de Waal, Vincent"


def test_bundle_pages_carry_the_tags_of_their_publication(built: Path) -> None:
    tags = dict(_citation_tags(built / "bundels" / "testbundel-2020" / "index.html"))
    assert tags["citation_title"] == "Testbundel over wijkwerk"
    assert tags["citation_publisher"] == "Hogeschool Voorbeeld"
    # pages without a work have no tags
    assert _citation_tags(built / "kwesties" / "eigen-kracht" / "index.html") == []


def test_citations_link_to_work_pages_and_pages_list_their_literature(built: Path) -> None:
    html = (built / "kwesties" / "eigen-kracht" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../literatuur/lipsky1980/">Lipsky, 1980, p. 3</a>' in html
    assert 'De Waal (<a href="../../literatuur/waal2016/">2016</a>)' in html
    section = html[html.index('id="literatuur"') :]
    assert section.count("Over deze bron") == 2
    work = (built / "literatuur" / "lipsky1980" / "index.html").read_text(encoding="utf-8")
    assert "Lipsky, M. (1980)." in work
    assert 'href="../../kwesties/eigen-kracht/"' in work  # Geciteerd in
    code = re.sub(r"<[^>]+>", "", work[work.index('id="bibtex"') :])
    assert "@book{lipsky1980," in code  # the BibTeX to copy


def test_literature_index_has_a_letter_index(built: Path) -> None:
    html = (built / "literatuur" / "index.html").read_text(encoding="utf-8")
    assert 'href="#letter-w"' in html and 'id="letter-w"' in html
    waal = html.index("Waal, V. de (2016)")
    assert html.index('id="letter-w"') < waal  # De Waal files under W


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
    from kennisbank.links import Graph
    from kennisbank.load import load
    from kennisbank.pages import page_paths

    assert set(from_plugin) == page_paths(Graph(load(root)))  # every page, nothing else


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


def _corpus_with(tmp_path: Path, extra: dict[str, str]) -> Path:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    write_files(root, extra)
    return root


_AND_OTHERS = (
    "@book{others2020,\n  author = {Jansen, Bram and others},\n  title = {Een boek},\n"
    "  publisher = {Movisie},\n  year = {2020}\n}\n"
)
_CITES_IT = (
    "---\nterm: Boek\ndefinitie: D.\nbronnen: [{bundel: testbundel-2020}]\n---\n[@others2020]\n"
)


def test_strict_build_with_a_content_warning_passes_and_shows_it(tmp_path: Path) -> None:
    root = _corpus_with(
        tmp_path, {"bibliography/others.bib": _AND_OTHERS, "begrippen/boek.md": _CITES_IT}
    )
    result = _build(root, root / "site")  # --strict, without --quiet
    assert result.returncode == 0, result.stderr
    assert "others.bib:2:1: waarschuwing: ‘others2020’ gebruikt ‘and others’" in result.stderr
    assert "1 waarschuwing(en)" in result.stderr
    assert (root / "site" / "begrippen" / "boek" / "index.html").is_file()


def test_strict_build_with_a_content_error_fails_and_names_it(tmp_path: Path) -> None:
    broken = _CITES_IT.replace("[@others2020]", "Zie [[bestaat-niet]].")
    root = _corpus_with(tmp_path, {"begrippen/boek.md": broken})
    result = _build(root, root / "site")
    assert result.returncode == 1
    assert "begrippen/boek.md:6:5: fout: De link [[bestaat-niet]]" in result.stderr
    assert "1 fout(en) in de inhoud" in result.stderr
