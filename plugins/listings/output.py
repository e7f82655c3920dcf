"""Writing output files without touching those whose bytes did not change.

An unchanged file keeps its modification time, so deploys (rsync) and browsers' caches see
that nothing changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically unless it already holds exactly that; True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, then rename: a reader never sees a half-written file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


class OwnOutputs:
    """The files this plugin writes itself (exports, calendars), from one build to the next.

    A listing deleted or no longer an event leaves its `evenement.ics` behind unless someone
    removes it: a build into an empty folder would not have it. Each file written (or found
    already right) is recorded with its size and modification time in `record`; at the end
    of the next build, recorded files not written again are deleted, if nothing else has
    changed them since (same size and time), and so are the folders they leave empty.
    """

    def __init__(self, output: Path, record: Path) -> None:
        self.output = output
        self.record = record
        self.old: dict[str, list[int]] = {}
        self.new: dict[str, list[int]] = {}
        # No record (or an unreadable one): nothing is known to be ours, nothing is removed.
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            self.old = dict(json.loads(record.read_text(encoding="utf-8"))["files"])

    @classmethod
    def of(cls, output: Path, project: Path, cache_folder: Path) -> OwnOutputs:
        """The record of `output` in `cache_folder`: one per output folder (local and
        production builds write different files), named after its place in the project so
        that a moved or copied project finds it."""
        place = output.resolve()
        name = str(place.relative_to(project)) if place.is_relative_to(project) else str(place)
        tag = hashlib.sha256(name.encode()).hexdigest()[:12]
        return cls(output, cache_folder / f"outputs-{tag}.json")

    def write(self, relative: str, data: bytes) -> None:
        path = self.output / relative
        write_if_changed(path, data)
        info = path.stat()
        self.new[relative] = [info.st_size, info.st_mtime_ns]

    def finish(self) -> list[str]:
        """Remove what the last build wrote and this one did not; save the record."""
        removed = []
        for relative, mark in sorted(self.old.items()):
            if relative in self.new:
                continue
            path = self.output / relative
            try:
                info = path.stat()
                if [info.st_size, info.st_mtime_ns] != mark:
                    continue  # written since by someone else: not ours to remove
                path.unlink()
            except OSError:
                continue
            removed.append(relative)
            folder = path.parent
            while folder != self.output and folder.is_relative_to(self.output):
                try:
                    folder.rmdir()  # only if empty
                except OSError:
                    break
                folder = folder.parent
        if self.new != self.old:
            data = json.dumps({"files": self.new}, sort_keys=True).encode("utf-8")
            try:
                write_if_changed(self.record, data)
            except OSError as error:  # the site is complete; only stale files may stay
                logger.info(
                    "Annonces : impossible d’écrire %s (%s) ; la prochaine construction ne "
                    "pourra pas retirer les fichiers d’annonces supprimées.",
                    self.record,
                    error,
                )
        return removed
