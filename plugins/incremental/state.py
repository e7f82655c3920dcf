"""What the incremental writer keeps between builds: for each output page, the key it was
rendered with, the SHA-256 of its bytes and the template-global calls to replay.

Stored in one pickle under INCREMENTAL_CACHE_PATH, replaced atomically after each build,
holding only the pages of that build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

STATE_FILE = "pages.pickle"


def state_file(output: Path, project: Path) -> str:
    """One state file per output folder: the local and the production builds (different
    SITEURL, so different pages) must not overwrite each other's state."""
    output = output.resolve()
    name = str(output.relative_to(project)) if output.is_relative_to(project) else str(output)
    return f"pages-{hashlib.sha256(name.encode()).hexdigest()[:12]}.pickle"


FORMAT = 1


@dataclass
class Entry:
    key: str
    sha256: str
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any], Any]]


@dataclass
class BuildState:
    folder: Path
    build_digest: str
    record_globals: list[str]
    file: str = STATE_FILE
    old: dict[str, Entry] = field(default_factory=dict)
    new: dict[str, Entry] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0

    @classmethod
    def load(
        cls, folder: Path, build_digest: str, record_globals: list[str], file: str = STATE_FILE
    ) -> BuildState:
        state = cls(folder, build_digest, record_globals, file)
        try:
            with (folder / file).open("rb") as handle:
                version, entries = pickle.load(handle)
            if version == FORMAT:
                state.old = entries
        except FileNotFoundError:
            pass
        except Exception as error:  # any unreadable state only means a full render
            logger.debug("incremental: state unreadable (%s), rendering everything", error)
        return state

    def previous(self, output_file: str) -> Entry | None:
        return self.old.get(output_file)

    def remember(
        self,
        output_file: str,
        key: str,
        data: bytes,
        calls: list[Any],
        sha256: str | None = None,
    ) -> None:
        try:
            pickle.dumps(calls)
        except Exception:
            return  # calls we cannot store: this page will simply be rendered next time
        digest = sha256 or hashlib.sha256(data).hexdigest()
        self.new[output_file] = Entry(key, digest, calls)

    def save(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".pages.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((FORMAT, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.folder / self.file)
        except OSError as error:
            logger.warning(
                "Reconstruction partielle : état non écrit (%s) : %s", self.folder, error
            )
