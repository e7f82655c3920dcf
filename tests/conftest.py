"""Fixtures: the demo site built once per test session, and a local web server for it."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import BUILD_DATE, ROOT, BuildResult, build_site, copy_project, run_invoke

# Caches that plugins keep per output folder, next to the content: tests that build the
# project's content/ into temporary folders leave one of each per folder (the SEO one is
# half a megabyte), in the developer's own .cache/.
PER_OUTPUT_CACHES = (
    "seo/pages-*.pickle",
    "incremental/pages-*.pickle",
    "sitemap/heads-*.json",
    "listings/outputs-*.json",
)


def _per_output_caches() -> set[Path]:
    return {path for pattern in PER_OUTPUT_CACHES for path in (ROOT / ".cache").glob(pattern)}


_CACHES_BEFORE = pytest.StashKey[set[Path]]()


# Session hooks, not a session fixture: with pytest-xdist each worker has a session of its
# own, and a worker that ends first would remove caches another worker's builds still use.
# Only the main process (no `workerinput`) takes the list before and cleans up after.
def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_CACHES_BEFORE] = _per_output_caches()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Remove the per-output caches this test run added to the project's .cache/."""
    before = session.config.stash.get(_CACHES_BEFORE, None)
    if before is not None:
        for path in _per_output_caches() - before:
            path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def renditions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's image renditions, encoded once per test session (support.seed_renditions)."""
    project = copy_project(tmp_path_factory.mktemp("renditions") / "project")
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / ".cache" / "thumbnails" / "renditions"


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The demo content built with `invoke build` into a temporary folder."""
    result = build_site(tmp_path_factory.mktemp("demo") / "output")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def prod_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The demo content built with the production settings (absolute URLs, feeds)."""
    result = build_site(tmp_path_factory.mktemp("prod") / "output", production=True)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def demo_output(demo_build: BuildResult) -> Path:
    return demo_build.output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def demo_server(demo_output: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the built demo site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(demo_output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
