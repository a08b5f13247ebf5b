"""A small page at each old address (`vorige_ids`) that sends readers on."""

from __future__ import annotations

from collections.abc import Iterator

from ..redirects import redirects
from .context import Page, RenderContext
from .families import family
from .markdown import relative


@family("redirect", paths=lambda graph: (r.path for r in redirects(graph.corpus)))
def redirect_pages(ctx: RenderContext) -> Iterator[Page]:
    """Static pages at the old addresses; not in the navigation, not in the search index."""
    template = ctx.env.get_template("redirect.html.j2")
    for redirect in redirects(ctx.corpus):
        href = relative(redirect.path, redirect.target.page.removesuffix(".md") + "/") + "/"
        title = redirect.target.title
        content = template.render(href=href, title=title)
        yield Page(path=redirect.path, title=title, content=content)
