"""Privacy: no page makes a visitor's browser contact another site.

The brief's promise to visitors is pages free of third-party trackers. Our theme loads
nothing from elsewhere; an editor can still paste an embed into an article (a video's
<iframe>, a sharing button's <script>, a statistics snippet, a photo linked from another
site). Each makes every visitor's browser tell that site which page they read, with their
address. The check names what the page loads and from where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from .page import Page
from .registry import EVERY_PAGE, Context, page_check

SHOWN_CHARS = 80  # of an address, in a message


def _host(address: str) -> str:
    """The host name of an address ("" for none: a local build's empty SITEURL)."""
    try:
        return (
            urlsplit(address if not address.startswith("//") else "https:" + address).hostname or ""
        )
    except ValueError:
        return ""


def _allowed(host: str, hosts: set[str]) -> bool:
    return host in hosts or any(host.endswith("." + allowed) for allowed in hosts)


THIRD_PARTY_FIX = (
    "Remplacez l’intégration par un lien (« Voir la vidéo sur le site de … ») et mettez les "
    "images dans content/images/ ; si l’association accepte ce site, ajoutez-le à "
    "SEO_THIRD_PARTY_HOSTS."
)


@page_check(
    "third-party",
    "error",
    "Aucune page ne fait charger au visiteur quoi que ce soit d’un autre site (script, cadre, "
    "image, police, feuille de style), SITEURL et SEO_THIRD_PARTY_HOSTS exceptés.",
    THIRD_PARTY_FIX,
    skip=EVERY_PAGE,
)
def third_party(page: Page, ctx: Context) -> Iterator[str]:
    for _address, message in _third_parties(
        page.remote, ctx.siteurl, ctx.settings["SEO_THIRD_PARTY_HOSTS"]
    ):
        yield message


def _third_parties(
    loads: Iterable[tuple[str, str]], siteurl: str, allowed: Iterable[str]
) -> Iterator[tuple[str, str]]:
    """(address, message) of each load of `loads` ((tag, address)) from another host than
    SITEURL's and those `allowed`, once per address."""
    hosts = {_host(siteurl), *(host.lower() for host in allowed)}
    hosts.discard("")
    seen: set[str] = set()
    for tag, address in loads:
        host = _host(address)
        if not host or _allowed(host, hosts) or address in seen:
            continue
        seen.add(address)
        shown = address if len(address) <= SHOWN_CHARS else address[: SHOWN_CHARS - 1] + "…"
        yield (
            address,
            f"<{tag}> fait charger {shown} : le navigateur de chaque visiteur contacte {host}, "
            "qui apprend quelle page il lit.",
        )


# In a Markdown source: raw HTML that loads from an absolute address (a video's <iframe>, a
# widget's <script>), and Markdown images from another site. Not data-src= (a lazy-loading
# script's attribute, which the browser does not load by itself).
_SOURCE_TAG = re.compile(
    r"""<(?P<tag>iframe|script|img|embed|object|video|audio|source)\b[^>]*?"""
    r"""(?<![\w-])(?:src|data|href|poster)\s*=\s*["']?(?P<address>(?:https?:)?//[^"'\s>]+)""",
    re.IGNORECASE,
)
_SOURCE_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?(?P<address>(?:https?:)?//[^)\s>]+)")


def third_parties_in_prose(
    prose: Iterable[tuple[int, str]], siteurl: str, allowed: Iterable[str]
) -> list[tuple[int, str]]:
    """Without a build (`invoke check`): (line, message) for each load from another site
    that a Markdown source writes, as `third_party` would report it on the built page.
    `prose` is the source's (number, line) outside its header and code, which a guide may
    use to show an <iframe> as an example (ignored_input.markdown_slips.prose_lines)."""
    numbered = dict(prose)
    body = "\n".join(numbered.get(number, "") for number in range(1, max(numbered, default=0) + 1))
    found = [(m.start(), m["tag"].lower(), m["address"]) for m in _SOURCE_TAG.finditer(body)]
    found += [(m.start(), "img", m["address"]) for m in _SOURCE_IMAGE.finditer(body)]
    found.sort()
    line_of = {address: body.count("\n", 0, start) + 1 for start, _, address in reversed(found)}
    loads = [(tag, address) for _, tag, address in found]
    return [
        (line_of[address], message) for address, message in _third_parties(loads, siteurl, allowed)
    ]
