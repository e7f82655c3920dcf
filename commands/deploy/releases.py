"""Releases: names (`YYYYMMDDTHHMMSSZ-<commit>`), metadata, which to keep, which is previous."""

from __future__ import annotations

import datetime
import getpass
import json
import re
import socket
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

# Names sort in time order: the newest release is the greatest name.
NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-z-]{1,40}$")
NO_GIT = "sans-git"


@dataclass(frozen=True)
class Release:
    """One published version of the site, and where it came from."""

    name: str
    date: str  # when it was published, ISO 8601 in UTC
    commit: str = ""  # the project's source commit, "" outside git
    dirty: bool = False  # the source had changes not committed
    builder: str = ""  # user@machine that published it
    files: int = 0
    build_date: str = ""  # the build's BUILD_DATE

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Release | None:
        """The release a metadata record describes; None when it is not one of ours."""
        try:
            data = json.loads(text)
            release = cls(**{key: data[key] for key in cls.__dataclass_fields__ if key in data})
        except (ValueError, TypeError, KeyError):
            return None
        return release if NAME.match(release.name) else None

    def source(self) -> str:
        """The source commit as editors read it."""
        if not self.commit:
            return "hors git"
        dirty = " (avec des modifications non enregistrées)" if self.dirty else ""
        return self.commit[:7] + dirty

    def local_date(self, timezone: str) -> str:
        """The publication date in the site's time zone, `23/11/2026 14:28`."""
        try:
            when = datetime.datetime.fromisoformat(self.date.replace("Z", "+00:00"))
            return when.astimezone(ZoneInfo(timezone)).strftime("%d/%m/%Y %H:%M")
        except (ValueError, KeyError):
            return self.date


def source_commit(root: Path) -> tuple[str, bool]:
    """The project's HEAD commit and whether the work tree has changes; ("", False) outside git."""

    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
        return proc.stdout.strip() if proc.returncode == 0 else ""

    if not git("rev-parse", "--is-inside-work-tree"):
        return "", False
    commit = git("rev-parse", "--verify", "-q", "HEAD")
    return commit, bool(commit and git("status", "--porcelain"))


def new_release(
    root: Path,
    files: int,
    build_date: str,
    taken: Iterable[str] = (),
    now: datetime.datetime | None = None,
) -> Release:
    """A release named after now (UTC) and the source commit, not clashing with `taken`."""
    commit, dirty = source_commit(root)
    when = (now or datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    taken = set(taken)
    while True:
        name = f"{when:%Y%m%dT%H%M%SZ}-{commit[:7] or NO_GIT}"
        if name not in taken:
            break
        # Two publications in the same second: the names must still be unique and ordered.
        when += datetime.timedelta(seconds=1)
    try:
        builder = f"{getpass.getuser()}@{socket.gethostname()}"
    except (OSError, KeyError):
        builder = socket.gethostname()
    return Release(
        name=name,
        date=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        commit=commit,
        dirty=dirty,
        builder=builder,
        files=files,
        build_date=build_date,
    )


def to_prune(names: Iterable[str], live: str | None, keep: int) -> list[str]:
    """Releases beyond the `keep` newest; the live one is never among them."""
    ordered = sorted(set(names))
    kept = set(ordered[-keep:]) | {live}
    return [name for name in ordered if name not in kept]


def previous(names: Iterable[str], live: str | None) -> str | None:
    """The newest release older than the live one: what `rollback` puts back online."""
    older = [name for name in set(names) if live is not None and name < live]
    return max(older) if older else None
