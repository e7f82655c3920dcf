"""Listings kept between builds, keyed by the file's path and the SHA-256 of its bytes.

Reading 2,000 listings (YAML, schema, Markdown, sanitising) costs seconds; most builds
change one or none. An entry is reused only when the file's bytes, the LISTING_* settings,
PATH, TIMEZONE, this plugin's code and the versions of the libraries it uses are all the
same, and each photo it names still has the size and modification time it had. A file
with problems is never cached: its messages (which may suggest a nearby photo name) are
worked out afresh each time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from .model import Listing

logger = logging.getLogger(__name__)

CACHE_FILE = "listings.pickle"
PhotoMarks = tuple[tuple[str, int, int], ...]


# The libraries that read, check and turn a listing into HTML: an upgrade may change a
# listing's HTML or whether it is valid, so it empties the cache.
_LIBRARIES = ("PyYAML", "jsonschema", "Markdown", "nh3", "pelican")


def _versions() -> str:
    found = []
    for name in _LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return " ".join(found)


def settings_digest(settings: dict[str, Any]) -> str:
    names = [*sorted(n for n in settings if n.startswith("LISTING_")), "PATH", "TIMEZONE"]
    code = b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))
    text = repr([(name, settings.get(name)) for name in names]).encode()
    return hashlib.sha256(text + b"\0" + code + b"\0" + _versions().encode()).hexdigest()


def photo_marks(listing: Listing, photos_root: Path) -> PhotoMarks | None:
    marks = []
    for photo in listing.photos:
        try:
            stat = (photos_root / photo.path).stat()
        except OSError:
            return None
        marks.append((photo.path, stat.st_size, stat.st_mtime_ns))
    return tuple(marks)


class ListingCache:
    """(path, sha256) → (Listing, photo marks), for one settings digest."""

    def __init__(self, folder: Path, digest: str, photos_root: Path) -> None:
        self.path = folder / CACHE_FILE
        self.digest = digest
        self.photos_root = photos_root
        self.old: dict[tuple[str, str], tuple[Listing, PhotoMarks]] = {}
        self.new: dict[tuple[str, str], tuple[Listing, PhotoMarks]] = {}
        self.hits = 0
        try:
            with self.path.open("rb") as handle:
                digest_on_disk, entries = pickle.load(handle)
            if digest_on_disk == digest:
                self.old = entries
        except FileNotFoundError:
            pass
        except Exception:  # a cache we cannot read only means reading the files again
            logger.debug("annonces : cache illisible, ignoré (%s)", self.path)

    def get(self, path: Path, sha256: str) -> Listing | None:
        entry = self.old.get((str(path), sha256))
        if entry is None or photo_marks(entry[0], self.photos_root) != entry[1]:
            return None
        self.hits += 1
        self.new[(str(path), sha256)] = entry
        return entry[0]

    def put(self, path: Path, sha256: str, listing: Listing) -> None:
        marks = photo_marks(listing, self.photos_root)
        if marks is not None:
            self.new[(str(path), sha256)] = (listing, marks)

    def save(self) -> None:
        if self.hits == len(self.new) and self.new.keys() == self.old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".listings.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self.digest, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.path)
        except OSError as error:
            logger.warning("annonces : cache non écrit (%s) : %s", self.path, error)
