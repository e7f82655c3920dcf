"""What the incremental writer keeps between builds: for each output page, the key it was
rendered with, the SHA-256 of its bytes and the template-global calls to replay; the
variables each template reads, as long as the build-wide fingerprint (which covers every
template file) is the same; and every file Pelican wrote or kept in the output folder
(pages, feeds, static files) with its stat signature just after, which tells the next
build that a page on disk is still the one it wrote, and which files it no longer makes.

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


FORMAT = 4
# (size, mtime in ns, inode) of a file: the same three as the last write means the same
# bytes, unless someone rewrote it in place within the same nanosecond to the same size.
Signature = tuple[int, int, int]


def signature(path: str | Path) -> Signature | None:
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


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
    # Template analysis (writer.template_variables), keyed by the loader's folders and the
    # template's name: parsing the theme's templates on every build cost a quarter second.
    variables: dict[Any, frozenset[str] | None] = field(default_factory=dict)
    _old_variables: dict[Any, frozenset[str] | None] = field(default_factory=dict)
    # Every file Pelican wrote or kept in the output folder, relative to it → its signature
    # just after: the last build's, and this one's.
    old_outputs: dict[str, Signature | None] = field(default_factory=dict)
    outputs: dict[str, Signature | None] = field(default_factory=dict)
    output_root: str | None = None  # OUTPUT_PATH, set by the plugin
    statics: list[str] = field(default_factory=list)  # this build's static files' save_as
    rendered: int = 0
    reused: int = 0
    # Set in a partial build (partial.py): a page is rendered only if it reaches what changed.
    reach: Any = None

    def following(self, reach: Any) -> BuildState:
        """The state of a partial build after this one: every page and file is kept as this
        build left it unless the partial build writes it again."""
        state = BuildState(self.folder, self.build_digest, self.record_globals, self.file)
        state.old, state.new = self.new, dict(self.new)
        state.old_outputs, state.outputs = self.outputs, dict(self.outputs)
        state.variables = state._old_variables = self.variables
        state.output_root = self.output_root
        state.reach = reach
        return state

    @classmethod
    def load(
        cls, folder: Path, build_digest: str, record_globals: list[str], file: str
    ) -> BuildState:
        state = cls(folder, build_digest, record_globals, file)
        try:
            with (folder / file).open("rb") as handle:
                version, digest, variables, entries, outputs = pickle.load(handle)
            if version == FORMAT:
                state.old = entries
                state.old_outputs = outputs
                if digest == build_digest:  # the same template files
                    state.variables = dict(variables)
                    state._old_variables = variables
        except FileNotFoundError:
            pass
        except Exception as error:  # any unreadable state (or older format): a full render
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

    def output(self, relative: str, stat: Signature | None) -> None:
        """Pelican wrote, or kept as it was, this file of the output folder."""
        self.outputs[relative] = stat

    def remove_stale(self, output: Path) -> list[str]:
        """Delete the files the last build made and this one did not (a deleted article's
        page, a removed image's copy), as a build into an empty folder would not have them.

        Only a file that still has the size and modification time recorded last time is
        deleted: one that something else wrote since is left alone. Folders left empty go
        too. Returns the files deleted, relative to `output`."""
        removed = []
        for relative, recorded in sorted(self.old_outputs.items()):
            if relative in self.outputs or recorded is None:
                continue
            path = output / relative
            # Size and modification time, not the inode: a copied project (cp -a) keeps its
            # stale files otherwise. Another file with the same size and the same time to
            # the nanosecond is not something to fear.
            current = signature(path)
            if current is None or current[:2] != recorded[:2]:
                continue
            try:
                path.unlink()
            except OSError as error:
                logger.warning(
                    "%s n’est plus construit mais n’a pas pu être retiré de %s (%s) → "
                    "supprimez-le vous-même.",
                    relative,
                    output,
                    error,
                )
                continue
            removed.append(relative)
            folder = path.parent
            while folder != output and folder.is_relative_to(output):
                try:
                    folder.rmdir()  # only if empty
                except OSError:
                    break
                folder = folder.parent
        return removed

    def save(self) -> bool:
        """Store this build's state; False if it could not be written."""
        if (
            self.new == self.old
            and self.variables == self._old_variables
            and self.outputs == self.old_outputs
        ):
            return True  # nothing rendered, nothing gone: the file already says exactly this
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".pages.")
            with os.fdopen(fd, "wb") as handle:
                record = (FORMAT, self.build_digest, self.variables, self.new, self.outputs)
                pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.folder / self.file)
        except OSError as error:
            # Not a problem with the site, which is complete: only the next build is slower.
            logger.info(
                "Impossible d’écrire dans %s (%s) : le site est complet, la prochaine "
                "construction refera tout le site.",
                self.folder,
                error,
            )
            return False
        return True
