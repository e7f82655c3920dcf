"""iCalendar (RFC 5545) files for events: one per event, and one feed of upcoming events."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar

from .model import Listing

PRODID = "-//Babillard//Petites annonces//FR"


def _event_component(
    listing: Listing, site_url: str, domain: str, stamp: datetime.datetime
) -> icalendar.Event:
    assert listing.event is not None
    event = icalendar.Event()
    # A stable UID, so calendar apps update the event instead of adding a copy.
    event.add("uid", f"{listing.slug}@{domain}")
    # DTSTAMP must not be "now": the build date keeps the file reproducible.
    event.add("dtstamp", stamp)
    # In UTC: a fixed offset like +01:00 has no TZID, and would become a "floating" local time.
    event.add("dtstart", listing.event.start.astimezone(datetime.UTC))
    event.add("dtend", listing.event.end.astimezone(datetime.UTC))
    event.add("summary", listing.title)
    event.add("location", listing.event.place)
    event.add("description", f"{listing.summary}\n\n{site_url}/{listing.url}")
    event.add("url", f"{site_url}/{listing.url}")
    if listing.status == "closed":
        event.add("status", "CANCELLED")
    return event


def calendar_bytes(
    listings: Iterable[Listing], name: str, site_url: str, build_date: datetime.date
) -> bytes:
    """An .ics file holding the events of `listings`."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    domain = site_url.split("://", 1)[-1].split("/", 1)[0] or "localhost"
    stamp = datetime.datetime.combine(build_date, datetime.time(0, 0), tzinfo=datetime.UTC)
    for listing in listings:
        calendar.add_component(_event_component(listing, site_url, domain, stamp))
    return calendar.to_ical()
