"""The preview shows the check's findings where the lector looks: a banner on the page, all of
them at /meldingen/, and a stand-in page for a file that cannot be read; `mkdocs serve` builds
despite errors, `mkdocs build --strict` still stops (test_plugin.py)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from kennisbank import build

from conftest import FIXTURES, write_files

BROKEN_LINK = "Zie [[bestaat-niet]].\n"
NBSP_HEADER = "---\ntitel: K\nsamenvatting: S\nbronnen:\n\u00a0 - {bundel: testbundel-2020}\n---\n"


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "valid"
    shutil.copytree(FIXTURES / "valid", root)
    page = root / "casussen" / "wijkpunt-zuid.md"
    page.write_text(page.read_text(encoding="utf-8") + BROKEN_LINK, encoding="utf-8")
    write_files(root, {"kwesties/uit-word.md": NBSP_HEADER})
    return root


def test_preview_pages_carry_the_findings(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    pages = {p.path: p.content for p in build(root, preview=True).site.pages}
    overview = pages["meldingen/index.md"]
    assert "## casussen/wijkpunt-zuid.md" in overview
    assert "De link \\[\\[bestaat-niet\\]\\] wijst naar een pagina die niet bestaat." in overview
    assert "## kwesties/uit-word.md" in overview and "vaste spatie" in overview
    case = pages["casussen/wijkpunt-zuid.md"]
    title_end = case.index("\n# ") + 1
    banner = case.index('!!! failure "Meldingen bij deze pagina"')
    assert banner > title_end  # under the title
    assert "[Alle meldingen](../meldingen/index.md)" in case
    assert "vaste spatie" in pages["kwesties/uit-word.md"]  # the stand-in page
    # without preview: no findings page, no banners, no stand-ins
    plain = {p.path: p.content for p in build(root).site.pages}
    assert "meldingen/index.md" not in plain and "kwesties/uit-word.md" not in plain
    assert "Meldingen bij deze pagina" not in plain["casussen/wijkpunt-zuid.md"]


def test_mkdocs_serve_shows_errors_in_the_browser(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in lines), "".join(lines[-40:])

        def get(path: str) -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as page:
                assert page.status == 200
                return str(page.read().decode("utf-8"))

        overview = get("/meldingen/")
        assert "De link [[bestaat-niet]] wijst naar een pagina die niet bestaat." in overview
        assert "Meldingen bij deze pagina" in get("/casussen/wijkpunt-zuid/")
        assert "vaste spatie" in get("/kwesties/uit-word/")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
