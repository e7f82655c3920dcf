"""Checks across the whole site: duplicate titles and descriptions, sitemap.xml, robots.txt.

Duplicates are only looked for among pages that are meant to be found: noindex pages, the
404 page, excluded pages and pages that opt out of the check are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from .page import Page
from .registry import Context, site_check

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def _indexable(ctx: Context, check_id: str) -> Iterator[Page]:
    for page in ctx.site.pages.values():
        if page.noindex or page.is_404 or page.unreadable or check_id in page.ignored:
            continue
        if page.url in ctx.excluded:
            continue
        yield page


def _duplicates(ctx: Context, check_id: str, what: str, value: str) -> Iterator[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for page in _indexable(ctx, check_id):
        text = getattr(page, value)
        if text:
            groups[text.strip().lower()].append(page.url)
    for urls in groups.values():
        if len(urls) < 2:
            continue
        urls.sort()
        for url in urls:
            others = [u for u in urls if u != url]
            shown = ", ".join(others[:3]) + (
                f" et {len(others) - 3} autres" if len(others) > 3 else ""
            )
            yield url, f"{what} identique sur {len(urls)} pages ; aussi sur {shown}."


@site_check(
    "title-duplicate",
    "warning",
    "Aucune autre page indexable n’a le même <title>.",
    "Distinguez les titres : chaque page dit en quoi elle diffère (lieu, date, numéro de page…).",
)
def title_duplicate(ctx: Context) -> Iterator[tuple[str, str]]:
    yield from _duplicates(ctx, "title-duplicate", "Titre", "title")


@site_check(
    "description-duplicate",
    "warning",
    "Aucune autre page indexable n’a la même description.",
    "Écrivez pour cette page un résumé qui lui est propre.",
)
def description_duplicate(ctx: Context) -> Iterator[tuple[str, str]]:
    yield from _duplicates(ctx, "description-duplicate", "Description", "description")


# --- sitemap.xml ----------------------------------------------------------------------------


def sitemap_urls(ctx: Context) -> tuple[list[str], str | None]:
    """The <loc> addresses of sitemap.xml (and of the sitemaps a sitemap index names)."""
    if SITEMAP not in ctx.cache:
        ctx.cache[SITEMAP] = _read_sitemaps(ctx)
    return ctx.cache[SITEMAP]


def _read_sitemaps(ctx: Context) -> tuple[list[str], str | None]:
    urls: list[str] = []
    queue = [SITEMAP]
    seen: set[str] = set()
    while queue:
        file = queue.pop(0)
        if file in seen:
            continue
        seen.add(file)
        try:
            root = ET.parse(ctx.site.root / file).getroot()
        except (ET.ParseError, OSError) as error:
            return urls, f"{file} : {error}"
        locs = [(el.text or "").strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc"]
        if root.tag.rsplit("}", 1)[-1] == "sitemapindex":
            for loc in locs:
                path = _path(ctx, loc)
                child = ctx.site.file_for(path) if path else None
                if child:
                    queue.append(child)
        else:
            urls.extend(loc for loc in locs if loc)
    return urls, None


@site_check(
    "sitemap-invalid",
    "error",
    "sitemap.xml, s’il existe, est du XML valide.",
    "Corrigez le gabarit ou le greffon qui écrit sitemap.xml.",
)
def sitemap_invalid(ctx: Context) -> Iterator[tuple[str, str]]:
    if SITEMAP in ctx.site.files:
        _urls, error = sitemap_urls(ctx)
        if error:
            yield "/" + SITEMAP, f"Le plan du site ne se lit pas : {error}."


@site_check(
    "sitemap-broken",
    "error",
    "Chaque adresse de sitemap.xml mène à une page du site.",
    "Reconstruisez le site ; si l’adresse reste, corrigez SITEURL ou la page qui a disparu.",
)
def sitemap_broken(ctx: Context) -> Iterator[tuple[str, str]]:
    if SITEMAP not in ctx.site.files:
        return
    for url in sitemap_urls(ctx)[0]:
        path = _path(ctx, url)
        if path is None:
            yield "/" + SITEMAP, f"L’adresse {url} n’est pas sur ce site ({ctx.siteurl})."
        elif ctx.site.file_for(path) is None:
            yield "/" + SITEMAP, f"L’adresse {url} ne mène à aucune page construite."


@site_check(
    "sitemap-noindex",
    "error",
    "Aucune page de sitemap.xml ne demande à ne pas être indexée (noindex).",
    "Retirez les pages noindex (annonces expirées, brouillons) du plan du site.",
)
def sitemap_noindex(ctx: Context) -> Iterator[tuple[str, str]]:
    if SITEMAP not in ctx.site.files:
        return
    for url in sitemap_urls(ctx)[0]:
        path = _path(ctx, url)
        file = ctx.site.file_for(path) if path else None
        page = ctx.site.page_for_file(file) if file else None
        if page is not None and page.noindex:
            yield page.url, f"La page est dans sitemap.xml ({url}) mais marquée noindex."


# --- robots.txt -----------------------------------------------------------------------------


def _robots_lines(ctx: Context) -> list[tuple[str, str]]:
    text = (ctx.site.root / ROBOTS).read_text(encoding="utf-8", errors="replace")
    lines = []
    for raw in text.splitlines():
        field, sep, value = raw.split("#", 1)[0].partition(":")
        if sep:
            lines.append((field.strip().lower(), value.strip()))
    return lines


@site_check(
    "robots-missing",
    "warning",
    "Le site a un fichier robots.txt.",
    "Le thème doit produire robots.txt (avec une ligne Sitemap: {{SITEURL}}/sitemap.xml).",
)
def robots_missing(ctx: Context) -> Iterator[tuple[str, str]]:
    if ROBOTS not in ctx.site.files:
        yield "/" + ROBOTS, "Le site n’a pas de fichier robots.txt."


@site_check(
    "robots-no-sitemap",
    "warning",
    "robots.txt nomme le plan du site (ligne Sitemap:) et ce fichier existe.",
    "Ajoutez à robots.txt la ligne Sitemap: {{SITEURL}}/sitemap.xml.",
)
def robots_no_sitemap(ctx: Context) -> Iterator[tuple[str, str]]:
    if ROBOTS not in ctx.site.files:
        return
    named = [value for field, value in _robots_lines(ctx) if field == "sitemap"]
    if not named:
        yield "/" + ROBOTS, "robots.txt ne nomme aucun plan du site (ligne Sitemap:)."
    for url in named:
        path = _path(ctx, url)
        if path is None:
            yield "/" + ROBOTS, f"robots.txt nomme {url}, qui n’est pas sur ce site."
        elif ctx.site.file_for(path) is None:
            yield "/" + ROBOTS, f"robots.txt nomme {url}, qui n’existe pas dans le site."


@site_check(
    "robots-blocks-all",
    "error",
    "robots.txt n’interdit pas tout le site à tous les robots (Disallow: /).",
    "Retirez « Disallow: / » de robots.txt : il cache tout le site aux moteurs de recherche.",
)
def robots_blocks_all(ctx: Context) -> Iterator[tuple[str, str]]:
    if ROBOTS not in ctx.site.files:
        return
    agents: list[str] = []
    in_rules = False
    for field, value in _robots_lines(ctx):
        if field == "user-agent":
            if in_rules:  # a new group starts
                agents, in_rules = [], False
            agents.append(value)
        elif field in {"allow", "disallow"}:
            in_rules = True
            if field == "disallow" and value == "/" and "*" in agents:
                yield "/" + ROBOTS, "robots.txt interdit tout le site à tous les robots."
                return


def _path(ctx: Context, url: str) -> str | None:
    """The root-relative path of a sitemap or robots.txt address; None if on another site."""
    target = ctx.site.target(url, "/")
    if target is not None:
        return target[0]
    parts = urlsplit(url)
    # A local build has no SITEURL: take the path of whatever host the file names.
    if not ctx.siteurl and parts.scheme in {"http", "https"}:
        return parts.path or "/"
    return None
