"""Untrusted input never becomes markup or code in the built site.

Every field of every file arrives by pull request from the internet. Text payloads (HTML,
Markdown attribute lists, Jinja) must come out as text in a real `mkdocs build --strict`;
URL payloads are errors, and even then no template writes the URL.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kennisbank import build
from kennisbank.urls import BODY_SCHEMES, url_problem

from conftest import FIXTURES, write_files

HTML_PAYLOAD = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
ATTR_PAYLOAD = "Titel { onclick=alert(3) }"
JINJA_PAYLOAD = "{{ 7*7 }} {% raw %}"


class _Markup(HTMLParser):
    """Collects what would run in a browser: script elements, event handlers, and links or
    sources whose scheme the URL policy refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            unsafe_url = name in ("href", "src", "action", "formaction") and bool(
                value and url_problem(value, schemes=BODY_SCHEMES, relative=True)
            )
            if name.startswith("on") or unsafe_url:
                self.found.append(f"<{tag} {name}={value}>")
        src = dict(attrs).get("src") or ""
        if tag == "script" and src and "assets/javascripts/" not in src:
            self.found.append(f"<script src={src}>")

    def handle_data(self, data: str) -> None:
        if "alert(2)" in data and self.lasttag == "script":
            self.found.append("<script>alert(2)</script>")


