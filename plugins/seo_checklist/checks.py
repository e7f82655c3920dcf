"""The checks of one page's title, description, language, headings, images and text.

Each function yields one French message per problem, saying what was measured; the table
in `registry.py` holds its id, severity and fix. Fix texts may name settings in braces
({SEO_TITLE_MAX}); they are filled with the site's values. Addresses and sharing
tags are in `address.py`, links in `links.py`, structured data in `jsonld.py`, checks
across pages in `sitewide.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from .page import Page
from .registry import EVERY_PAGE, Context, all_checks, page_check


def quote(text: str, limit: int = 80) -> str:
    """`« text »`, cut with an ellipsis beyond `limit` characters."""
    return f"« {text if len(text) <= limit else text[: limit - 1] + '…'} »"


# --- <title> and description ------------------------------------------------------------


@page_check(
    "title-missing",
    "error",
    "La page a une balise <title> non vide.",
    "Donnez un titre à la page (métadonnée Title) : le thème l’écrit dans <title>.",
)
def title_missing(page: Page, ctx: Context) -> Iterator[str]:
    if page.title is None:
        yield "La page n’a pas de balise <title>."
    elif not page.title:
        yield "La balise <title> est vide."


@page_check(
    "title-too-long",
    "error",
    "Le <title> ne dépasse pas SEO_TITLE_HARD_MAX caractères (70).",
    "Raccourcissez le titre à {SEO_TITLE_MAX} caractères au plus : les moteurs coupent le reste.",
)
def title_too_long(page: Page, ctx: Context) -> Iterator[str]:
    limit = ctx.settings["SEO_TITLE_HARD_MAX"]
    if page.title and len(page.title) > limit:
        size = len(page.title)
        yield f"Le titre compte {size} caractères (au plus {limit}) : {quote(page.title)}."


@page_check(
    "title-length",
    "warning",
    "Le <title> compte de SEO_TITLE_MIN à SEO_TITLE_MAX caractères (30 à 60).",
    "Écrivez un titre de {SEO_TITLE_MIN} à {SEO_TITLE_MAX} caractères qui dit de quoi parle "
    "la page.",
)
def title_length(page: Page, ctx: Context) -> Iterator[str]:
    low, high = ctx.settings["SEO_TITLE_MIN"], ctx.settings["SEO_TITLE_MAX"]
    size = len(page.title or "")
    if page.title and (size < low or high < size <= ctx.settings["SEO_TITLE_HARD_MAX"]):
        yield (
            f"Le titre compte {size} caractères (conseillé : {low} à {high}) : {quote(page.title)}."
        )


@page_check(
    "description-missing",
    "error",
    'La page a une <meta name="description"> non vide.',
    "Écrivez un résumé de la page (métadonnée Summary) : le thème en fait la description.",
)
def description_missing(page: Page, ctx: Context) -> Iterator[str]:
    if page.description is None:
        yield 'La page n’a pas de <meta name="description">.'
    elif not page.description:
        yield "La description de la page est vide."


@page_check(
    "description-length",
    "warning",
    "La description compte de SEO_DESCRIPTION_MIN à SEO_DESCRIPTION_MAX caractères (70 à 160).",
    "Écrivez un résumé de {SEO_DESCRIPTION_MIN} à {SEO_DESCRIPTION_MAX} caractères qui donne "
    "envie de lire la page.",
)
def description_length(page: Page, ctx: Context) -> Iterator[str]:
    low, high = ctx.settings["SEO_DESCRIPTION_MIN"], ctx.settings["SEO_DESCRIPTION_MAX"]
    size = len(page.description or "")
    if page.description and not low <= size <= high:
        yield f"La description compte {size} caractères (conseillé : {low} à {high})."


# The theme marks a description it had to take from the text because the editor wrote no
# Summary: search engines get something, but rarely the sentence that makes people click.
DERIVED_MARK = "babillard:description-source"


@page_check(
    "description-derived",
    "warning",
    "La description a été écrite pour la page (métadonnée Summary), pas tirée du texte.",
    "Ajoutez sous le titre une ligne « Summary: … » de {SEO_DESCRIPTION_MIN} à "
    "{SEO_DESCRIPTION_MAX} caractères qui résume la page et donne envie de la lire.",
)
def description_derived(page: Page, ctx: Context) -> Iterator[str]:
    source = page.metas.get(DERIVED_MARK)
    if source:
        yield (
            "La page n’a pas de résumé (Summary) : sa description est tirée de son premier "
            "paragraphe."
        )


# --- language and headings ----------------------------------------------------------------


@page_check(
    "lang-missing",
    "error",
    "La balise <html> porte un attribut lang.",
    'Le thème doit écrire <html lang="fr"> (réglage DEFAULT_LANG).',
    skip=EVERY_PAGE,
)
def lang_missing(page: Page, ctx: Context) -> Iterator[str]:
    if not page.lang:
        yield "La balise <html> n’indique pas la langue de la page (attribut lang)."


@page_check(
    "h1-missing",
    "error",
    "La page a un titre principal <h1>.",
    "Donnez à la page un titre principal : un seul <h1>, qui reprend son sujet.",
    skip=EVERY_PAGE,
)
def h1_missing(page: Page, ctx: Context) -> Iterator[str]:
    if not any(level == 1 for level, _text in page.headings):
        yield "La page n’a pas de titre <h1>."


@page_check(
    "h1-multiple",
    "warning",
    "La page n’a qu’un seul <h1>.",
    "Gardez un seul <h1> ; les titres de section commencent à « ## » (<h2>) en Markdown.",
    skip=EVERY_PAGE,
)
def h1_multiple(page: Page, ctx: Context) -> Iterator[str]:
    h1s = [text for level, text in page.headings if level == 1]
    if len(h1s) > 1:
        yield f"La page a {len(h1s)} titres <h1> : " + ", ".join(quote(t, 40) for t in h1s) + "."


@page_check(
    "heading-skip",
    "warning",
    "Les niveaux de titres se suivent sans saut (pas de <h2> suivi d’un <h4>).",
    "Descendez d’un niveau à la fois : sous un « ## », utilisez « ### », pas « #### ».",
    skip=EVERY_PAGE,
)
def heading_skip(page: Page, ctx: Context) -> Iterator[str]:
    previous = 0
    for level, text in page.headings:
        if previous and level > previous + 1:
            yield f"Le titre <h{level}> {quote(text, 50)} suit un <h{previous}> : niveau sauté."
        previous = level


# --- images ---------------------------------------------------------------------------------


@page_check(
    "img-alt-missing",
    "error",
    "Chaque <img> a un attribut alt.",
    "Décrivez l’image en une phrase (texte alternatif, ![description](…) en Markdown).",
    skip=EVERY_PAGE,
)
def img_alt_missing(page: Page, ctx: Context) -> Iterator[str]:
    for image in page.images:
        if image.alt is None:
            yield f"L’image {image.src or '(sans src)'} n’a pas de texte alternatif (alt)."


@page_check(
    "img-alt-empty",
    "warning",
    'Un alt vide n’est permis qu’aux images décoratives (role="presentation" ou '
    'aria-hidden="true").',
    "Décrivez l’image en une phrase (en Markdown, entre les crochets : ![ce qu’elle montre](…)) ; "
    'si elle est purement décorative, marquez-la role="presentation".',
    skip=EVERY_PAGE,
)
def img_alt_empty(page: Page, ctx: Context) -> Iterator[str]:
    for image in page.images:
        if image.alt is not None and not image.alt.strip() and not image.decorative:
            yield f"L’image {image.src or '(sans src)'} a un alt vide sans être marquée décorative."


@page_check(
    "img-alt-long",
    "warning",
    "Le texte alternatif d’une image ne dépasse pas SEO_ALT_MAX caractères (125).",
    "Raccourcissez le texte alternatif à {SEO_ALT_MAX} caractères ; le détail va dans la "
    "légende ou le texte.",
    skip=EVERY_PAGE,
)
def img_alt_long(page: Page, ctx: Context) -> Iterator[str]:
    limit = ctx.settings["SEO_ALT_MAX"]
    for image in page.images:
        if image.alt and len(image.alt) > limit:
            yield (
                f"Le texte alternatif de {image.src or 'l’image'} compte {len(image.alt)} "
                f"caractères (au plus {limit})."
            )


@page_check(
    "img-size-missing",
    "warning",
    "Chaque <img> a des attributs width et height (la page ne saute pas au chargement).",
    "Le greffon thumbnails ajoute width et height aux images locales qu’il sait lire : si la "
    "construction signale l’image comme abîmée, remplacez-la ; sinon vérifiez que le greffon "
    "est activé, ou écrivez-les.",
    skip=EVERY_PAGE,
    uses_site=True,  # an image that is not there is img-broken's, not this check's
)
def img_size_missing(page: Page, ctx: Context) -> Iterator[str]:
    for image in page.images:
        if image.src and ctx.missing(image.src, page.url):
            continue
        missing = [name for name in ("width", "height") if not getattr(image, name)]
        if missing:
            yield f"L’image {image.src or '(sans src)'} n’a pas d’attribut {' ni '.join(missing)}."


# --- text -----------------------------------------------------------------------------------


@page_check(
    "content-short",
    "warning",
    "Un article a au moins SEO_ARTICLE_MIN_WORDS mots (300), une annonce "
    "SEO_LISTING_MIN_WORDS (30), dans <main> hors nav, header et footer.",
    "Étoffez le texte : un article de {SEO_ARTICLE_MIN_WORDS} mots, une annonce de "
    "{SEO_LISTING_MIN_WORDS} mots au moins.",
)
def content_short(page: Page, ctx: Context) -> Iterator[str]:
    kind = ctx.kind(page)
    if kind == "article":
        minimum, what = ctx.settings["SEO_ARTICLE_MIN_WORDS"], "L’article"
    elif kind == "listing":
        minimum, what = ctx.settings["SEO_LISTING_MIN_WORDS"], "L’annonce"
    else:
        return
    if page.words < minimum:
        yield f"{what} compte {page.words} mots de contenu principal (au moins {minimum})."


@page_check(
    "paragraph-long",
    "warning",
    "Aucun paragraphe ne dépasse SEO_PARAGRAPH_MAX_WORDS mots (150).",
    "Coupez les paragraphes de plus de {SEO_PARAGRAPH_MAX_WORDS} mots : une idée par "
    "paragraphe se lit mieux sur téléphone.",
)
def paragraph_long(page: Page, ctx: Context) -> Iterator[str]:
    limit = ctx.settings["SEO_PARAGRAPH_MAX_WORDS"]
    for paragraph in page.paragraphs:
        if paragraph.words > limit:
            yield (
                f"Le paragraphe qui commence par {quote(paragraph.start + '…')} compte "
                f"{paragraph.words} mots (au plus {limit})."
            )


@page_check(
    "main-missing",
    "notice",
    "La page a un élément <main> (le contenu principal, pour les lecteurs d’écran).",
    "Le gabarit doit entourer le contenu principal de <main>…</main>.",
    skip=EVERY_PAGE,
)
def main_missing(page: Page, ctx: Context) -> Iterator[str]:
    if not page.has_main:
        yield "La page n’a pas d’élément <main> : les mots sont comptés sur tout le <body>."


# --- the checker's own opt-outs -----------------------------------------------------------


@page_check(
    "ignore-unknown",
    "notice",
    "Les ids de babillard:seo-ignore sont des vérifications connues.",
    "Corrigez l’id dans la métadonnée de la page (la liste est dans "
    "plugins/seo_checklist/README.md).",
    skip=EVERY_PAGE,
)
def ignore_unknown(page: Page, ctx: Context) -> Iterator[str]:
    for check_id in sorted(page.ignored - set(all_checks())):
        yield f"babillard:seo-ignore nomme {quote(check_id)}, qui n’est pas une vérification."


@page_check(
    "page-unreadable",
    "error",
    "Le fichier HTML se lit en UTF-8.",
    "Enregistrez le fichier en UTF-8 (ou corrigez le gabarit qui l’écrit).",
    skip=EVERY_PAGE,
)
def page_unreadable(page: Page, ctx: Context) -> Iterator[str]:
    if page.unreadable:
        yield f"Le fichier {page.file} ne se lit pas : {page.unreadable}."
