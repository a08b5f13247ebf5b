"""`kennisbank diff`: what changes for readers between two commits of a temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kennisbank.cli import main
from kennisbank.diff import compare
from kennisbank.revision import RevisionCorpus

from conftest import FIXTURES

EXTRA_BIB = """
@article{hoek2018,
  author = {van der Hoek, Lia},
  title = {Buurtwerk en wijkteams},
  journal = {Vakblad Sociaal Werk},
  year = {2018}
}

@book{oud2000,
  author = {Oud, Otto},
  title = {Een oud boek},
  year = {2000},
  publisher = {Uitgever}
}
"""

NEW_BIB = """
@book{jager2019,
  author = {Jager-Vreugdenhil, Marja and Jansen, Erik and Sprinkhuizen, Ard},
  title = {Samen doen},
  year = {2019},
  publisher = {Hogeschool Viaa}
}
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Lector", "-c", "user.email=lector@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two commits: `base` (the valid fixture plus two works) and `head` (a lector's PR)."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    bib = root / "bibliography" / "literatuur.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + EXTRA_BIB, encoding="utf-8")
    _edit(root / "kwesties" / "generalist-specialist.md", "@lipsky1980]", "@lipsky1980; @hoek2018]")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    _git(root, "tag", "base")

    # Renamed with vorige_ids (references updated): the old address redirects.
    old = root / "kwesties" / "eigen-kracht.md"
    _edit(old, "---\n", "---\nvorige_ids: [eigen-kracht]\n")
    _git(root, "mv", "kwesties/eigen-kracht.md", "kwesties/eigen-kracht-als-norm.md")
    for name in ("principes/netwerk-versterken.md", "kwesties/generalist-specialist.md"):
        _edit(root / name, "[eigen-kracht]", "[eigen-kracht-als-norm]")
    # Renamed without vorige_ids: same content, the old address disappears.
    _git(root, "mv", "casussen/wijkpunt-zuid.md", "casussen/wijkpunt-zuid-2020.md")
    # Removed.
    _git(root, "rm", "-q", "principes/teamleider-faciliteert.md")
    # Added, with a new relation and a newly cited new work.
    (root / "begrippen" / "buurt.md").write_text(
        "---\nterm: Buurt\ndefinitie: Een deel van een wijk.\nverwant: [netwerk]\n"
        "bronnen: [{bundel: testbundel-2020}]\n---\nZie @jager2019.\n",
        encoding="utf-8",
    )
    # A relation lost, a citation dropped, a work removed and one added.
    _edit(root / "begrippen" / "eigen-kracht-begrip.md", "verwant: [netwerk]\n", "")
    _edit(root / "kwesties" / "generalist-specialist.md", "; @hoek2018]", "]")
    bib.write_text(
        bib.read_text(encoding="utf-8").split("@book{oud2000")[0].rstrip() + "\n" + NEW_BIB,
        encoding="utf-8",
    )
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "head")
    return root


def test_compare_two_commits(repo: Path) -> None:
    with RevisionCorpus(repo, "base") as base, RevisionCorpus(repo, "HEAD") as head:
        changes = compare(base, head)
    assert [r.id for r in changes.added] == ["buurt"]
    assert [r.id for r in changes.removed] == ["teamleider-faciliteert"]
    assert [(r.old.id, r.new.id, r.redirect) for r in changes.renamed] == [
        ("wijkpunt-zuid", "wijkpunt-zuid-2020", False),
        ("eigen-kracht", "eigen-kracht-als-norm", True),
    ]
    assert {(c.ref.id, c.keys, c.body) for c in changes.changed} == {
        ("eigen-kracht-begrip", ("verwant",), False),
        ("generalist-specialist", ("verwant",), True),
        ("netwerk-versterken", ("kwesties",), False),
    }
    assert [(a.id, b.id) for a, b in changes.relations_gained] == [("buurt", "netwerk")]
    assert [(a.id, b.id) for a, b in changes.relations_lost] == [("eigen-kracht-begrip", "netwerk")]
    assert changes.works_added == [
        "jager2019 — Jager-Vreugdenhil e.a. (2019), Samen doen",
    ]
    assert changes.works_removed == ["oud2000 — Oud (2000), Een oud boek"]
    assert changes.newly_cited == ["jager2019 — Jager-Vreugdenhil e.a. (2019), Samen doen"]
    assert changes.no_longer_cited == ["hoek2018 — van der Hoek (2018), Buurtwerk en wijkteams"]
    # The redirected rename keeps its address; the other rename and the removal lose theirs.
    # ... and so does the removed work's own page under literatuur/
    assert changes.urls_lost == [
        "/casussen/wijkpunt-zuid/",
        "/literatuur/oud2000/",
        "/principes/teamleider-faciliteert/",
    ]


