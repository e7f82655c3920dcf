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


def copy_project(dest: Path, *also_ignore: str) -> Path:
    """A copy of the project for tasks that write into it (content/, output/); returns it."""
    ignore = (".venv", ".git", "output", ".cache", "__pycache__", ".pytest_cache", ".ruff_cache")
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*ignore, *also_ignore))
    return dest


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
