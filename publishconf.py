"""Settings for the production build (`invoke publish`): pelicanconf.py plus what goes live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *

# The public address of the site, without a trailing slash. Set BABILLARD_SITEURL in the
# environment to publish the same content under another address.
SITEURL = os.environ.get("BABILLARD_SITEURL", "https://les-tilleuls.example.org")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Atom feeds: all articles, one per category and per author, and new listings.
FEED_ALL_ATOM = "feeds/tout.atom.xml"
CATEGORY_FEED_ATOM = "feeds/categorie-{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/auteur-{slug}.atom.xml"
LISTING_FEED_ATOM = "feeds/annonces.atom.xml"
