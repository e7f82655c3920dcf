"""The Pelican side: register() and the `finalized` handler, without running Pelican."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import seo_checklist

from tests.seo.support import SITEURL, page, write_site


def fake_pelican(tmp_path: Path, **settings: Any) -> SimpleNamespace:
    """What the handler reads from Pelican: settings with absolute PATH and OUTPUT_PATH."""
    (tmp_path / "content").mkdir(exist_ok=True)
    output = write_site(tmp_path / "output", {"/a/": page("/a/", title="")})
    base = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(output), "SITEURL": SITEURL}
    return SimpleNamespace(settings={**base, **settings})


def test_register_connects_initialized_and_finalized() -> None:
    from pelican import signals

    seo_checklist.register()
    try:
        connected = list(signals.finalized.receivers_for(object()))
        assert seo_checklist.run_after_build in connected
    finally:
        # Other tests may run Pelican in this process: leave its signals as they were.
        signals.finalized.disconnect(seo_checklist.run_after_build)
        signals.initialized.disconnect(seo_checklist._configure)


def test_finalized_writes_reports_outside_the_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pelican = fake_pelican(tmp_path)
    with caplog.at_level(logging.INFO, logger="seo_checklist"):
        report = seo_checklist.run_after_build(pelican)
    assert report is not None and report.has_errors
    folder = tmp_path / ".cache" / "seo"
    data = json.loads((folder / "seo-report.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["check"] == "title-missing"
    assert "title-missing" in (folder / "seo-report.html").read_text(encoding="utf-8")
    output = tmp_path / "output"
    assert not list(output.rglob("seo-report*"))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        "SEO " + f.line() for f in report.findings if f.severity == "error"
    ]
    summary = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert summary[0].startswith("SEO : 2 pages vérifiées")
    assert str(folder / "seo-report.html") in summary[0]


def test_finalized_caps_logged_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pages = {f"/p{n}/": page(f"/p{n}/", title=f"Court {n}") for n in range(5)}
    write_site(tmp_path / "output", pages)
    pelican = fake_pelican(tmp_path, SEO_LOG_LIMIT=2)
    with caplog.at_level(logging.WARNING, logger="seo_checklist"):
        seo_checklist.run_after_build(pelican)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3
    assert warnings[-1].startswith("SEO : 3 autres avertissements ne sont pas affichés")


def test_run_on_build_off(tmp_path: Path) -> None:
    pelican = fake_pelican(tmp_path, SEO_RUN_ON_BUILD=False)
    assert seo_checklist.run_after_build(pelican) is None
    assert not (tmp_path / ".cache").exists()


def test_absolute_report_path(tmp_path: Path) -> None:
    pelican = fake_pelican(tmp_path, SEO_REPORT_PATH=str(tmp_path / "rapports"))
    seo_checklist.run_after_build(pelican)
    assert (tmp_path / "rapports" / "seo-report.json").is_file()
