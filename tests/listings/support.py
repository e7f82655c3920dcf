"""Helpers for the listings tests: the demo's listings read independently of the plugin."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from tests.support import BUILD_DATE, CONTENT

TODAY = datetime.date.fromisoformat(BUILD_DATE)
DEFAULT_DAYS = 60  # pelicanconf.LISTING_DEFAULT_DAYS

# A valid listing; tests break one line at a time. Line numbers matter: keep them.
VALID = """\
title: Vélo de course à donner
kind: don
category: sport
location: Villebourg
date: 2026-11-10
expires: 2027-01-10
author: Paul R.
contact:
  email: paul.r@example.org
photos:
  - annonces/velo-enfant.jpg
description: |
  Un vélo de course en bon état, à venir chercher rue des Charmes.
"""


def demo_listings() -> list[dict[str, Any]]:
    """Every demo listing as plain data (BaseLoader: every value is text), with its slug."""
    found = []
    for path in sorted((CONTENT / "listings").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        date = datetime.date.fromisoformat(data["date"])
        expires = (
            datetime.date.fromisoformat(data["expires"])
            if "expires" in data
            else date + datetime.timedelta(days=DEFAULT_DAYS)
        )
        data.update(slug=path.stem, expires_date=expires, path=path)
        found.append(data)
    return found


def is_listed(listing: dict[str, Any], today: datetime.date = TODAY) -> bool:
    return listing["expires_date"] >= today and listing.get("status", "active") != "closed"


def write_listing(content: Path, name: str, text: str | bytes) -> Path:
    path = content / "listings" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
