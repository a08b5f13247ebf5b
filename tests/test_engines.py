"""Engine independence: the generated pages built by Zensical, the plugin run by ProperDocs.

Material for MkDocs gets security fixes until 2027-05-05 and MkDocs 2.0 has no plugin system.
These tests keep two ways out open (README, "Andere bouwers"): Zensical, which runs no
third-party plugins, builds what `kennisbank generate` writes; ProperDocs, the continuation of
MkDocs 1.6, runs our plugin. Both engines come from the `engines` extra (`make test` installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from kennisbank.cli import main

from conftest import FIXTURES, REPO

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
OLD_ID = "oude-naam"  # an old id of kwesties/eigen-kracht, so that a redirect page is generated


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
        timeout=120,
    )


def _corpus(target: Path) -> Path:
    """A copy of the valid fixture corpus, with one redirect (a finished HTML page)."""
    shutil.copytree(FIXTURES / "valid", target)
    page = target / "kwesties" / "eigen-kracht.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", f"---\nvorige_ids: [{OLD_ID}]\n", 1), encoding="utf-8")
    return target


def _generate(root: Path, docs: Path) -> set[str]:
    """`kennisbank generate` into `docs`, then the hand-written pages; the generated paths."""
    assert main(["--root", str(root), "generate", str(docs)]) == 0
    generated = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    shutil.copytree(root / "docs", docs, dirs_exist_ok=True)
    return generated


def _html_path(source: str) -> str:
    """Where a docs file ends up with directory URLs: a.md → a/index.html, a/index.md → a/index.html."""
    if source.endswith(".html"):
        return source
    stem = source.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def _html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _expected(generated: set[str]) -> set[str]:
    """Every generated page, the hand-written start page and the engine's own 404 page."""
    return {_html_path(p) for p in generated} | {"index.html", "404.html"}


