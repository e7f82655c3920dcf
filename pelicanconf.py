"""Settings for a local build of the Babillard demo site (`invoke build`).

Pelican reads every UPPER_CASE name here. `publishconf.py` imports this file and
changes only what production needs. Our plugins document their own settings
(LISTING_*, THUMBNAIL_*, SEO_*) in their README; this file only sets values.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The theme ships a small Python side (its strings and Jinja filters); make it importable
# however Pelican was started.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from theme import filters, seo, strings


def _default_build_date() -> str:
    """The build's "today": SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        stamp = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        return stamp.date().isoformat()
    return datetime.date.today().isoformat()


# --- The association -------------------------------------------------------------------
SITENAME = "Les Tilleuls"
SITESUBTITLE = "Association des habitants du quartier des Tilleuls, à Villebourg"
# What search engines and social networks show (theme/seo.py). The home page's <title>:
SITE_TITLE = "Les Tilleuls, association de quartier à Villebourg"
# Other pages' <title> is "Page title · suffix", with the first suffix that makes 30 to 60
# characters (SEO_TITLE_MIN/MAX); a long title stands alone.
TITLE_SUFFIXES = ["Les Tilleuls", "Les Tilleuls, Villebourg", SITE_TITLE]
# The home page's meta description (70 to 160 characters); other index pages add to it.
SITEDESCRIPTION = (
    "Nouvelles, rendez-vous et petites annonces de l’association des habitants du quartier "
    "des Tilleuls, à Villebourg : entraide, jardin partagé, fêtes et culture."
)
# The picture shared on social networks for a page that has none of its own (og:image),
# under content/; cropped to 1200×630 by the thumbnails plugin.
SOCIAL_IMAGE = "images/articles/panneau-annonces.jpg"
SOCIAL_IMAGE_ALT = (
    "Le panneau d’annonces de la Maison des Tilleuls et un téléphone affichant le site"
)
AUTHOR = "Association Les Tilleuls"
ORGANIZATION = {
    "name": "Association Les Tilleuls",
    "address": "Maison des Tilleuls, 3 rue des Tilleuls, 45990 Villebourg",
    "email": "contact@les-tilleuls.example.org",
}

# --- Language, time and "today" ------------------------------------------------------
DEFAULT_LANG = "fr"
TIMEZONE = "Europe/Paris"
# The one source of "today" for the build (expiry of listings, footer year…). An ISO date.
# Two builds of the same content with the same BUILD_DATE give the same bytes.
BUILD_DATE = os.environ.get("BABILLARD_BUILD_DATE") or _default_build_date()
# Every word the theme shows a visitor comes from theme/strings.py, in DEFAULT_LANG.
THEME_STRINGS = strings.for_language(DEFAULT_LANG)

# --- Sources -----------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# Article files are named 2026-11-23-mon-titre.md: the name gives the date and the slug.
FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)"
DEFAULT_METADATA = {"status": "published"}
# Header keys the theme reads (theme/seo.py, templates) besides Pelican's own: any other key
# is a typo the ignored_input plugin reports (`Tag:` for `Tags:`).
METADATA_EXTRA_KEYS = ["Image", "SEO-Ignore", "Canonical"]
TYPOGRIFY = False
MARKDOWN = {
    "extension_configs": {
        # Footnotes' "↩" links carry a title, in English by default: the site is in French.
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Retour à l’appel de note %d dans le texte"}
        },
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# --- Theme and plugins ---------------------------------------------------------------------
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# Order matters at the end of the build: sitemap.xml is written before the SEO checklist
# reads the output.
PLUGINS = [
    # Takes smarty's place in MARKDOWN above: the same HTML, with less work.
    "quick_smarty",
    "markdown_cache",
    "incremental",
    "article_neighbours",
    "page_menu",
    "url_memo",
    "ignored_input",
    "listings",
    "thumbnails",
    "sitemap",
    "seo_checklist",
]
JINJA_FILTERS = {**filters.jinja_filters(THEME_STRINGS), **seo.jinja_filters()}
JINJA_GLOBALS = {"T": THEME_STRINGS, **seo.jinja_globals()}

# --- Petites annonces (plugins/listings/README.md documents every LISTING_* setting) -------
LISTING_CATEGORIES = {
    "maison": "Maison et mobilier",
    "jardin": "Jardin et plantes",
    "enfants": "Enfants et puériculture",
    "livres": "Livres, musique et films",
    "sport": "Sport et vélo",
    "services": "Services et coups de main",
    "vie-associative": "Vie associative",
}
LISTING_CURRENCY = "EUR"
LISTING_DEFAULT_DAYS = 60

# --- Where pages go (French, readable URLs that end in "/") --------------------------------
SITEURL = ""
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = "categorie/{slug}/index.html"
TAG_URL = "etiquette/{slug}/"
TAG_SAVE_AS = "etiquette/{slug}/index.html"
AUTHOR_URL = "auteur/{slug}/"
AUTHOR_SAVE_AS = "auteur/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_URL = "etiquettes/"
TAGS_SAVE_AS = "etiquettes/index.html"
AUTHORS_URL = "auteurs/"
AUTHORS_SAVE_AS = "auteurs/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
NOTFOUND_SAVE_AS = "404.html"
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "notfound"]
DRAFT_URL = "brouillons/{slug}/"
DRAFT_SAVE_AS = "brouillons/{slug}/index.html"

DEFAULT_PAGINATION = 8
PAGINATED_TEMPLATES = {"index": 6, "category": None, "tag": None, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- Feeds ---------------------------------------------------------------------------------
# Feed readers need absolute links, which only the production build has (SITEURL): feeds are
# switched on in publishconf.py. Locally, their links would point nowhere.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
TAG_FEED_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
LISTING_FEED_ATOM = None
FEED_MAX_ITEMS = 20

# --- Output ----------------------------------------------------------------------------------
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False
# The content cache makes the edit-and-look loop faster; it lives outside output/.
CACHE_PATH = ".cache/pelican"
LOAD_CONTENT_CACHE = False
