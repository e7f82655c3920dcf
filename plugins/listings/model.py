"""A validated listing, as templates, feeds and exports see it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError


@dataclass(frozen=True)
class Contact:
    """How to reach the author. Templates never print email or phone: see contact.py."""

    email: str | None = None
    phone: str | None = None
    url: str | None = None

    @property
    def email_parts(self) -> tuple[str, list[str]] | None:
        """('martine.d', ['example', 'org']): for a fallback written out in words."""
        if not self.email:
            return None
        local, _, domain = self.email.partition("@")
        return local, domain.split(".")


@dataclass(frozen=True)
class Event:
    """When and where an event takes place (times are timezone-aware)."""

    start: datetime.datetime
    end: datetime.datetime
    place: str


@dataclass(frozen=True)
class Photo:
    """A photo of the listing: its path under PATH, and its size in pixels when readable."""

    path: str
    width: int | None = None
    height: int | None = None


@dataclass
class Listing:
    """One petite annonce, valid against the schema and the site's settings."""

    slug: str
    source_path: Path
    title: str
    kind: str
    kind_label: str
    kind_slug: str
    category: str
    category_label: str
    location: str
    date: datetime.date
    expires: datetime.date
    author: str
    contact: Contact
    description_html: str
    summary: str
    url: str
    save_as: str
    status: str = "active"
    postcode: str | None = None
    price: float | int | None = None
    photos: list[Photo] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    event: Event | None = None
    contact_blob: str = ""
    ics_url: str | None = None
    ics_save_as: str | None = None
    # What the build tells the editor each time, though the listing is published (what
    # was removed from its description): kept with it, so a cached listing still says it.
    warnings: tuple[ContentError, ...] = ()

    def is_expired(self, today: datetime.date) -> bool:
        """Expired from the day after `expires`: a listing is still online on its last day."""
        return self.expires < today

    def is_listed(self, today: datetime.date) -> bool:
        """Shown in indexes, feeds and exports: not expired and not closed."""
        return not self.is_expired(today) and self.status != "closed"

    @property
    def sort_key(self) -> tuple[datetime.date, str]:
        return (self.date, self.slug)
