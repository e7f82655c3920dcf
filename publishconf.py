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

# Drafts are built locally for preview (output/brouillons/), never published.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# Where `invoke publish` puts the site (README.md, section "Publish"). Hosts, users, paths and
# keys are the association's secrets: they come from the environment (or ~/.ssh/config),
# never from this file. target: "rsync" (a server, over SSH), "local" (a folder of this
# machine) or "git" (a branch for GitHub/GitLab Pages).
DEPLOY = {
    "target": os.environ.get("BABILLARD_DEPLOY_TARGET", "rsync"),
    # rsync: user@host, or a Host name of ~/.ssh/config.
    "host": os.environ.get("BABILLARD_DEPLOY_HOST", ""),
    # rsync and local: the folder that holds releases/ and current (the web server serves
    # <path>/current).
    "path": os.environ.get("BABILLARD_DEPLOY_PATH", ""),
    # git: the remote (URL or path) and its branch.
    "remote": os.environ.get("BABILLARD_DEPLOY_REMOTE", ""),
    "branch": os.environ.get("BABILLARD_DEPLOY_BRANCH", "gh-pages"),
    # Releases kept on the target (the live one included), to roll back to.
    "keep": 5,
    # Extra ssh and rsync options, e.g. "-p 2222 -i ~/.ssh/asso" and "--bwlimit=500".
    "ssh_options": os.environ.get("BABILLARD_DEPLOY_SSH_OPTIONS", ""),
    "rsync_options": os.environ.get("BABILLARD_DEPLOY_RSYNC_OPTIONS", ""),
}