def _markup_in(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        parser = _Markup()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {item}" for item in parser.found]
    return found


def _payload_corpus(root: Path) -> None:
    shutil.copytree(FIXTURES / "valid", root)
    write_files(
        root,
        {
            "kwesties/payload.md": (
                "---\n"
                f"titel: '{HTML_PAYLOAD}'\n"
                f"kort: '{ATTR_PAYLOAD}'\n"
                f"samenvatting: '{JINJA_PAYLOAD} {HTML_PAYLOAD}'\n"
                f"concept: '{ATTR_PAYLOAD}'\n"
                f"vragen: ['{HTML_PAYLOAD}', '{JINJA_PAYLOAD}']\n"
                f"over_de_bron: '{HTML_PAYLOAD} {JINJA_PAYLOAD}'\n"
                "bronnen: [{bundel: testbundel-2020, sectie: '" + HTML_PAYLOAD + "'}]\n"
                f"tags: ['{ATTR_PAYLOAD}']\n"
                "---\n"
                "Tekst met {{ 7*7 }} en [[payload]] en [[eigen-kracht]].\n\n"
                "Een wijkaanvalsterm in de tekst.\n"
            ),
            "begrippen/payload-begrip.md": (
                "---\n"
                f"term: '{HTML_PAYLOAD}'\n"
                f"definitie: '{ATTR_PAYLOAD} {JINJA_PAYLOAD}'\n"
                f"synoniemen: ['{HTML_PAYLOAD}']\n"
                "bronnen: [{bundel: testbundel-2020}]\n"
                "---\n"
                "Zie [@payload2020].\n"
            ),
            # a glossary link: the definition becomes the link's tooltip
            "begrippen/wijkaanvalsterm.md": (
                "---\n"
                "term: Wijkaanvalsterm\n"
                f"definitie: '{HTML_PAYLOAD} {ATTR_PAYLOAD} \\\" ) {JINJA_PAYLOAD}'\n"
                "bronnen: [{bundel: testbundel-2020}]\n"
                "---\n"
            ),
            "bibliography/payload.bib": (
                "@book{payload2020,\n"
                "  author = {Jansen, Bram},\n"
                "  title = {" + HTML_PAYLOAD + " " + JINJA_PAYLOAD + "},\n"
                "  publisher = {<b onmouseover=alert(4)>Uitgever</b>},\n"
                "  note = {" + HTML_PAYLOAD + "},\n"
                "  year = {2020},\n"
                "  abstract = {```` <script>alert(2)</script> ````},\n"
                "  file = {Jansen.pdf:/Users/bram/Zotero/storage/AB12/Jansen.pdf:application/pdf},\n"
                "  owner = {eigenaar-x9}\n"
                "}\n"
            ),
        },
    )


def _mkdocs_build(root: Path, preview: bool) -> subprocess.CompletedProcess[str]:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    if preview:
        env["KENNISBANK_VOORBEELD"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def payload_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("payload") / "corpus"
    _payload_corpus(root)
    return root


@pytest.fixture(scope="module")
def payload_site(payload_root: Path) -> Path:
    """HTML in a field is an error, so the payload site is built as a preview: the findings
    (which quote the payloads) are on the pages and at /meldingen/, and must stay text too."""
    result = _mkdocs_build(payload_root, preview=True)
    assert result.returncode == 0, result.stderr
    return payload_root / "site"


def test_payloads_in_fields_stop_the_real_build(payload_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(payload_root, root, ignore=shutil.ignore_patterns("site"))
    result = _mkdocs_build(root, preview=False)
    assert result.returncode != 0
    assert "HTML is niet toegestaan in ‘titel’" in result.stderr
    assert "fout(en) in de inhoud" in result.stderr
    assert not (root / "site" / "meldingen").exists()


def test_findings_are_shown_as_text(payload_site: Path) -> None:
    overview = (payload_site / "meldingen" / "index.html").read_text(encoding="utf-8")
    assert "HTML is niet toegestaan in ‘titel’" in overview
    assert "&lt;img src=x onerror=alert(1)&gt;" in overview  # quoted, escaped
    page = (payload_site / "kwesties" / "payload" / "index.html").read_text(encoding="utf-8")
    assert "Meldingen bij deze pagina" in page and 'href="../../meldingen/"' in page


def test_private_bibtex_fields_are_not_published(payload_site: Path) -> None:
    work = (payload_site / "literatuur" / "payload2020" / "index.html").read_text(encoding="utf-8")
    assert "publisher" in work and "Uitgever" in work  # the BibTeX block is there ...
    assert "/Users/bram" not in work and "eigenaar-x9" not in work  # ... without the private fields
    for page in payload_site.rglob("*.html"):
        if page.parent.name != "meldingen":
            assert "/Users/bram" not in page.read_text(encoding="utf-8"), page


def test_text_payloads_come_out_as_text(payload_site: Path) -> None:
    assert _markup_in(payload_site) == []
    page = (payload_site / "kwesties" / "payload" / "index.html").read_text(encoding="utf-8")
    assert "Tekst met {{ 7*7 }} en" in page and "Tekst met 49" not in page
    assert "onerror=alert(1)" in page  # shown to the reader as text, escaped
    # glossary link and hover preview: the untrusted text is only ever a title attribute
    glossary_link = re.search(r'<a class="kb-begrip" href="[^"]*" title="([^"]*)">', page)
    assert glossary_link, "the begrip's first mention is a link with its definition"
    assert glossary_link.group(1).startswith("Wijkaanvalsterm: &lt;img src=x onerror=alert(1)&gt;")
    assert 'title="&lt;img src=x onerror=alert(1)&gt;' in page  # the [[payload]] preview
    work = (payload_site / "literatuur" / "payload2020" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in work  # the BibTeX stays in its code block


@pytest.mark.parametrize(
    ("bib_url", "bundel_url"),
    [
        ("javascript:alert(document.domain)", "https://x.nl/a> <img src=x onerror=alert(1)>"),
        ("JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"),
        ("&#106;avascript:alert(1)", "vbscript:msgbox(1)"),
    ],
)
def test_url_payloads_are_errors_and_never_written(
    bib_url: str, bundel_url: str, tmp_path: Path
) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "valid", root)
    bundel = root / "bundels" / "testbundel-2020.md"
    text = bundel.read_text(encoding="utf-8").replace("---\n", f"---\nurl: '{bundel_url}'\n", 1)
    bundel.write_text(text, encoding="utf-8")
    bib = root / "bibliography" / "literatuur.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace(
            "@book{lipsky1980,", "@book{lipsky1980,\n  url = {" + bib_url + "},", 1
        ),
        encoding="utf-8",
    )
    result = build(root)
    rules = {d.rule for d in result.errors}
    assert rules == {"url"}, [d.format() for d in result.errors]
    for page in result.site.pages:
        # every link the Markdown pages would make, inline `](…)` and autolink `<…:…>`
        targets = re.findall(r"\]\(<?([^)>\s]*)", page.content)
        targets += re.findall(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>]*)>", page.content)
        assert targets, page.path
        for target in targets:
            assert url_problem(target, schemes=BODY_SCHEMES, relative=True) is None, (
                page.path,
                target,
            )


def test_job_summary_quotes_payloads_as_text(payload_root: Path) -> None:
    """The PR's job summary (Markdown on GitHub) quotes what the lector wrote: as text."""
    from kennisbank.build import check
    from kennisbank.report import format_summary

    checked = check(payload_root)
    summary = format_summary(checked.diagnostics, len(checked.corpus.documents), 0)
    assert "HTML is niet toegestaan in ‘titel’" in summary
    assert "<img" not in summary and "<script" not in summary
    assert "&lt;img src=x onerror=alert(1)>" in summary
