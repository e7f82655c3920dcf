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
