"""Link checks: texts that say where a link goes, and links, anchors and images that resolve.

Targets are looked up in the built site (`Site.target`, `Site.file_for`): "/x/" is
x/index.html, "../x" is relative to the page, SITEURL-prefixed links are internal;
mailto:, tel: and other hosts are not checked (that would need the network).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .page import Page
from .registry import EVERY_PAGE, Context, page_check

_EDGES = re.compile(r"^\W+|\W+$")
_SPACES = re.compile(r"\s+")
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# A Pelican link to a file of content/ that Pelican left as written: the file does not
# exist, or, for {filename}, nothing published it (a skipped article, a listing with an error).
UNRESOLVED = re.compile(r"^[{|](?P<what>filename|static|attach)[|}]/?(?P<path>.*)$")


def _unresolved(what: str, address: str) -> str | None:
    """« Le lien {filename}/x.md vise x.md, qui n’existe pas dans content/ … », for an
    address Pelican left as written; None for any other."""
    found = UNRESOLVED.match(address)
    if not found:
        return None
    unpublished = " ou qui n’est pas publié (son erreur est signalée plus haut)"
    return (
        f"{what} {address} vise {found['path']}, qui n’existe pas dans content/"
        f"{unpublished if found['what'] == 'filename' else ''}."
    )


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lowercased, spaces squashed, without the punctuation or arrows around it."""
    text = _SPACES.sub(" ", text.replace("’", "'").lower()).strip()
    return _EDGES.sub("", text)


@lru_cache(maxsize=8)
def _generic(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(t) for t in texts)


def _is_generic(text: str, ctx: Context) -> bool:
    return normalize(text) in _generic(tuple(ctx.settings["SEO_GENERIC_LINK_TEXTS"]))


def _described_by_label(link_label: str, ctx: Context) -> bool:
    # An aria-label replaces the text for screen readers and search engines alike.
    return bool(link_label) and not _is_generic(link_label, ctx)


@page_check(
    "link-generic",
    "warning",
    "Le texte d’un lien dit où il mène (pas « cliquez ici », « lire la suite »…).",
    "Écrivez comme texte du lien ce qu’on trouve au bout : « le programme de la fête » plutôt "
    "que « cliquez ici ».",
    skip=EVERY_PAGE,
)
def link_generic(page: Page, ctx: Context) -> Iterator[str]:
    seen: set[tuple[str, str]] = set()
    for link in page.links:
        if link.labelled_by or _described_by_label(link.label, ctx):
            continue
        if link.text and _is_generic(link.text, ctx) and (link.text, link.href) not in seen:
            seen.add((link.text, link.href))
            yield f"Le lien « {link.text} » vers {link.href or '(vide)'} ne dit pas où il mène."


@page_check(
    "link-bare-url",
    "notice",
    "Le texte d’un lien n’est pas une adresse web brute.",
    "Remplacez l’adresse par quelques mots : [le site de la mairie](https://…) en Markdown.",
    skip=EVERY_PAGE,
)
def link_bare_url(page: Page, ctx: Context) -> Iterator[str]:
    for link in page.links:
        if link.labelled_by or _described_by_label(link.label, ctx):
            continue
        if BARE_URL.match(link.text):
            yield f"Le texte du lien est une adresse brute : « {link.text} »."


@page_check(
    "link-empty",
    "warning",
    "Chaque lien a un texte (ou une image avec alt, ou un aria-label).",
    "Donnez un texte au lien, ou un alt à son image, ou un aria-label à son icône.",
    skip=EVERY_PAGE,
)
def link_empty(page: Page, ctx: Context) -> Iterator[str]:
    for link in page.links:
        if not link.text and not link.label and not link.labelled_by:
            yield f"Le lien vers {link.href or '(vide)'} n’a aucun texte."


@page_check(
    "link-broken",
    "error",
    "Chaque lien interne mène à un fichier du site construit.",
    "Corrigez l’adresse du lien (copiez-la depuis la page visée), ou retirez le lien.",
    skip=EVERY_PAGE,
    uses_site=True,
)
def link_broken(page: Page, ctx: Context) -> Iterator[str]:
    seen: set[str] = set()
    for link in page.links:
        target = ctx.site.target(link.href, page.url)
        if target is None or link.href in seen:
            continue
        seen.add(link.href)
        if unresolved := _unresolved("Le lien", link.href):
            yield unresolved
        elif ctx.site.file_for(target[0]) is None:
            yield f"Le lien {link.href} mène à {target[0]}, qui n’existe pas dans le site."


@page_check(
    "anchor-broken",
    "warning",
    "Chaque lien vers #ancre mène à un id qui existe sur la page visée.",
    "Corrigez l’ancre : elle doit reprendre l’id d’un titre de la page visée (voir sa table "
    "des matières).",
    skip=EVERY_PAGE,
    uses_site=True,
)
def anchor_broken(page: Page, ctx: Context) -> Iterator[str]:
    seen: set[str] = set()
    for link in page.links:
        target = ctx.site.target(link.href, page.url)
        if target is None or not target[1] or link.href in seen:
            continue
        seen.add(link.href)
        path, fragment = target
        file = ctx.site.file_for(path)
        if file is None:
            continue  # link-broken says it
        goal = ctx.site.page_for_file(file)
        if goal is not None and fragment not in goal.ids:
            where = "cette page" if goal is page else goal.url
            yield f"Le lien {link.href} vise l’ancre #{fragment}, absente de {where}."


@page_check(
    "img-broken",
    "error",
    "Chaque image locale (<img src>) existe dans le site construit.",
    "Vérifiez le chemin de l’image et qu’elle est bien dans content/images/.",
    skip=EVERY_PAGE,
    uses_site=True,
)
def img_broken(page: Page, ctx: Context) -> Iterator[str]:
    seen: set[str] = set()
    for image in page.images:
        if not image.src or image.src in seen:
            continue
        seen.add(image.src)
        if unresolved := _unresolved("L’image", image.src):
            yield unresolved
        elif ctx.missing(image.src, page.url):
            yield f"L’image {image.src} n’existe pas dans le site."
