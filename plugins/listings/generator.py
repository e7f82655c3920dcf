"""The Pelican generator: listings into the shared context, then their pages and files.

Why a generator (get_generators) and not a reader: listings are not articles. They have their
own schema, their own lifetime (`expires`), and pages of their own; a reader would put them
in the blog's feeds and archives.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .errors import ContentError
from .ical import calendar_bytes
from .model import Listing
from .output import OwnOutputs
from .validate import (
    FolderLoad,
    ListingValidator,
    current_warnings,
    dated_ahead,
    kind_slug,
    stray_files,
)

logger = logging.getLogger(__name__)

# What the last build read, for the closing summary of `invoke build` (tasks.py): files
# published, of which listed (not expired, not closed), and files held back by an error.
last_counts: dict[str, int] | None = None

# What places a listing: its addresses and files (its photos decide which image files are
# published), and what decides which lists show it and in what order. A partial build
# (read_again) is refused when one of them changed.
PLACE_FIELDS = (
    "slug", "url", "save_as", "ics_url", "ics_save_as", "photos",
    "date", "expires", "status", "category", "kind",
)  # fmt: skip


def _from_listing(attribute: str) -> Any:
    """A read-only attribute of _FeedItem that is its listing's `attribute`."""
    return property(lambda item: getattr(item.listing, attribute))


@dataclass
class _FeedItem:
    """What Pelican's feed writer reads from an item, for one listing.

    It holds the listing and reads it when the feed is written, so that the incremental
    plugin fingerprints (and a partial build swaps) the listing itself, not a copy. Each
    attribute the writer reads is named here (and nothing else: it asks `hasattr(item,
    "modified")`, which must stay False)."""

    listing: Listing
    timezone: datetime.tzinfo

    title = _from_listing("title")
    url = _from_listing("url")
    summary = _from_listing("summary")
    author = _from_listing("author")
    category = _from_listing("category_label")
    tags = _from_listing("tags")

    @property
    def date(self) -> datetime.datetime:
        return datetime.datetime.combine(self.listing.date, datetime.time(0, 0), self.timezone)

    def get_content(self, siteurl: str) -> str:
        return self.listing.description_html


