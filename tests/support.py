"""Helpers shared by the tests: build a site with the real `invoke build`, read its output."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# A fixed "today" so the tests see the same site whatever day they run.
BUILD_DATE = "2026-11-23"
# publishconf.py's SITEURL: production pages link with it.
PROD_SITEURL = "https://les-tilleuls.example.org"


@dataclass
class BuildResult:
    """What one run of `invoke build` left behind."""

    returncode: int
    stdout: str
    stderr: str
    output: Path

    @property
    def log(self) -> str:
        return self.stdout + self.stderr


def run_invoke(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `invoke ARGS` exactly as an editor would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def build_site(
    output: Path,
    content: Path = CONTENT,
    build_date: str = BUILD_DATE,
    task: str = "build",
    env: dict[str, str] | None = None,
    production: bool = False,
) -> BuildResult:
    """Build `content` into `output` with the local (or production) settings."""
    extra = ["--production"] if production else []
    args = ["--output", str(output), "--content", str(content), "--build-date", build_date]
    proc = run_invoke(task, *args, *extra, env=env)
    return BuildResult(proc.returncode, proc.stdout, proc.stderr, output)


def copy_project(dest: Path, *also_ignore: str, renditions: Path | None = None) -> Path:
    """A copy of the project for tasks that write into it (content/, output/); returns it.

    With `renditions`, the copy starts with those image renditions in its cache (see
    seed_renditions); without, it has no cache at all."""
    ignore = (".venv", ".git", "output", ".cache", "__pycache__", ".pytest_cache", ".ruff_cache")
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*ignore, *also_ignore))
    if renditions is not None:
        seed_renditions(dest, renditions)
    return dest


def seed_renditions(project: Path, renditions: Path) -> None:
    """Put already encoded image renditions in `project`'s cache, and nothing else.

    A rendition is cached under a key made of its source's bytes, its size, format and
    quality and the imaging libraries (thumbnails.images.Spec.key), so a build that finds
    it there publishes the bytes it would have encoded. Encoding the demo's photos is most
    of a cold build's time (about 3 s of both cores); tests about something else than
    images need not pay it each time. The thumbnails tests encode for themselves.
    """
    shutil.copytree(renditions, project / ".cache" / "thumbnails" / "renditions")


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def read_metadata(source: Path) -> dict[str, str]:
    """The `Key: value` header of a Pelican Markdown file, keys lower-cased."""
    meta: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        meta[key.strip().lower()] = value.strip()
    return meta


def output_file_for(url: str, output: Path) -> Path | None:
    """The file under `output` that a root-relative URL serves, or None if nothing does."""
    path = unquote(urlsplit(url).path).lstrip("/")
    target = output / path
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None
