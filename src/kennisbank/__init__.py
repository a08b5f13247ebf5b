"""Kennisbank Wijkgericht Werken: content model, checks and site generator."""

from .build import Build, build
from .diagnostic import Diagnostic, Location, Severity
from .load import Corpus, load
from .pages import Page, Site, render_site
from .rules import RULES, validate

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
