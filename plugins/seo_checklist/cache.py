"""Parsed pages kept between runs, keyed by the page's bytes: an unchanged page is not parsed
again, by the next build's check or by `invoke seo` right after a build.

The key is the file's path and the SHA-256 of its content, never its modification time, and
the whole cache is dropped when the parser's code changes (its source is hashed), so a
cached Page is always what parsing the file now would give. The cache file holds only the
pages of the last run: it cannot grow without end.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

from . import page as page_module
from .page import Page

logger = logging.getLogger(__name__)

CACHE_FILE = "pages.pickle"


def _parser_digest() -> str:
    # page.py is the parser: any change to it may change what a Page holds.
    return hashlib.sha256(Path(page_module.__file__).read_bytes()).hexdigest()


class PageCache:
    """(file, sha256) → Page, loaded from and saved to one file in `folder`."""

    def __init__(self, folder: Path, output: Path | None = None) -> None:
        # One file per output folder, so local and production builds keep their own pages.
        name = CACHE_FILE
        if output is not None:
            tag = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:12]
            name = f"pages-{tag}.pickle"
        self.path = folder / name
        self.digest = _parser_digest()
        self.old: dict[tuple[str, str], Page] = {}
        self.new: dict[tuple[str, str], Page] = {}
        self.hits = 0
        self.loaded_keys: set[tuple[str, str]] = set()
        try:
            with self.path.open("rb") as handle:
                digest, entries = pickle.load(handle)
            if digest == self.digest:
                self.old = entries
                self.loaded_keys = set(entries)
        except FileNotFoundError:
            pass
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            # A cache is only a shortcut: when it cannot be read, parse everything again.
            logger.debug("SEO : cache des pages illisible, ignoré (%s)", self.path)

    def get(self, file: str, digest: str) -> Page | None:
        page = self.old.get((file, digest))
        if page is not None:
            self.hits += 1
            self.new[(file, digest)] = page
        return page

    def put(self, file: str, digest: str, page: Page) -> None:
        if page.unreadable is None:
            self.new[(file, digest)] = page

    def save(self) -> None:
        """Write the pages of this run, atomically (a reader never sees half a file)."""
        if self.hits == len(self.new) and self.new.keys() == self.loaded_keys:
            return  # nothing new: the file on disk already says exactly this
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".pages.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self.digest, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.path)
        except OSError as error:
            logger.warning("SEO : cache des pages non écrit (%s) : %s", self.path, error)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
