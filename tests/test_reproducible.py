"""Same content and same BUILD_DATE give the same bytes; BUILD_DATE is the build's "today"."""

from __future__ import annotations

import os
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support import build_site, tree_hashes


def test_two_builds_with_the_same_build_date_are_identical(
    demo_output: Path, tmp_path: Path
) -> None:
    second = build_site(tmp_path / "second")
    assert second.returncode == 0, second.log
    first_hashes = tree_hashes(demo_output)
    assert len(first_hashes) > 30
    assert tree_hashes(second.output) == first_hashes


def test_build_date_is_what_the_site_calls_today(tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", build_date="2031-01-01")
    assert result.returncode == 0, result.log
    footer = BeautifulSoup((result.output / "index.html").read_text(), "html.parser").footer
    assert "1er janvier 2031" in footer.get_text()


def test_build_date_defaults_to_source_date_epoch(tmp_path: Path) -> None:
    from tests.support import run_invoke

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1893456000"}  # 2030-01-01T00:00:00Z
    proc = run_invoke("build", "--output", str(tmp_path / "out"), env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "date de construction 2030-01-01" in proc.stdout
    assert "1er janvier 2030" in (tmp_path / "out" / "index.html").read_text()


def test_a_bad_build_date_is_refused_in_plain_words(tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", build_date="23/11/2026")
    assert result.returncode == 2
    assert "BUILD_DATE = '23/11/2026' n’est pas une date" in result.log
    assert "AAAA-MM-JJ" in result.log
    assert "Traceback" not in result.log
    assert not (tmp_path / "out").exists()
