"""Privacy: no page makes a visitor's browser contact another site.

The brief's promise to visitors is pages free of third-party trackers. Our theme loads
nothing from elsewhere; an editor can still paste an embed into an article (a video's
<iframe>, a sharing button's <script>, a statistics snippet, a photo linked from another
site). Each makes every visitor's browser tell that site which page they read, with their
address. The check names what the page loads and from where.
"""

from __future__ import annotations

from collections.abc import Iterator
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


@page_check(
    "third-party",
    "error",
    "Aucune page ne fait charger au visiteur quoi que ce soit d’un autre site (script, cadre, "
    "image, police, feuille de style), SITEURL et SEO_THIRD_PARTY_HOSTS exceptés.",
    "Remplacez l’intégration par un lien (« Voir la vidéo sur le site de … ») et mettez les "
    "images dans content/images/ ; si l’association accepte ce site, ajoutez-le à "
    "SEO_THIRD_PARTY_HOSTS.",
    skip=EVERY_PAGE,
)
def third_party(page: Page, ctx: Context) -> Iterator[str]:
    hosts = {_host(ctx.siteurl), *(h.lower() for h in ctx.settings["SEO_THIRD_PARTY_HOSTS"])}
    hosts.discard("")
    seen: set[str] = set()
    for tag, address in page.remote:
        host = _host(address)
        if not host or _allowed(host, hosts) or address in seen:
            continue
        seen.add(address)
        shown = address if len(address) <= SHOWN_CHARS else address[: SHOWN_CHARS - 1] + "…"
        yield (
            f"<{tag}> fait charger {shown} : le navigateur de chaque visiteur contacte {host}, "
            "qui apprend quelle page il lit."
        )
