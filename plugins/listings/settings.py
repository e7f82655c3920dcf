"""The listings plugin's settings: defaults in one dict, merged with the site's, checked once.

The table in README.md documents each one; keep the two together.
"""

from __future__ import annotations

import difflib
import logging
from typing import Any

logger = logging.getLogger(__name__)

PREFIX = "LISTING_"

DEFAULTS: dict[str, Any] = {
    # Folder of the listings, inside Pelican's PATH.
    "LISTING_PATH": "listings",
    # Folder the `photos` paths are relative to, inside PATH.
    "LISTING_PHOTOS_PATH": "images",
    # Listings kept between builds (cache.py), relative to the project (PATH's parent).
    "LISTING_CACHE_PATH": ".cache/listings",
    # Processes reading new and changed files (0: one per core; 1: none, read in turn).
    "LISTING_WORKERS": 0,
    # kind slug → label shown to visitors.
    "LISTING_KINDS": {
        "offre": "Offre",
        "demande": "Demande",
        "don": "Don",
        "échange": "Échange",
        "bénévolat": "Bénévolat",
        "événement": "Événement",
    },
    # category slug → label. Every site sets its own in pelicanconf.py.
    "LISTING_CATEGORIES": {
        "maison": "Maison",
        "services": "Services",
        "vie-associative": "Vie associative",
    },
    "LISTING_CURRENCY": "EUR",
    # Days a listing stays online when it has no `expires`.
    "LISTING_DEFAULT_DAYS": 60,
    # Listings per index page, and how many the home page shows.
    "LISTING_PER_PAGE": 12,
    "LISTING_LATEST_COUNT": 6,
    "LISTING_URL": "annonces/{slug}/",
    "LISTING_SAVE_AS": "annonces/{slug}/index.html",
    "LISTING_INDEX_URL": "annonces/",
    "LISTING_INDEX_SAVE_AS": "annonces/index.html",
    "LISTING_CATEGORY_URL": "annonces/categorie/{slug}/",
    "LISTING_CATEGORY_SAVE_AS": "annonces/categorie/{slug}/index.html",
    "LISTING_KIND_URL": "annonces/type/{slug}/",
    "LISTING_KIND_SAVE_AS": "annonces/type/{slug}/index.html",
    "LISTING_FEED_ATOM": "feeds/annonces.atom.xml",
    "LISTING_JSON_EXPORT": "annonces/annonces.json",
    "LISTING_EVENT_ICS": "annonces/{slug}/evenement.ics",
    "LISTING_CALENDAR": "annonces/evenements.ics",
}

STATUSES = ("active", "reserved", "closed")


def _check_mapping(name: str, value: Any) -> None:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{name} must be a non-empty dict of slug → label, got {value!r}.")
    for slug, label in value.items():
        if not isinstance(slug, str) or not slug.strip() or not isinstance(label, str):
            raise ValueError(f"{name}: {slug!r} → {label!r}: slugs and labels must be text.")


def _check_pattern(name: str, value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a path such as {DEFAULTS[name]!r}, got {value!r}.")
    if "{slug}" in DEFAULTS[name] and "{slug}" not in value:
        raise ValueError(f"{name} = {value!r} must contain {{slug}}.")


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in defaults in `settings` (in place), check every value, and return the result.

    A wrong value raises ValueError with the setting's name and the fix; an unknown
    LISTING_* name is only logged, with the closest known name, since it does no harm.
    """
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    for name in sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        logger.warning(
            "Unknown setting %s%s", name, f" (did you mean {close[0]}?)" if close else ""
        )

    _check_mapping("LISTING_KINDS", settings["LISTING_KINDS"])
    _check_mapping("LISTING_CATEGORIES", settings["LISTING_CATEGORIES"])
    if "événement" not in settings["LISTING_KINDS"]:
        raise ValueError("LISTING_KINDS must keep the kind 'événement' (events get calendars).")
    currency = settings["LISTING_CURRENCY"]
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        raise ValueError(
            f"LISTING_CURRENCY must be an ISO 4217 code such as 'EUR', got {currency!r}."
        )
    for name in ("LISTING_DEFAULT_DAYS", "LISTING_PER_PAGE", "LISTING_LATEST_COUNT"):
        value = settings[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a whole number ≥ 1, got {value!r}.")
    workers = settings["LISTING_WORKERS"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise ValueError(f"LISTING_WORKERS must be a whole number ≥ 0, got {workers!r}.")
    for name in DEFAULTS:
        if name == "LISTING_FEED_ATOM" and not settings[name]:
            continue  # None switches the feed off (no absolute SITEURL locally)
        if name.endswith(("_URL", "_SAVE_AS", "_ATOM", "_EXPORT", "_ICS", "_CALENDAR")):
            _check_pattern(name, settings[name])
    # Index pages are paginated by Pelican's writer, which looks the template up here.
    paginated = dict(settings.get("PAGINATED_TEMPLATES", {}))
    paginated.setdefault("listings", settings["LISTING_PER_PAGE"])
    settings["PAGINATED_TEMPLATES"] = paginated
    return settings
