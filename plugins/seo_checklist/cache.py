"""Parsed pages kept between runs, keyed by the page's bytes: an unchanged page is not parsed
again, by the next build's check or by `invoke seo` right after a build.

The key is the file's path and the SHA-256 of its content, never its modification time, and
the whole cache is dropped when the parser's code changes (its source is hashed), so a
cached Page is always what parsing the file now would give. The cache file holds only the
pages of the last run: it cannot grow without end.

Each page carries the findings of the checks that depend on it alone (Page.kept_findings),
so an unchanged page is not checked again by those checks while their rules stay the same.

The digest of each file read is kept with its stat signature (size, mtime in ns, inode): a
file that still has it is not read and hashed again (the build writes pages atomically, so
a rewritten page is a new inode).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

from . import page as page_module
from .page import Page

logger = logging.getLogger(__name__)

CACHE_FILE = "pages.pickle"


def _parser_digest() -> str:
    # page.py is the parser: any change to it may change what a Page holds. It builds on the
    # standard library's html.parser (a private method included), hence Python's version.
    code = Path(page_module.__file__).read_bytes() + sys.version.encode()
    return hashlib.sha256(code).hexdigest()


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
        # Set when a page's kept findings were worked out afresh: the file must be written.
        self.findings_changed = False
        # Strings and tuples shared by this run's new pages (Page.compact).
        self.shared: dict[object, object] = {}
        # file → (size, mtime_ns, inode, digest) of the bytes read during this run
        # (prefetch.py, digest_of), so they need not be read and hashed again; and the same
        # from the last run, kept in the file.
        self.read: dict[str, tuple[int, int, int, str]] = {}
        self.last_read: dict[str, tuple[int, int, int, str]] = {}
        try:
            with self.path.open("rb") as handle:
                digest, entries, last_read = pickle.load(handle)
            if digest == self.digest:
                self.old = entries
                self.loaded_keys = set(entries)
                self.last_read = last_read
        except FileNotFoundError:
            pass
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            # (ValueError too for a file of the older two-part format.)
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

    def known_digest(self, file: str, stat: os.stat_result) -> str | None:
        """The SHA-256 of `file` if this run or the last one read it with this signature."""
        mark = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        for source in (self.read, self.last_read):
            known = source.get(file)
            if known is not None and known[:3] == mark:
                self.read[file] = known
                return known[3]
        return None

    def digest_of(self, path: Path, file: str) -> str:
        """The SHA-256 of `path`'s bytes: known when the file is still the one read during
        this build or the last run (same size, mtime and inode), else read and hashed now."""
        stat = path.stat()
        digest = self.known_digest(file, stat)
        if digest is None:
            digest = file_digest(path.read_bytes())
            self.read[file] = (stat.st_size, stat.st_mtime_ns, stat.st_ino, digest)
        return digest

    def save(self) -> None:
        """Write the pages of this run, atomically (a reader never sees half a file)."""
        if (
            self.hits == len(self.new)
            and self.new.keys() == self.loaded_keys
            and not self.findings_changed
            and self.read == self.last_read
        ):
            return  # nothing new: the file on disk already says exactly this
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".pages.")
            with os.fdopen(fd, "wb") as handle:
                record = (self.digest, self.new, self.read)
                pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.path)
        except OSError as error:
            logger.warning("SEO : cache des pages non écrit (%s) : %s", self.path, error)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
