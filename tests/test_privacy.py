"""Private BibTeX fields leave the published BibTeX; the rest stays as the lector wrote it."""

from __future__ import annotations

from kennisbank.privacy import is_private, public_source

SOURCE = """@book{boek2020,
  author = {Ander, Piet},
  file = {Boek.pdf:/Users/piet/Zotero/storage/AB/Boek.pdf:application/pdf},
  title = {Een {Nested} boek, met komma},
  timestamp = "2024-{01}-02",
  owner = piet # " en " # klaas,
  year = 2020,
  annote = {laatste veld zonder komma}
}"""


def test_public_source_drops_private_fields_of_every_value_form() -> None:
    assert public_source(SOURCE, ["file", "timestamp", "owner", "annote"]) == (
        "@book{boek2020,\n"
        "  author = {Ander, Piet},\n"
        "  title = {Een {Nested} boek, met komma},\n"
        "  year = 2020,\n"
        "}"
    )


def test_nothing_private_leaves_the_source_untouched() -> None:
    assert public_source(SOURCE, []) is SOURCE


def test_private_by_name_or_by_a_local_path_in_the_value() -> None:
    assert is_private("File") and is_private("mendeley-tags") and is_private("bdsk-file-1")
    assert is_private("note", r"Gelezen: C:\Users\piet\boek.pdf")
    assert is_private("howpublished", "file:///home/piet/x.pdf") is False  # url policy's job
    assert not is_private("title", "Wijk: A/B en C:D")
    assert not is_private("url", "https://example.org/Users/x")
