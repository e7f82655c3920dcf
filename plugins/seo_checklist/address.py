"""Where the page lives and how it is shared: canonical address, URL path, Open Graph, Twitter.

Absolute addresses need SITEURL: on a local build (SITEURL empty) only paths are compared,
and the "must be absolute" checks say nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urljoin, urlsplit

from .checks import quote as _quote
from .page import Page
from .registry import SHARED, Context, page_check

SLUG = re.compile(r"^[a-z0-9/-]*$")

# --- canonical address ------------------------------------------------------------------


@page_check(
    "canonical-missing",
    "error",
    'La page déclare son adresse canonique (<link rel="canonical">).',
    'Le thème doit écrire <link rel="canonical" href="{{SITEURL}}/…"> sur chaque page.',
    skip=SHARED,
)
def canonical_missing(page: Page, ctx: Context) -> Iterator[str]:
    if not page.canonical:
        yield 'La page n’a pas de <link rel="canonical">.'


@page_check(
    "canonical-relative",
    "error",
    "L’adresse canonique est absolue (https://…), quand SITEURL est connu.",
    "Construisez l’adresse canonique avec SITEURL (publishconf.py), pas avec un chemin.",
    skip=SHARED,
)
def canonical_relative(page: Page, ctx: Context) -> Iterator[str]:
    if ctx.siteurl and page.canonical and not page.canonical.startswith(("https://", "http://")):
        yield f"L’adresse canonique {_quote(page.canonical)} n’est pas absolue."


@page_check(
    "canonical-mismatch",
    "error",
    "L’adresse canonique est celle de la page elle-même (SITEURL + chemin).",
    "Faites pointer l’adresse canonique vers la page elle-même, ou déclarez "
    '<meta name="babillard:canonical-external" content="1">.',
    skip=SHARED,
)
def canonical_mismatch(page: Page, ctx: Context) -> Iterator[str]:
    if not page.canonical or page.canonical_external:
        return
    if ctx.siteurl and not page.canonical.startswith(("https://", "http://")):
        return  # canonical-relative says it
    if ctx.siteurl:
        target = ctx.site.target(page.canonical, page.url)
        path = target[0] if target else None
    else:
        # Without SITEURL the site's host is unknown: compare paths only.
        path = unquote(urlsplit(urljoin(page.url, page.canonical)).path)
    expected = ctx.absolute(page.url) if ctx.siteurl else page.url
    if path is None or _same_page(path) != _same_page(page.url):
        yield (
            f"L’adresse canonique {_quote(page.canonical)} n’est pas celle de la page ({expected})."
        )


def _same_page(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("/index.html") else path


# --- address --------------------------------------------------------------------------------


def _slug(page: Page) -> str:
    path = page.url.lstrip("/")
    return re.sub(r"\.html?$", "", path)


@page_check(
    "slug-invalid",
    "warning",
    "Le chemin de la page n’a que des minuscules sans accent, des chiffres, des tirets et des /.",
    "Changez le slug (métadonnée Slug ou nom du fichier) : minuscules sans accents, chiffres "
    "et tirets.",
    skip=SHARED,
)
def slug_invalid(page: Page, ctx: Context) -> Iterator[str]:
    slug = _slug(page)
    if not SLUG.match(slug):
        bad = sorted({c for c in slug if not re.match(r"[a-z0-9/-]", c)})
        yield f"Le chemin {page.url} contient " + " ".join(_quote(c, 3) for c in bad) + "."


@page_check(
    "slug-too-long",
    "warning",
    "Le chemin de la page ne dépasse pas SEO_SLUG_MAX caractères (75).",
    "Raccourcissez le slug à l’essentiel (quelques mots-clés, {SEO_SLUG_MAX} caractères au "
    "plus pour tout le chemin).",
    skip=SHARED,
)
def slug_too_long(page: Page, ctx: Context) -> Iterator[str]:
    limit = ctx.settings["SEO_SLUG_MAX"]
    size = len(_slug(page))
    if size > limit:
        yield f"Le chemin compte {size} caractères (au plus {limit})."


# --- sharing (Open Graph, Twitter) --------------------------------------------------------

OPEN_GRAPH = ("og:title", "og:type", "og:url", "og:image")


@page_check(
    "og-missing",
    "warning",
    "La page a les balises Open Graph og:title, og:type, og:url et og:image.",
    'Le thème doit écrire <meta property="og:…"> ; donnez une image à l’article '
    "(métadonnée Image) pour og:image.",
    skip=SHARED,
)
def og_missing(page: Page, ctx: Context) -> Iterator[str]:
    missing = [name for name in OPEN_GRAPH if not page.metas.get(name)]
    if missing:
        yield "Balises Open Graph manquantes : " + ", ".join(missing) + "."


@page_check(
    "og-not-absolute",
    "warning",
    "og:url et og:image sont des adresses absolues (https://…), quand SITEURL est connu.",
    "Construisez og:url et og:image avec SITEURL : les réseaux sociaux ignorent les chemins.",
    skip=SHARED,
)
def og_not_absolute(page: Page, ctx: Context) -> Iterator[str]:
    if not ctx.siteurl:
        return
    for name in ("og:url", "og:image"):
        value = page.metas.get(name)
        if value and not value.startswith(("https://", "http://")):
            yield f"{name} vaut {_quote(value)}, qui n’est pas une adresse absolue."


@page_check(
    "twitter-card-missing",
    "warning",
    'La page a une balise <meta name="twitter:card">.',
    'Le thème doit écrire <meta name="twitter:card" content="summary_large_image">.',
    skip=SHARED,
)
def twitter_card_missing(page: Page, ctx: Context) -> Iterator[str]:
    if not page.metas.get("twitter:card"):
        yield "La page n’a pas de balise twitter:card."
