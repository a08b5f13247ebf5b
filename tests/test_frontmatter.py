"""Safe reading of content files: encodings, line ends, YAML pitfalls, locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.frontmatter import MAX_FILE_BYTES, parse, read_text


def _read(tmp_path: Path, data: bytes) -> tuple[str | None, list[str]]:
    path = tmp_path / "k.md"
    path.write_bytes(data)
    text, diagnostics = read_text(path, "k.md")
    return text, [d.format() for d in diagnostics]


def test_bom_is_removed_and_crlf_normalised(tmp_path: Path) -> None:
    text, problems = _read(tmp_path, b"\xef\xbb\xbf---\r\ntitel: A\r\n---\r\nTekst\r\n")
    assert problems == []
    assert text == "---\ntitel: A\n---\nTekst\n"


def test_non_utf8_file_is_refused_with_line(tmp_path: Path) -> None:
    text, problems = _read(tmp_path, "---\ntitel: caf\xe9\n---\n".encode("latin-1"))
    assert text is None
    assert problems[0].startswith("k.md:2:11: fout: Het bestand is geen geldige UTF-8-tekst")
    assert "UTF-8" in problems[0].split("→")[1]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    text, problems = _read(tmp_path, b"x" * (MAX_FILE_BYTES + 1))
    assert text is None
    assert "te groot" in problems[0]


def test_values_remember_line_and_column() -> None:
    front = parse("---\ntitel: A\nbronnen:\n  - {bundel: b, hoofdstuk: c}\n---\nTekst", "k.md")
    assert front.ok
    assert front.data == {"titel": "A", "bronnen": [{"bundel": "b", "hoofdstuk": "c"}]}
    assert str(front.locations[("titel",)]) == "k.md:2:8"
    assert str(front.locations[("bronnen", 0, "hoofdstuk")]) == "k.md:4:28"
    assert front.body == "Tekst"
    assert front.body_line == 6


def test_duplicate_key_is_an_error_not_a_silent_overwrite() -> None:
    front = parse("---\ntitel: A\nsamenvatting: S\ntitel: B\n---\n", "k.md")
    assert front.ok  # the rest of the file still loads, so its id exists
    [problem] = [d.format() for d in front.diagnostics]
    assert problem.startswith(
        "k.md:4:1: fout: Het veld ‘titel’ staat twee keer in de kop (eerder op regel 2)"
    )
    assert front.data["titel"] == "A"


def test_aliases_are_refused_before_expansion() -> None:
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n"
    )
    front = parse(bomb, "k.md")
    assert not front.ok
    assert "Verwijzingen binnen YAML" in front.diagnostics[0].message
    assert front.diagnostics[0].location.line == 3


def test_tab_indentation_gets_a_dutch_error() -> None:
    front = parse("---\nbronnen:\n\t- {bundel: b}\n---\n", "k.md")
    assert not front.ok
    assert front.diagnostics[0].format().startswith("k.md:3:1: fout: Tab in de inspringing")


def test_python_tags_are_refused() -> None:
    front = parse("---\ntitel: !!python/object:os.system ls\n---\n", "k.md")
    assert front.diagnostics[0].is_error
    assert "Onbekend YAML-label" in front.diagnostics[0].message
    assert front.data == {"titel": None}  # nothing constructed


def test_yaml_syntax_error_is_translated() -> None:
    front = parse("---\ntitel: Wijk: een casus\n---\n", "k.md")
    assert not front.ok
    message = front.diagnostics[0].format()
    assert message.startswith("k.md:2:12: fout: De YAML-kop is ongeldig: een dubbele punt")
    assert "aanhalingstekens" in message


def test_missing_and_unclosed_front_matter() -> None:
    assert "begint niet met een YAML-kop" in parse("titel: A\n", "k.md").diagnostics[0].message
    assert "niet afgesloten" in parse("---\ntitel: A\n", "k.md").diagnostics[0].message


def test_dates_stay_text() -> None:
    front = parse("---\nperiode: 2016-01-01\n---\n", "k.md")
    assert front.data["periode"] == "2016-01-01"


@pytest.mark.parametrize(
    "header",
    [
        "d: " + "[" * 2000 + "]" * 2000,  # flow lists in lists: PyYAML recursed until it crashed
        "d: " + "{a: " * 500 + "1" + "}" * 500,
        "\n".join("  " * level + f"k{level}:" for level in range(60)) + " x",  # block nesting
    ],
)
def test_deep_nesting_is_a_dutch_error_not_a_traceback(header: str) -> None:
    front = parse(f"---\ntitel: T\n{header}\n---\n", "k.md")
    assert not front.ok
    [problem] = front.diagnostics
    assert problem.is_error and "genest" in problem.message and problem.location.line >= 2


def test_brackets_in_ordinary_text_are_not_nesting() -> None:
    front = parse('---\ntitel: "Wijk [1] en {2}: [[link]]"\n---\n', "k.md")
    assert front.ok and front.data["titel"] == "Wijk [1] en {2}: [[link]]"