def test_compare_never_formats_the_literature(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """URLs follow from page paths; running pandoc for them cost ~4 of diff's 5 s."""
    import kennisbank.citeproc as citeproc

    def no_pandoc(*args: object, **kwargs: object) -> None:
        raise AssertionError("diff ran pandoc")

    monkeypatch.setattr(citeproc, "format_once", no_pandoc)
    with RevisionCorpus(repo, "base") as base, RevisionCorpus(repo, "HEAD") as head:
        assert "/literatuur/oud2000/" in compare(base, head).urls_lost


def test_cli_markdown_for_the_job_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "diff", "base", "HEAD", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "## Wat verandert er voor lezers\n\nVan `base` naar `HEAD`: **1 nieuw · 2 hernoemd · "
        "1 verwijderd · 3 gewijzigd · 3 verdwenen adres(sen)**\n"
    )
    assert (
        "- Casus ‘Wijkpunt Zuid’: `wijkpunt-zuid` → `wijkpunt-zuid-2020`: ⚠ het oude adres `/casussen/wijkpunt-zuid/` werkt niet meer — "
        "zet `vorige_ids: [wijkpunt-zuid]` in `casussen/wijkpunt-zuid-2020.md`\n"
    ) in out
    assert (
        "### Adressen die verdwijnen (zonder doorverwijzing)\n\n- `/casussen/wijkpunt-zuid/`" in out
    )
    assert "- Begrip ‘Buurt’ ↔ Begrip ‘Informeel netwerk’\n" in out


def test_cli_without_head_compares_with_the_work_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wat verandert er voor lezers (van HEAD naar je werkmap): 0 nieuw")
    assert "Niets: geen pagina, verband, bron of adres verandert." in out


def test_cli_refuses_an_unknown_revision_in_dutch(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo), "diff", "bestaat-niet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fout: De versie ‘bestaat-niet’ bestaat niet in deze git-opslag.\n    → ")
    assert "Traceback" not in err


def test_short_branch_name_falls_back_to_origin(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    _git(clone, "switch", "-q", "-c", "werk")
    _git(clone, "branch", "-q", "-D", "main")  # like a lector's branch made from origin/main
    assert main(["--root", str(clone), "diff", "main"]) == 0
    assert "van main naar je werkmap): 0 nieuw" in capsys.readouterr().out


def test_cli_outside_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "diff", "HEAD"]) == 1
    assert "is geen git-opslag" in capsys.readouterr().err


def test_long_lists_fold_in_the_job_summary(monkeypatch: pytest.MonkeyPatch, repo: Path) -> None:
    import kennisbank.diff as diff

    with RevisionCorpus(repo, "base") as base, RevisionCorpus(repo, "HEAD") as head:
        changes = compare(base, head)
    monkeypatch.setattr(diff, "FOLD_AFTER", 2)
    out = diff.format_markdown(changes, "base", "HEAD")
    assert "### Adressen die verdwijnen (zonder doorverwijzing) (3)\n\n<details>" in out
    assert "### Nieuwe pagina's\n\n- " in out  # one item: no fold
