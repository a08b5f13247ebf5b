"""Body parsing: links, citations, HTML and unsafe links, each with its exact place."""

from __future__ import annotations

from kennisbank.markup import CiteItem, analyse, substitute

BODY = """Intro [[a]] en @lipsky1980 zegt het; mail info@x.nl.

!!! note "Kader"

    Binnen [[b|label]] met `[[c]]` in code.

| kolom | kolom |
|---|---|
| [[d]] | [[d]] |

- [zie @waal2016, p. 14; -@b] en [@x](https://voorbeeld.nl)
"""


def test_links_with_positions() -> None:
    body = analyse(BODY, "k.md", 10)
    assert [(link.target, link.label, str(link.span.location)) for link in body.links] == [
        ("a", None, "k.md:10:7"),
        ("b", "label", "k.md:14:12"),
        ("d", None, "k.md:18:3"),
        ("d", None, "k.md:18:11"),
    ]
    for link in body.links:
        assert BODY[link.span.start : link.span.end].startswith("[[")


def test_citations_parsed_as_pandoc_does() -> None:
    body = analyse(BODY, "k.md", 1)
    narrative, bracketed = body.citations[0], body.citations[1]
    assert narrative.narrative and narrative.items == (CiteItem(key="lipsky1980"),)
    assert not bracketed.narrative
    assert bracketed.items == (
        CiteItem(key="waal2016", prefix="zie", locator="p. 14"),
        CiteItem(key="b", suppress_author=True),
    )
    assert BODY[bracketed.span.start : bracketed.span.end] == "[zie @waal2016, p. 14; -@b]"
    assert body.cited_keys == ["lipsky1980", "waal2016", "b"]


def test_email_and_link_text_are_not_citations() -> None:
    body = analyse("Mail info@x.nl of [@x](https://a.nl), zegt @lipsky1980 [p. 3].", "k.md", 1)
    # only the real narrative citation: not the e-mail address, not the link text
    assert [(c.narrative, [i.key for i in c.items]) for c in body.citations] == [
        (True, ["lipsky1980"])
    ]


def test_html_and_unsafe_links_found() -> None:
    body = analyse("Tekst <em>x</em>\n\n[klik](javascript:alert(1))\n", "k.md", 1)
    assert [f.text for f in body.html] == ["<em>", "</em>"]
    assert [(f.text, str(f.location)) for f in body.unsafe_links] == [
        ("javascript:alert(1)", "k.md:3:8")
    ]


def test_substitute_replaces_exact_spans() -> None:
    body = analyse(BODY, "k.md", 1)
    result = substitute(BODY, [(link.span, link.target.upper()) for link in body.links])
    assert "Intro A en" in result
    assert "Binnen B met `[[c]]`" in result
    assert "| D | D |" in result
