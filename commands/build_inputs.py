"""Skip a build when nothing it reads has changed and its output is as it left it.

`invoke build` fingerprints every input: the content folder, the theme, the plugins, the
settings files, the lock file, the command's options, the environment variables the
settings read, today's date (the default BUILD_DATE) and the Python version. If the
fingerprint is the last clean build's, and every output file still has the size and
modification time that build left, there is nothing to do: `invoke build` run twice, or
`invoke livereload` after saving an unchanged file, costs a fraction of a second.

The check runs before Pelican is even imported: the folders to look at (PATH, THEME, the
plugin folders, OUTPUT_PATH) are the ones the last build recorded, valid because the
settings' own inputs (files, options, environment, date) are part of the fingerprint.

Files are fingerprinted by content (SHA-256). The hash of a file whose size, modification
time and inode are the recorded ones is taken from the record instead of re-reading the
file, as the thumbnails plugin does for images.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

RECORD_VERSION = 2
# Installed outside the lock file (pip install -U), a library may change the output too.
LIBRARIES = (
    "pelican", "Markdown", "Jinja2", "Pillow", "pillow-heif", "nh3", "jsonschema", "PyYAML",
    "beautifulsoup4",
)  # fmt: skip
# Environment variables that pelicanconf.py and publishconf.py read.
ENVIRONMENT_PREFIXES = ("BABILLARD_", "SOURCE_DATE_EPOCH")


def _library_versions() -> list[str]:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return found


def _walk(root: Path) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        # Hidden files are editors' locks and swap files (.#x.md, .x.md.swp), which Pelican
        # does not read either; they come and go while an editor types.
        found.extend(
            os.path.join(folder, name)  # noqa: PTH118 - strings: livereload walks on each save
            for name in names
            if not name.endswith(".pyc") and not name.startswith(".")
        )
    return found


def input_files(project: Path, settings_file: Path, roots: list[Path]) -> list[str]:
    """Every file a build reads, resolved: those under the content, theme and plugin folders
    `roots` (hidden files and compiled Python left out), the settings, and the project's
    own code and lock file. `invoke build` fingerprints them; livereload's worker
    (commands/resident.py) watches them."""
    files: list[str] = []
    for root in roots:
        if root.is_dir():
            files += _walk(root.resolve())
    extra = [settings_file, project / "pelicanconf.py", project / "tasks.py"]
    extra += [project / "publishconf.py", project / "requirements.lock"]
    extra += [*(project / "commands").glob("*.py"), *(project / "theme").glob("*.py")]
    files += [str(p.resolve()) for p in extra if p.is_file()]
    return sorted(set(files))


class BuildInputs:
    """The inputs of one `invoke build` command and the record of its last clean run."""

    def __init__(self, project: Path, settings_file: Path, options: dict[str, Any]) -> None:
        self.project = project.resolve()
        self.settings_file = settings_file
        self.options = options
        # One record per command line (settings file and options): local and production
        # builds, or builds into other folders, keep their own.
        command = json.dumps([settings_file.name, options], sort_keys=True, default=str)
        tag = hashlib.sha256(command.encode()).hexdigest()[:12]
        self.record_path = self.project / ".cache" / "builds" / f"{tag}.json"
        self.record = self._load()
        self.hashes: dict[str, list[Any]] = {}
        # Set by start(): the folders the settings name, and the inputs' fingerprint then.
        self.roots: dict[str, Any] = {}
        self.started = ""
        # unchanged()'s fingerprint, for the roots it was taken with: start() reuses it when
        # the settings name the same folders (taken earlier, it can only be older than what
        # the build reads, which makes the next build run, never skip).
        self._checked: tuple[dict[str, Any], str] | None = None

    def _name(self, path: Path) -> str:
        inside = path.is_relative_to(self.project)
        return str(path.relative_to(self.project)) if inside else str(path)

    def _load(self) -> dict[str, Any]:
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if record.get("version") == RECORD_VERSION else {}

    def _path(self, name: str) -> Path:
        """A recorded path: relative ones are inside this project, wherever it now is."""
        return self.project / name if not Path(name).is_absolute() else Path(name)

    def fingerprint(self, roots: dict[str, Any]) -> str:
        """Fingerprint of every input, given the folders the settings name (as recorded)."""
        known: dict[str, list[Any]] = self.record.get("hashes", {})
        folders = [roots["PATH"], roots["THEME"], *roots["PLUGIN_PATHS"]]
        files = input_files(self.project, self.settings_file, [self._path(f) for f in folders if f])
        digest = hashlib.sha256()
        for name in files:
            path = Path(name)
            try:
                stat = path.stat()
                mark = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
                entry = known.get(str(path))
                sha = entry[3] if entry and entry[:3] == mark else None
                if sha is None:
                    with path.open("rb") as handle:
                        sha = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError:
                sha = "vanished"  # gone since the walk: this fingerprint matches no record
            else:
                self.hashes[str(path)] = [*mark, sha]
            digest.update(f"{self._name(path)}\0{sha}\n".encode())
        environment = {k: v for k, v in os.environ.items() if k.startswith(ENVIRONMENT_PREFIXES)}
        context = [
            self.options,
            environment,
            datetime.date.today().isoformat(),
            sys.version,
            _library_versions(),
        ]
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def output_state(self, output: Path) -> str:
        """Fingerprint of the output folder's files: names, sizes, modification times."""
        digest = hashlib.sha256()
        for path in sorted(_walk(output)) if output.is_dir() else []:
            stat = os.stat(path)  # noqa: PTH116 - string paths: thousands of them
            name = os.path.relpath(path, output)
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def unchanged(self) -> tuple[Path, list[str]] | None:
        """(output folder, the last build's summary) if nothing changed since; else None."""
        record = self.record
        if not record.get("fingerprint") or "roots" not in record:
            return None
        current = self.fingerprint(record["roots"])
        self._checked = (record["roots"], current)
        if current != record["fingerprint"]:
            return None
        output = self._path(record["roots"]["OUTPUT_PATH"])
        if self.output_state(output) != record.get("output_state"):
            return None
        return output, list(record.get("summary", []))

    def start(self, settings: dict[str, Any]) -> None:
        """Fingerprint the inputs as the build is about to read them.

        Taken before the build, not after: a file saved while Pelican runs (livereload, two
        quick saves) must make the next build run, not be recorded as built."""

        def name(value: str) -> str:
            return self._name(Path(value).resolve())

        self.roots = {
            "PATH": name(settings["PATH"]),
            "THEME": name(settings["THEME"]),
            "PLUGIN_PATHS": [name(p) for p in settings.get("PLUGIN_PATHS", [])],
            "OUTPUT_PATH": name(settings["OUTPUT_PATH"]),
        }
        if self._checked is not None and self._checked[0] == self.roots:
            self.started = self._checked[1]
        else:
            self.started = self.fingerprint(self.roots)

    def save(self, summary: list[str], clean: bool) -> None:
        """Remember this build (after start()). A build with problems is never skipped next
        time, so its problems are printed again. A record that cannot be written only means
        the next build is not skipped."""
        record = {
            "version": RECORD_VERSION,
            "roots": self.roots,
            "fingerprint": self.started if clean else "",
            "output_state": self.output_state(self._path(self.roots["OUTPUT_PATH"])),
            "summary": summary,
            "hashes": self.hashes,
        }
        try:
            self.record_path.parent.mkdir(parents=True, exist_ok=True)
            # A file of its own: two builds at once (livereload and a terminal) must not
            # write through the same temporary name.
            fd, tmp = tempfile.mkstemp(dir=self.record_path.parent, prefix=".record.")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(record, handle)
            Path(tmp).replace(self.record_path)
        except OSError:
            return
        self._forget_removed_outputs()

    def _forget_removed_outputs(self) -> None:
        """Delete the records of output folders that no longer exist.

        Builds into temporary folders (the test suite's, a try-out) each leave a record of
        every input's hash, tens of KB: without this, .cache/builds/ grew by the test run.
        """
        for path in self.record_path.parent.glob("*.json"):
            if path == self.record_path:
                continue
            try:
                output = json.loads(path.read_text(encoding="utf-8"))["roots"]["OUTPUT_PATH"]
                if self._path(output).is_dir():
                    continue
            except (OSError, ValueError, KeyError, TypeError):
                pass  # unreadable or from an older version: of no use to any build
            path.unlink(missing_ok=True)
