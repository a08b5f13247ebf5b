"""The one policy for every URL the site writes: body links, a bundle's `url`, a work's
`url`, `doi` and `howpublished`, and whatever comes later.

Content arrives by pull request from the internet, so a URL is untrusted input. It may only
use an allowed scheme (`https`, `http`; `mailto` where a reader writes to someone), and may
not contain whitespace, quotes, angle brackets, backslashes or HTML entities, which are how a
value breaks out of a link or hides a `javascript:` scheme.
"""

from __future__ import annotations

import html
import re

WEB_SCHEMES = frozenset({"https", "http"})
BODY_SCHEMES = WEB_SCHEMES | {"mailto"}
EXAMPLE = "https://www.movisie.nl/publicatie/voorbeeld"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_FORBIDDEN = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?", re.IGNORECASE)


def url_problem(
    value: str, *, schemes: frozenset[str] = WEB_SCHEMES, relative: bool = False
) -> str | None:
    """Why `value` may not be written as a link (in Dutch), or None when it may.

    `relative` allows a link without a scheme (`#sectie`, `../pagina/`) as in a body; a
    field such as a bundle's `url` must be a full web address."""
    decoded = html.unescape(value)
    if _ENTITY.search(value) and decoded != value:
        return "bevat een HTML-entiteit (zoals &#106;); schrijf het adres letterlijk"
    scheme = _SCHEME.match(value)
    name = scheme.group(1).lower() if scheme else None
    if scheme is None:
        if value.startswith("//"):
            return "begint met // zonder https:"
        if not relative:
            return "is geen volledig webadres (het begint niet met https://)"
    if name is not None and name not in schemes:
        allowed = " of ".join(f"{s}:" for s in sorted(schemes))
        return f"gebruikt ‘{name}:’; alleen {allowed} is toegestaan"
    match = _FORBIDDEN.search(value)
    if match:
        char = match.group(0)
        if char.isspace():
            what = "een spatie of regeleinde"
        elif char.isprintable():
            what = f"het teken ‘{char}’"
        else:
            what = "een onzichtbaar stuurteken"
        return f"bevat {what}, dat in een webadres niet mag"
    if name in WEB_SCHEMES and not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]+", value):
        return "heeft na https:// geen domeinnaam"
    return None


def is_safe(value: str, *, schemes: frozenset[str] = WEB_SCHEMES, relative: bool = False) -> bool:
    return url_problem(value, schemes=schemes, relative=relative) is None
