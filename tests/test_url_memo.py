"""The url_memo plugin changes how fast URLs are worked out, never what they are."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG

from tests.support import BUILD_DATE, ROOT, copy_project, run_invoke, tree_hashes


def test_the_site_is_the_same_without_the_plugin(
    demo_output: Path, tmp_path: Path, renditions: Path
) -> None:
    project = copy_project(tmp_path / "without", renditions=renditions)
    settings = project / "pelicanconf.py"
    text = settings.read_text("utf-8")
    assert '    "url_memo",\n' in text
    settings.write_text(text.replace('    "url_memo",\n', ""), "utf-8")
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert tree_hashes(project / "output") == tree_hashes(demo_output)


@pytest.fixture
def memo() -> Iterator[Any]:
    import url_memo
    from pelican import signals

    url_memo.register()
    yield url_memo
    # Leave Pelican as the other tests of this process expect it.
    url_memo._stop(None)
    Content.get_url_setting = url_memo._pelican_get_url_setting
    signals.initialized.disconnect(url_memo._stop)
    signals.all_generators_finalized.disconnect(url_memo._start)
    signals.finalized.disconnect(url_memo._stop)


def test_urls_are_kept_only_while_the_site_is_written(memo: Any) -> None:
    settings = {**DEFAULT_CONFIG, "PATH": "/site/content", "ARTICLE_URL": "{slug}/"}
    metadata = {"title": "Atelier", "date": datetime.datetime(2026, 10, 3)}
    article = Article("<p>x</p>", metadata=metadata, settings=settings, source_path="a.md")
    article.slug = "atelier"
    assert article.url == "atelier/"
    # While contents are read and linked, a change shows at once.
    article.slug = "atelier-velo"
    assert article.url == "atelier-velo/"
    memo._start([])  # all_generators_finalized
    assert article.url == "atelier-velo/"
    article.slug = "changed-while-writing"  # which nothing does; shows the memo is used
    assert article.url == "atelier-velo/"
    memo._stop(None)  # finalized
    assert article.url == "changed-while-writing/"


BUILD_TWICE = """
import gc, sys
from pathlib import Path
sys.path[:0] = [".", "plugins"]
from pelican.contents import Article, Content
from commands.pelican_run import load_settings, run_pelican

overrides = {"OUTPUT_PATH": sys.argv[1], "BUILD_DATE": sys.argv[2]}
for _ in range(3):
    run_pelican(load_settings(Path("pelicanconf.py"), overrides))
    gc.collect()
    alive = sum(isinstance(o, Article) for o in gc.get_objects())
    print("ROUND", alive, len(Content.__dict__["get_content"].cache))
"""


def test_a_process_that_builds_again_does_not_keep_the_last_build(tmp_path: Path) -> None:
    """Pelican's memo of get_content holds every article of every build (and through it the
    whole context): the plugin empties it at the end of each build."""
    proc = subprocess.run(
        [sys.executable, "-c", BUILD_TWICE, str(tmp_path / "out"), BUILD_DATE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rounds = [
        tuple(map(int, line.split()[1:]))
        for line in proc.stdout.splitlines()
        if line.startswith("ROUND ")
    ]
    assert len(rounds) == 3
    # No article outlives its build, and Pelican's memo is empty between builds.
    assert all(alive == 0 and memo == 0 for alive, memo in rounds), rounds
