"""Kennisbank Wijkgericht Werken: content model, checks and site generator."""

from .build import Build, build
from .diagnostic import Diagnostic, Location, Severity
from .load import Corpus, load
from .rules import RULES, validate

_PAGES = {"Page", "Site", "render_site"}


def __getattr__(name: str) -> object:
    """The pages (and Jinja) load on first use, so that `kennisbank check` does not pay for them."""
    if name in _PAGES:
        from . import pages

        return getattr(pages, name)
    raise AttributeError(f"module 'kennisbank' has no attribute {name!r}")


__all__ = [
    "RULES",
    "Build",
    "Corpus",
    "Diagnostic",
    "Location",
    "Page",
    "Severity",
    "Site",
    "build",
    "load",
    "render_site",
    "validate",
]