class _Text(HTMLParser):
    """The text a reader sees, without code blocks (where markup is meant literally)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            self.parts.append(data)


# Markdown that reached the HTML as text: an extension the pages need but the engine lacks.
UNRENDERED = re.compile(r"!!!|\?\?\?|===|\{\s*[#.:]|\[\[|\[@|\]\(|\|\s*---|:material-|:octicons-")


def _unrendered(page: Path) -> list[str]:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    text = "".join(parser.parts)
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in UNRENDERED.finditer(text)]


# --- Zensical: no plugins, so it builds the output of `kennisbank generate` -------------------


@pytest.fixture(scope="module")
def zensical_minimal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """Generated pages next to a minimal config: no theme settings, no plugins, only the
    Markdown extensions that the repository's mkdocs.yml declares (Python-Markdown, PyMdown)."""
    work = tmp_path_factory.mktemp("zensical")
    corpus = _corpus(work / "corpus")
    generated = _generate(corpus, work / "docs")
    declared = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "Kennisbank",
        "docs_dir": "docs",
        "site_dir": "site",
        "markdown_extensions": declared["markdown_extensions"],
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    # --strict: a link or anchor between pages that Zensical cannot resolve fails the build
    result = _run("zensical", "build", "--clean", "--strict", cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site", generated


def test_zensical_builds_a_page_for_every_generated_page(
    zensical_minimal: tuple[Path, set[str]],
) -> None:
    site, generated = zensical_minimal
    assert f"kwesties/{OLD_ID}/index.html" in generated  # the redirect is among them
    assert _html_pages(site) == _expected(generated)


def test_zensical_copies_redirect_pages_as_they_are(
    zensical_minimal: tuple[Path, set[str]],
) -> None:
    site, _ = zensical_minimal
    html = (site / "kwesties" / OLD_ID / "index.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert '<meta http-equiv="refresh" content="0; url=../eigen-kracht/">' in html


def test_zensical_renders_all_generated_markup(zensical_minimal: tuple[Path, set[str]]) -> None:
    site, _ = zensical_minimal
    leftovers = {p: found for p in _html_pages(site) if (found := _unrendered(site / p))}
    assert leftovers == {}
    html = (site / "kwesties" / "eigen-kracht" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../principes/netwerk-versterken/"' in html  # links between pages
    assert '<a href="../../literatuur/lipsky1980/">Lipsky, 1980, p. 3</a>' in html  # citations
    assert 'class="admonition abstract"' in html
    assert 'class="kb-samenvatting"' in html  # attr_list


def test_unrendered_markup_is_detected(tmp_path: Path) -> None:
    """The check above sees it when the engine lacks an extension the pages use."""
    page = tmp_path / "page.html"
    page.write_text(
        '<p>!!! note "Let op"</p><p>Zie [[netwerk]].</p><pre><code>[[code]]</code></pre>',
        encoding="utf-8",
    )
    assert len(_unrendered(page)) == 2


def test_zensical_strict_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    """The strict build above proves the links only if Zensical's --strict checks them."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Home\n\n[weg](kwesties/weg.md) [anker](index.md#nergens)\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: K\n", encoding="utf-8")
    result = _run("zensical", "build", "--clean", "--strict", cwd=tmp_path)
    assert result.returncode != 0
    assert "page does not exist" in result.stdout + result.stderr
    assert "anchor does not exist" in result.stdout + result.stderr


def _foreign_resources(site: Path) -> set[str]:
    """URLs on another host that a browser would fetch (scripts, styles, fonts, images)."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        found.update(
            re.findall(
                r"<(?:link|script|img|iframe|source)\b[^>]*?(?:href|src)=\"((?:https?:)?//[^\"]+)",
                page.read_text(encoding="utf-8"),
            )
        )
    for css in site.rglob("*.css"):
        found.update(
            re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8"))
        )
    return found


def test_make_zensical_builds_the_fixture_with_the_repository_config(tmp_path: Path) -> None:
    """The steps of `make zensical`, with the repository's zensical.yml (INHERIT: mkdocs.yml)."""
    root = _corpus(tmp_path / "valid")
    shutil.copy(REPO / "zensical.yml", root)
    config = yaml.safe_load((root / "zensical.yml").read_text(encoding="utf-8"))
    generated = _generate(root, root / config["docs_dir"])
    result = _run("zensical", "build", "--clean", "--strict", "-f", "zensical.yml", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"  # site_dir from mkdocs.yml: `make zensical` replaces `make site`
    assert _html_pages(site) == _expected(generated)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in index  # theme settings inherited from mkdocs.yml
    assert "assets/stylesheets/classic/" in index  # the look of Material (theme.variant)
    assert _foreign_resources(site) == set()  # font: false is inherited: no Google Fonts


# --- ProperDocs: the continuation of MkDocs 1.6 runs the plugin -----------------------------


def _strip_generator(html: str) -> str:
    return re.sub(r'<meta name="generator" content="[^"]*">', "", html)


@pytest.fixture(scope="module")
def properdocs_and_mkdocs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("properdocs") / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    sites = []
    for engine in ("properdocs", "mkdocs"):
        site = root.parent / f"site-{engine}"
        args = ("build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site))
        result = _run(engine, *args, cwd=root)
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return sites[0], sites[1]


def test_properdocs_runs_the_plugin(
    properdocs_and_mkdocs: tuple[Path, Path], tmp_path: Path
) -> None:
    site, _ = properdocs_and_mkdocs
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs ' in index  # not MkDocs itself
    generated = _generate(FIXTURES / "valid", tmp_path / "docs")
    assert _html_pages(site) == _expected(generated)


def test_properdocs_builds_the_same_site_as_mkdocs(
    properdocs_and_mkdocs: tuple[Path, Path],
) -> None:
    """Navigation, citation tags, search index: every plugin hook runs under ProperDocs too."""
    properdocs, mkdocs = properdocs_and_mkdocs
    assert _html_pages(properdocs) == _html_pages(mkdocs)
    different = [
        page
        for page in sorted(_html_pages(mkdocs))
        if _strip_generator((properdocs / page).read_text(encoding="utf-8"))
        != _strip_generator((mkdocs / page).read_text(encoding="utf-8"))
    ]
    assert different == []
    index = "search/search_index.json"
    assert (properdocs / index).read_bytes() == (mkdocs / index).read_bytes()
    work = (properdocs / "literatuur" / "jansen2020" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="Werken met netwerken">' in work


def test_content_error_fails_the_strict_properdocs_build(tmp_path: Path) -> None:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    page = root / "casussen" / "wijkpunt-zuid.md"
    page.write_text(page.read_text(encoding="utf-8") + "Zie [[bestaat-niet]].\n", encoding="utf-8")
    result = _run("properdocs", "build", "--strict", "-f", "mkdocs.yml", cwd=root)
    assert result.returncode == 1
    assert "casussen/wijkpunt-zuid.md:8:5: fout: De link [[bestaat-niet]]" in result.stderr


# --- The core's Markdown stays plain --------------------------------------------------------

TEMPLATES = REPO / "src" / "kennisbank"
# Syntax that only Material for MkDocs (theme or its plugins) understands, and where it may be.
MATERIAL_ONLY = re.compile(
    r"\.md-[a-z-]+|:(?:material|octicons|fontawesome|simple)-|\{\s*\.annotate"
)
ALLOWED = {("werk.md.j2", ".md-button")}  # the "Naar de bron" button on a work page


def test_material_only_syntax_stays_in_the_templates_that_need_it() -> None:
    found = {
        (template.name, match)
        for template in TEMPLATES.rglob("*.j2")
        for match in MATERIAL_ONLY.findall(template.read_text(encoding="utf-8"))
    }
    assert found == ALLOWED
