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
    file: str
    old: dict[str, Entry] = field(default_factory=dict)
    new: dict[str, Entry] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0

    @classmethod
    def load(
        cls, folder: Path, build_digest: str, record_globals: list[str], file: str
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

    def remember(
        self,
        output_file: str,
        key: str,
        data: bytes,
        calls: list[Any],
        sha256: str | None = None,
    ) -> None:
        """Keep a rendered page's key; `sha256` is given for a reused page, whose calls were
        loaded from the state and so are known to be storable."""
        if sha256 is None:
            try:
                pickle.dumps(calls)
            except Exception:
                return  # calls we cannot store: this page will simply be rendered next time
            sha256 = hashlib.sha256(data).hexdigest()
        self.new[output_file] = Entry(key, sha256, calls)

    def save(self) -> None:
        if self.new == self.old:
            return  # nothing rendered, nothing gone: the file already says exactly this
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".pages.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((FORMAT, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.folder / self.file)
        except OSError as error:
            # Not a problem with the site, which is complete: only the next build is slower.
            logger.info(
                "Impossible d’écrire dans %s (%s) : le site est complet, la prochaine "
                "construction refera seulement toutes les pages.",
                self.folder,
                error,
            )
