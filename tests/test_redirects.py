"""Renames never break links: the old URL of a renamed page redirects to the new one, in a
real `mkdocs build --strict`; a reference left at the old id fails the build."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kennisbank import load, render_site
from test_plugin import _build

from conftest import FIXTURES

OLD, NEW = "eigen-kracht", "eigen-kracht-als-norm"


def _rename(root: Path, update_references: bool) -> None:
    """Rename kwesties/eigen-kracht.md as a lector would: new file name, old id recorded."""
    old = root / "kwesties" / f"{OLD}.md"
    text = old.read_text(encoding="utf-8").replace("---\n", f"---\nvorige_ids: [{OLD}]\n", 1)
    (root / "kwesties" / f"{NEW}.md").write_text(text, encoding="utf-8")
    old.unlink()
    if update_references:
        for name in ("principes/netwerk-versterken.md", "kwesties/generalist-specialist.md"):
            page = root / name
            page.write_text(
                page.read_text(encoding="utf-8").replace(f"[{OLD}]", f"[{NEW}]"), encoding="utf-8"
            )


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta_refresh: str | None = None
        self.canonical: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.meta_refresh = values.get("content")
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("renamed") / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    _rename(root, update_references=True)
    result = _build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_old_url_redirects_to_the_new_page(renamed_site: Path) -> None:
    old_page = renamed_site / "kwesties" / OLD / "index.html"
    head = _Head()
    head.feed(old_page.read_text(encoding="utf-8"))
    assert head.meta_refresh == f"0; url=../{NEW}/"
    assert head.canonical == f"../{NEW}/"
    assert head.links == [f"../{NEW}/"]
    # The target, resolved from the old address as a browser would, is the new page.
    target = (old_page.parent / f"../{NEW}/index.html").resolve()
    assert target == (renamed_site / "kwesties" / NEW / "index.html").resolve()
    assert "Eigen kracht als norm" in target.read_text(encoding="utf-8")


def test_redirect_is_not_in_search_nav_or_sitemap(renamed_site: Path) -> None:
    index = json.loads((renamed_site / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith(f"kwesties/{OLD}/")]
    assert f"/kwesties/{OLD}/" not in (renamed_site / "sitemap.xml").read_text(encoding="utf-8")
    # The navigation (pruned to the current section) lists the new page, not the old one.
    sibling = (renamed_site / "kwesties" / "generalist-specialist" / "index.html").read_text(
        "utf-8"
    )
    assert f'href="../{NEW}/"' in sibling
    assert f'href="../{OLD}/"' not in sibling


def test_reference_to_the_old_id_fails_the_build_with_the_new_id(tmp_path: Path) -> None:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    _rename(root, update_references=False)
    result = _build(root, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "principes/netwerk-versterken.md:7:12: fout: ‘eigen-kracht’ in ‘kwesties’ bestaat niet.\n"
        "    → ‘eigen-kracht’ is hernoemd en heet nu ‘eigen-kracht-als-norm’ "
        "(kwesties/eigen-kracht-als-norm.md): schrijf ‘eigen-kracht-als-norm’."
    ) in result.stderr


def test_clashing_old_id_gets_no_redirect_page(valid_corpus: Path) -> None:
    """An old id that is a live id must not overwrite that live page's address."""
    page = valid_corpus / "kwesties" / "generalist-specialist.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("---\n", f"---\nvorige_ids: [{OLD}]\n", 1),
        encoding="utf-8",
    )
    paths = [p.path for p in render_site(load(valid_corpus)).pages]
    assert f"kwesties/{OLD}.md" in paths
    assert not [p for p in paths if p.endswith(".html")]
