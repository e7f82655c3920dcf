"""Fixtures for the deploy tests: a project to publish, a real sshd, a real nginx."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.deploy.servers import SshServer, start_nginx, start_sshd
from tests.deploy.support import commit_all, git
from tests.support import BUILD_DATE, copy_project, run_invoke


@pytest.fixture(scope="session")
def template_project(tmp_path_factory: pytest.TempPathFactory, renditions: Path) -> Path:
    """A copy of the project in its own git repository, its image cache already filled."""
    project = copy_project(tmp_path_factory.mktemp("deploy") / "project", renditions=renditions)
    git(project, "init", "--quiet")
    commit_all(project, "Le site des Tilleuls")
    # One production build fills .cache/thumbnails: every test's copy then builds in a second.
    warm = run_invoke(
        "build", "--production", "--output", str(project.parent / "warm"),
        "--build-date", BUILD_DATE, cwd=project,
    )  # fmt: skip
    assert warm.returncode == 0, warm.stdout + warm.stderr
    return project


@pytest.fixture
def project(template_project: Path, tmp_path: Path) -> Path:
    """This test's own copy of the template project (content, git history, caches)."""
    return Path(shutil.copytree(template_project, tmp_path / "project", symlinks=True))


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """Debian's OpenSSH server on 127.0.0.1, reachable as tests.deploy.servers.ALIAS."""
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Callable[[Path], str]]:
    """Start nginx serving a folder (a target's `current`); returns its base URL."""
    processes = []

    def start(root: Path) -> str:
        process, url = start_nginx(tmp_path / f"nginx{len(processes)}", root)
        processes.append(process)
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
