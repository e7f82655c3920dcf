"""Every word the theme shows a visitor, in one place, per language.

Templates read them as `T.key` (pelicanconf sets `JINJA_GLOBALS = {"T": ...}`). To run an
English site, set `DEFAULT_LANG = "en"` in pelicanconf.py: nothing else changes.
Strings with `%(name)s` placeholders are filled by templates with the `format` filter.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, Any]] = {
    "fr": {
        "skip_to_content": "Aller au contenu",
        "main_menu": "Menu principal",
        "home": "Accueil",
        "articles": "Articles",
        "listings": "Petites annonces",
        "categories": "Catégories",
        "tags": "Étiquettes",
        "authors": "Auteurs et autrices",
        "archives": "Archives",
        "latest_articles": "Derniers articles",
        "latest_listings": "Dernières annonces",
        "all_listings": "Toutes les petites annonces",
        "no_listings": "Aucune annonce pour le moment.",
        "publish_listing_invite": "Vous avez quelque chose à donner, à prêter ou à proposer ?",
        "all_articles": "Tous les articles",
        "published_on": "Publié le",
        "updated_on": "Mis à jour le",
        "by": "Par",
        "and": "et",
        "in_category": "dans",
        "reading_time": "Lecture : %(minutes)s min",
        "tagged": "Étiquettes :",
        "previous_article": "Article précédent",
        "next_article": "Article suivant",
        "article_navigation": "Articles voisins",
        "category_title": "Catégorie : %(name)s",
        "tag_title": "Étiquette : %(name)s",
        "author_title": "Articles de %(name)s",
        "year_archive_title": "Articles de %(year)s",
        "articles_count": {"one": "%(n)s article", "other": "%(n)s articles"},
        "pagination": "Pages",
        "page_n_of_m": "Page %(n)s sur %(m)s",
        "previous_page": "Page précédente",
        "next_page": "Page suivante",
        "feed": "Flux Atom",
        "feed_all": "Flux Atom de tous les articles",
        "feed_category": "Flux Atom de la catégorie %(name)s",
        "feed_author": "Flux Atom de %(name)s",
        "not_found_title": "Page introuvable",
        "not_found_text": (
            "La page que vous cherchez n’existe pas ou plus. Elle a peut-être été déplacée, "
            "ou l’adresse contient une faute de frappe."
        ),
        "not_found_next": "Vous pouvez repartir de l’accueil ou parcourir les archives :",
        "footer_about": "À propos de l’association",
        "footer_built": "Site statique construit le %(date)s avec Babillard.",
        "footer_no_tracking": "Ce site ne dépose aucun cookie et n’utilise aucun traceur.",
        "date_format_long": "%(day)s %(month)s %(year)s",
        "months": [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "first_day_suffix": "er",
        "zero_is_singular": True,
    },
    "en": {
        "skip_to_content": "Skip to content",
        "main_menu": "Main menu",
        "home": "Home",
        "articles": "Articles",
        "listings": "Classified ads",
        "categories": "Categories",
        "tags": "Tags",
        "authors": "Authors",
        "archives": "Archives",
        "latest_articles": "Latest articles",
        "latest_listings": "Latest listings",
        "all_listings": "All listings",
        "no_listings": "No listings yet.",
        "publish_listing_invite": "Something to give, lend or offer?",
        "all_articles": "All articles",
        "published_on": "Published on",
        "updated_on": "Updated on",
        "by": "By",
        "and": "and",
        "in_category": "in",
        "reading_time": "%(minutes)s min read",
        "tagged": "Tags:",
        "previous_article": "Previous article",
        "next_article": "Next article",
        "article_navigation": "Nearby articles",
        "category_title": "Category: %(name)s",
        "tag_title": "Tag: %(name)s",
        "author_title": "Articles by %(name)s",
        "year_archive_title": "Articles from %(year)s",
        "articles_count": {"one": "%(n)s article", "other": "%(n)s articles"},
        "pagination": "Pages",
        "page_n_of_m": "Page %(n)s of %(m)s",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "feed": "Atom feed",
        "feed_all": "Atom feed of all articles",
        "feed_category": "Atom feed of the %(name)s category",
        "feed_author": "Atom feed of %(name)s",
        "not_found_title": "Page not found",
        "not_found_text": (
            "The page you are looking for does not exist any more. It may have moved, "
            "or the address has a typo."
        ),
        "not_found_next": "Start again from the home page or browse the archives:",
        "footer_about": "About the association",
        "footer_built": "Static site built on %(date)s with Babillard.",
        "footer_no_tracking": "This site sets no cookie and uses no tracker.",
        "date_format_long": "%(month)s %(day)s, %(year)s",
        "months": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        "first_day_suffix": "",
        "zero_is_singular": False,
    },
}


def for_language(lang: str) -> dict[str, Any]:
    """The strings for `lang`; fails with the list of languages the theme knows."""
    try:
        return STRINGS[lang]
    except KeyError:
        known = ", ".join(sorted(STRINGS))
        raise ValueError(
            f"DEFAULT_LANG = {lang!r}: the theme has no strings for this language. "
            f"Use one of: {known}, or add a block for it in theme/strings.py."
        ) from None
