"""`invoke serve` and `invoke livereload` really serve the site, and livereload rebuilds it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import copy_project

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and needle in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {needle!r} within {seconds}s")


@pytest.fixture
def project(tmp_path: Path, renditions: Path) -> Path:
    """A copy of the project: these tasks write into the project's own output/."""
    return copy_project(tmp_path / "project", renditions=renditions)


def _start(project: Path, *args: str, stdout: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        stdout=stdout,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.fixture
def running() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        _stop(proc)


def test_serve_serves_the_last_build(project: Path, running: list) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "invoke", "build"], cwd=project, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    port = _free_port()
    running.append(_start(project, "serve", "--port", str(port)))
    body = _wait_for(f"http://127.0.0.1:{port}/", "<h1>Les Tilleuls</h1>", seconds=30)
    assert 'lang="fr"' in body


def test_livereload_rebuilds_when_an_article_changes(
    project: Path, running: list, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "livereload.log"
    with log.open("wb") as stdout:
        running.append(_start(project, "livereload", "--port", str(port), stdout=stdout))
    source = sorted((project / "content" / "articles").glob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/{source.name[:4]}/{source.stem[11:]}/"
    _wait_for(url, "<h1>", seconds=60)

    text = source.read_text(encoding="utf-8")
    marker = "Phrase ajoutée pendant l’aperçu."
    source.write_text(text + f"\n\n{marker}\n", encoding="utf-8")
    _wait_for(url, marker, seconds=60)
    # The build process stayed up: only the pages showing the article were made again.
    said = log.read_text(encoding="utf-8").splitlines()
    assert said[0].startswith("Reconstruction complète"), said
    assert any(line.startswith("Reconstruction partielle") for line in said[1:]), said

    # A file no build reads still starts one when it is saved: the editor is told at once
    # that it is left out, not at the next save of an article.
    (project / "content" / "articles" / "brouillon.txt").write_text("Titre: Brouillon\n")
    line = _wait_for_line(log, "Reconstruction", after=len(said), seconds=60)
    assert "1 avertissement(s)" in line, line


def _wait_for_line(log: Path, start: str, after: int, seconds: float) -> str:
    """The first line of `log` beyond its first `after` lines that starts with `start`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8").splitlines()[after:]
        found = [line for line in lines if line.startswith(start)]
        if found:
            return found[0]
        time.sleep(0.3)
    raise AssertionError(f"no line starting with {start!r} in {log} within {seconds}s")