class ListingsGenerator(Generator):
    """Reads content/listings/, checks every file, and writes the listing pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = self.settings
        self.folder = Path(settings["PATH"]) / settings["LISTING_PATH"]
        cache = Path(settings["LISTING_CACHE_PATH"])
        if not cache.is_absolute():
            cache = Path(settings["PATH"]).resolve().parent / cache
        self.cache_folder = cache
        # Pelican makes every generator before any reads, and reads the articles first, much
        # of it on one core. Reading the listings starts now, in worker processes, so their
        # YAML is parsed on the other core meanwhile; generate_context() collects them.
        self._loading = (
            FolderLoad(self.folder, settings, cache, settings["LISTING_WORKERS"])
            if self.folder.is_dir()
            else None
        )

    def generate_context(self) -> None:
        settings = self.settings
        folder = self.folder
        self.today = datetime.date.fromisoformat(str(settings["BUILD_DATE"]))
        listings, errors = self._loading.finish() if self._loading is not None else ([], [])
        self._loading = None
        warnings = [*stray_files(folder), *current_warnings(listings, self.today)]
        warnings += dated_ahead(listings, self.today)
        report(errors, warnings, Path(settings["PATH"]).parent)

        active = [item for item in listings if item.is_listed(self.today)]
        global last_counts
        last_counts = {
            "published": len(listings),
            "listed": len(active),
            "held_back": len({error.path for error in errors}),
        }
        self.listings = listings
        self._linkable(listings)
        self.active = active
        self.categories = [
            (
                slug,
                label,
                settings["LISTING_CATEGORY_URL"].format(slug=slug),
                [item for item in active if item.category == slug],
            )
            for slug, label in settings["LISTING_CATEGORIES"].items()
        ]
        self.kinds = [
            (
                kind,
                label,
                settings["LISTING_KIND_URL"].format(slug=kind_slug(kind)),
                [item for item in active if item.kind == kind],
            )
            for kind, label in settings["LISTING_KINDS"].items()
        ]
        self.context.update(
            listings=listings,
            active_listings=active,
            latest_listings=active[: settings["LISTING_LATEST_COUNT"]],
            listing_categories=self.categories,
            listing_kinds=self.kinds,
            # The same with a count in place of the listings: a page that shows only counts
            # (filter chips) then does not depend on each listing's text, and an edited
            # listing does not make every list page be rendered again (incremental).
            listing_category_counts=_counts(self.categories),
            listing_kind_counts=_counts(self.kinds),
            listing_problems=errors,
            LISTINGS_TODAY=self.today,
        )

    def _linkable(self, listings: list[Listing]) -> None:
        """Put each listing where Pelican looks up a `{filename}` link, by its path from the
        content folder: an article that writes `[le vélo]({filename}/listings/velo.yaml)`
        then links to /annonces/velo/. Without this, Pelican said only "Unable to find" and
        left the link dead. Articles get their HTML after every generator has read (at
        writing), so the listings are there in time. A listing with an error is not
        published, and a link to it stays reported."""
        found = self.context.setdefault("generated_content", {})
        content = Path(self.settings["PATH"])
        for listing in listings:
            found[_posix_relative(listing.source_path, content)] = listing

    def generate_output(self, writer: Any) -> None:
        settings = self.settings
        detail = self.get_template("listing")
        for listing in self.listings:
            writer.write_file(
                listing.save_as,
                detail,
                self.context,
                listing=listing,
                expired=listing.is_expired(self.today),
                url=listing.url,
                relative_urls=settings["RELATIVE_URLS"],
            )

        index = self.get_template("listings")
        pages = [
            (
                settings["LISTING_INDEX_SAVE_AS"],
                settings["LISTING_INDEX_URL"],
                None,
                None,
                self.active,
            )
        ]
        pages += [
            (settings["LISTING_CATEGORY_SAVE_AS"].format(slug=slug), url, "category", label, items)
            for slug, label, url, items in self.categories
        ]
        pages += [
            (
                settings["LISTING_KIND_SAVE_AS"].format(slug=kind_slug(kind)),
                url,
                "kind",
                label,
                items,
            )
            for kind, label, url, items in self.kinds
        ]
        for save_as, url, scope, label, items in pages:
            writer.write_file(
                save_as,
                index,
                self.context,
                paginated={"listings": items},
                template_name="listings",
                url=url,
                listings_scope=scope,
                listings_label=label,
                listings_total=len(items),
                relative_urls=settings["RELATIVE_URLS"],
            )

        self._write_feed(writer)
        self.write_own_files()

    def write_own_files(self) -> None:
        """The files written without Pelican's writer (the JSON export, the calendars), and
        the removal of those the last build wrote and this one does not."""
        project = Path(self.settings["PATH"]).resolve().parent
        self.own = OwnOutputs.of(Path(self.output_path), project, self.cache_folder)
        self._write_export()
        self._write_calendars()
        for relative in self.own.finish():
            logger.info("Annonces : %s retiré de la sortie (n’est plus construit)", relative)

    # --- partial builds (a process that stays up: commands/resident.py) ------------------

    def read_again(self, path: Path) -> tuple[Listing, Listing] | str:
        """The listing built from `path` and the one it replaces, when an editor changed
        only what shows where the listing already is (its text, title, price, contact…);
        otherwise, in words, why only a full build is right: the file is not a listing of
        the last build, it has a problem (a full build reports it), or it moved the listing
        (address, date, expiry, status, category, kind: which lists show it, in what order)
        or changed which files exist (its calendar, its photos: a partial build publishes
        no image and removes none).

        The caller puts the new listing in place of the old one wherever the last build's
        objects hold it, renders the pages that show it, then calls `write_own_files()`."""
        shown = path.name
        old = next(
            (
                item
                for item in self.listings
                if item.source_path.name == path.name and _same_file(item.source_path, path)
            ),
            None,
        )
        if old is None:
            return f"{shown} n’est pas une annonce déjà construite"
        new, problems = self._validator.load(old.source_path)
        if new is None or problems or current_warnings([new], self.today):
            return f"{shown} signale un problème"
        moved = [name for name in PLACE_FIELDS if getattr(new, name) != getattr(old, name)]
        if moved:
            return f"{shown} : {', '.join(moved)} a changé"
        return old, new

    @functools.cached_property
    def _validator(self) -> ListingValidator:
        # For read_again, called at each save in livereload: the schema is compiled once per
        # generator, that is once per full build, whose settings it keeps.
        return ListingValidator(self.settings)

    def _write_feed(self, writer: Any) -> None:
        path = self.settings["LISTING_FEED_ATOM"]
        if not path:
            return
        timezone = datetime.UTC
        if self.settings.get("TIMEZONE"):
            import zoneinfo

            timezone = zoneinfo.ZoneInfo(self.settings["TIMEZONE"])
        items = [_FeedItem(listing, timezone) for listing in self.active]
        writer.write_feed(
            items, self.context, path, feed_title=f"{self.settings['SITENAME']} – petites annonces"
        )

    def _site_url(self) -> str:
        return self.settings.get("SITEURL") or ""

    def _write_export(self) -> None:
        path = self.settings["LISTING_JSON_EXPORT"]
        export = {
            "generated": self.today.isoformat(),
            "currency": self.settings["LISTING_CURRENCY"],
            # No email or phone here: this file is public. Partners link to the listing page.
            "listings": [export_record(item, self._site_url()) for item in self.active],
        }
        text = json.dumps(export, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        self.own.write(path, text.encode("utf-8"))

    def _write_calendars(self) -> None:
        events = [item for item in self.listings if item.event]
        for listing in events:
            self.own.write(
                listing.ics_save_as,
                calendar_bytes([listing], listing.title, self._site_url(), self.today),
            )
        upcoming = [
            item
            for item in events
            if item.is_listed(self.today) and item.event.end.date() >= self.today
        ]
        upcoming.sort(key=lambda item: item.event.start)
        name = f"{self.settings['SITENAME']} – événements"
        self.own.write(
            self.settings["LISTING_CALENDAR"],
            calendar_bytes(upcoming, name, self._site_url(), self.today),
        )


def export_record(listing: Listing, site_url: str) -> dict[str, Any]:
    """One listing as the public JSON export shows it."""
    event = None
    if listing.event:
        event = {
            "start": listing.event.start.isoformat(),
            "end": listing.event.end.isoformat(),
            "place": listing.event.place,
        }
    return {
        "slug": listing.slug,
        "url": f"{site_url}/{listing.url}",
        "title": listing.title,
        "kind": listing.kind,
        "category": listing.category,
        "location": listing.location,
        "postcode": listing.postcode,
        "date": listing.date.isoformat(),
        "expires": listing.expires.isoformat(),
        "status": listing.status,
        "author": listing.author,
        "price": listing.price,
        "tags": listing.tags,
        "event": event,
    }


def report(errors: list[ContentError], warnings: list[ContentError], root: Path) -> None:
    """Log each problem on its own line (the build counts them), then a total for errors:
    warnings are about listings that are published all the same."""
    for warning in warnings:
        logger.warning("%s", warning.format(root))
    for error in errors:
        logger.error("%s", error.format(root))
    if errors:
        files = len({error.path for error in errors})
        logger.error(
            "Annonces : %d problème(s) dans %d fichier(s) ; ces annonces ne sont pas publiées.",
            len(errors),
            files,
        )


def _counts(groups: list[tuple[str, str, str, list[Listing]]]) -> list[tuple[str, str, str, int]]:
    return [(slug, label, url, len(items)) for slug, label, url, items in groups]


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def _posix_relative(path: Path, folder: Path) -> str:
    """`path` from `folder`, with "/" (the key Pelican gives content: its source path from
    PATH, posixized)."""
    return Path(os.path.relpath(path, folder)).as_posix()
