"""The SHA-256 manifest of a built site, and what changed between two of them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from commands.deploy import DeployError


@dataclass(frozen=True)
class Diff:
    """Files added, changed and removed going from one manifest to another (sorted paths)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def differences(self) -> list[str]:
        """Every differing path, marked + (added), ~ (changed) or - (removed)."""
        return (
            [f"+ {path}" for path in self.added]
            + [f"~ {path}" for path in self.changed]
            + [f"- {path}" for path in self.removed]
        )


@dataclass(frozen=True)
class Manifest:
    """sha256 of every file of a site, by relative POSIX path."""

    files: dict[str, str]

    @classmethod
    def from_tree(cls, root: Path) -> Manifest:
        """Hash every file under `root`; a link or special file is refused (never published)."""
        files: dict[str, str] = {}
        for path in sorted(root.rglob("*")):
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                raise DeployError(
                    f"{path} n’est pas un fichier ordinaire (lien ou fichier spécial) : "
                    "le site construit ne doit contenir que des fichiers."
                )
            if path.is_file():
                digest = hashlib.sha256()
                with path.open("rb") as stream:
                    for block in iter(lambda: stream.read(1 << 20), b""):
                        digest.update(block)
                files[path.relative_to(root).as_posix()] = digest.hexdigest()
        return cls(files)

    def to_sha256sum(self) -> bytes:
        """The manifest as `sha256sum --zero` prints it: `HEX  ./path` ended by NUL, sorted."""
        return b"".join(
            f"{digest}  ./{path}".encode() + b"\0" for path, digest in sorted(self.files.items())
        )

    @classmethod
    def parse_sha256sum(cls, data: bytes) -> Manifest:
        """Read `to_sha256sum()`'s format (what the target's `sha256sum --zero` prints)."""
        files: dict[str, str] = {}
        for record in data.split(b"\0"):
            if not record.strip():
                continue
            digest, sep, name = record.partition(b"  ")
            if not sep or len(digest) != 64:
                raise DeployError(f"Liste d’empreintes illisible : {record[:120]!r}.")
            path = name.decode("utf-8", errors="surrogateescape")
            files[path.removeprefix("./")] = digest.decode("ascii")
        return cls(files)

    def diff(self, old: Manifest) -> Diff:
        """What goes from `old` (the live site) to this manifest."""
        return Diff(
            added=sorted(path for path in self.files if path not in old.files),
            changed=sorted(
                path
                for path, digest in self.files.items()
                if path in old.files and old.files[path] != digest
            ),
            removed=sorted(path for path in old.files if path not in self.files),
        )
