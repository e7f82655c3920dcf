"""Skip a build when nothing it reads has changed and its output is as it left it.

`invoke build` fingerprints every input: the content folder, the theme, the plugins, the
settings files, the lock file, the build's settings (BUILD_DATE, SITEURL, folders) and the
Python version. If the fingerprint is the last clean build's, and every output file still
has the size and modification time that build left, there is nothing to do. This is what
makes `invoke livereload`'s rebuild after a save of an unchanged file, or `invoke build`
run twice, cost a fraction of a second.

Files are fingerprinted by content (SHA-256). The hash of a file whose size, modification
time and inode are the ones recorded is taken from the record instead of re-reading the
file, as the thumbnails plugin does for images.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

RECORD_VERSION = 1
# Settings that change the output without being in any file (command-line overrides,
# environment variables read by pelicanconf.py and publishconf.py).
SETTINGS_IN_FINGERPRINT = ("BUILD_DATE", "SITEURL", "PATH", "OUTPUT_PATH", "THEME", "DEPLOY")


def _walk(root: Path) -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        found.extend(Path(folder) / name for name in names if not name.endswith(".pyc"))
    return found


class BuildInputs:
    """The fingerprint of one build's inputs and the state of its output folder."""

    def __init__(self, project: Path, settings: dict[str, Any], settings_file: Path) -> None:
        self.project = project.resolve()
        self.output = Path(settings["OUTPUT_PATH"]).resolve()
        # Paths are taken relative to the project: a moved or copied project keeps its record.
        tag = hashlib.sha256(self._name(self.output).encode()).hexdigest()[:12]
        self.record_path = project / ".cache" / "builds" / f"{tag}.json"
        self.record = self._load()
        known: dict[str, list[Any]] = self.record.get("hashes", {})
        files: list[Path] = []
        for root in [settings["PATH"], settings.get("THEME"), *settings.get("PLUGIN_PATHS", [])]:
            if root and Path(root).is_dir():
                files += _walk(Path(root).resolve())
        extra = [settings_file, project / "pelicanconf.py", project / "publishconf.py"]
        extra += [project / "requirements.lock", *(project / "commands").glob("*.py")]
        files += [p.resolve() for p in extra if p.is_file()]
        self.hashes: dict[str, list[Any]] = {}
        digest = hashlib.sha256()
        for path in sorted(set(files)):
            stat = path.stat()
            mark = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
            entry = known.get(str(path))
            if entry and entry[:3] == mark:
                sha = entry[3]
            else:
                sha = hashlib.sha256(path.read_bytes()).hexdigest()
            self.hashes[str(path)] = [*mark, sha]
            digest.update(f"{self._name(path)}\0{sha}\n".encode())
        values = {name: settings.get(name) for name in SETTINGS_IN_FINGERPRINT}
        for name in ("PATH", "OUTPUT_PATH", "THEME"):
            if values[name]:
                values[name] = self._name(Path(values[name]).resolve())
        digest.update(json.dumps(values, sort_keys=True, default=str).encode())
        digest.update(sys.version.encode())
        self.fingerprint = digest.hexdigest()

    def _name(self, path: Path) -> str:
        return (
            str(path.relative_to(self.project)) if path.is_relative_to(self.project) else str(path)
        )

    def _load(self) -> dict[str, Any]:
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if record.get("version") == RECORD_VERSION else {}

    def output_state(self) -> str:
        """Fingerprint of the output folder's files: names, sizes, modification times."""
        digest = hashlib.sha256()
        for path in sorted(_walk(self.output)) if self.output.is_dir() else []:
            stat = path.stat()
            name = path.relative_to(self.output)
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def unchanged(self) -> list[str] | None:
        """The last build's summary lines if nothing changed since it; None otherwise."""
        record = self.record
        if not record or record.get("fingerprint") != self.fingerprint:
            return None
        if record.get("output_state") != self.output_state():
            return None
        return list(record.get("summary", []))

    def save(self, summary: list[str], clean: bool) -> None:
        """Remember this build. A build with problems is never skipped next time, so its
        problems are printed again."""
        record = {
            "version": RECORD_VERSION,
            "fingerprint": self.fingerprint if clean else "",
            "output_state": self.output_state(),
            "summary": summary,
            "hashes": self.hashes,
        }
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.record_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(self.record_path)
