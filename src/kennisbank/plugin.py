"""The MkDocs adapter: content checks as build messages, generated pages as virtual files."""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .build import Build, build
from .model import CONTENT_FOLDERS
from .pagefind import annotate, index
from .pages import nav_with_docs
from .rules import summarise

log = logging.getLogger("mkdocs.plugins.kennisbank")


def _escaped_nav(items: list[Any]) -> list[Any]:
    """The navigation with every title HTML-escaped (MkDocs writes nav titles as they are)."""
    escaped: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            escaped.append(
                {
                    html.escape(str(title)): _escaped_nav(value)
                    if isinstance(value, list)
                    else value
                    for title, value in item.items()
                }
            )
        else:
            escaped.append(item)
    return escaped


class KennisbankConfig(base.Config):
    # The folder holding kwesties/, principes/, …, relative to mkdocs.yml.
    content_dir = c.Type(str, default=".")
    # Generate the navigation when mkdocs.yml has no `nav`.
    nav = c.Type(bool, default=True)
    # Build the Pagefind search index after the build (kennisbank.pagefind).
    search = c.Type(bool, default=True)


# A preview shows the check's findings in the browser (a banner per page, /meldingen/) and
# builds despite errors; `mkdocs serve` is one, and so is any build with this set to 1.
PREVIEW_ENV = "KENNISBANK_VOORBEELD"


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    def __init__(self) -> None:
        self.result: Build | None = None
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def preview(self) -> bool:
        return self.serving or os.environ.get(PREVIEW_ENV, "") in ("1", "ja", "true")

    def root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.content_dir).resolve()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        preview = self.preview
        result = build(self.root(config), preview=preview)
        self.result = result
        # A content warning is reported but must not trip `strict` (which counts every
        # warning MkDocs logs); a content error stops the build, with its count, except in a
        # preview, where the pages show it (a banner, and the overview at /meldingen/).
        for diagnostic in result.diagnostics:
            (log.error if diagnostic.is_error and not preview else log.info)(diagnostic.format())
        summary = summarise(result.diagnostics)
        if preview:
            if summary.errors or summary.warnings:
                log.info(
                    f"kennisbank: {summary.errors} fout(en), {summary.warnings} waarschuwing(en) "
                    "(hierboven); in het voorbeeld staan ze op de pagina's en op /meldingen/."
                )
        elif summary.errors:
            raise PluginError(
                f"De kennisbank heeft {summary.errors} fout(en) in de inhoud (hierboven, met "
                "bestand en regel); de site is niet gebouwd. Los ze op en sla opnieuw op."
            )
        elif summary.warnings:
            log.info(f"kennisbank: 0 fouten, {summary.warnings} waarschuwing(en) (hierboven).")
        for page in result.site.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"De pagina {page.path} wordt door de kennisbank gemaakt, maar staat ook in "
                    f"{config.docs_dir}. Verwijder of hernoem het bestand in docs/."
                )
            files.append(File.generated(config, page.path, content=page.content))
        if self.config.nav and not config.nav:
            docs_pages = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            config.nav = _escaped_nav(nav_with_docs(result.site.nav, docs_pages))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        """MkDocs' templates write the title and description without escaping them (Jinja
        without autoescape); a lector's title is text, so it is escaped here."""
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = html.escape(value)
        return markdown

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        """Search fields (`zoeken`) onto the article; citation metadata (`citation_*`) from
        the page's front matter into its <head>."""
        if self.config.search:
            output = annotate(output, page.meta.get("zoeken") if page.meta else None)
        tags = page.meta.get("citation") if page.meta else None
        if not tags or "</head>" not in output:
            return output
        head = "".join(
            f'<meta name="{html.escape(str(t["name"]))}" content="{html.escape(str(t["content"]))}">'
            for t in tags
            if isinstance(t, dict) and "name" in t and "content" in t
        )
        return output.replace("</head>", head + "</head>", 1)

    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        if self.config.search:
            message = index(Path(config.site_dir))
            if message:
                raise PluginError(message)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = self.root(config)
        for folder in (*CONTENT_FOLDERS, "bibliography"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
