"""check_written: after a partial build, only the rewritten pages are read again, and the
report is the one a whole new check gives."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import seo_checklist
from seo_checklist.settings import configure

from .support import SITEURL, file_for, page, write_site

PAGES = {"/": page("/"), "/a-propos/": page("/a-propos/"), "/contact/": page("/contact/")}


def _pelican(output: Path, tmp_path: Path) -> SimpleNamespace:
    settings = configure(
        {"SITEURL": SITEURL, "OUTPUT_PATH": str(output), "PATH": str(tmp_path / "content")}
    )
    settings["SEO_WORKERS"] = 1
    return SimpleNamespace(settings=settings)


def _rewrite(output: Path, url: str, old: str, new: str) -> str:
    path = output / file_for(url)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return file_for(url)


def test_a_written_page_is_checked_again_and_the_report_is_a_full_checks(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    pelican = _pelican(output, tmp_path)
    assert seo_checklist.run_after_build(pelican).findings == []

    # A link to an anchor that exists, then the anchor's page loses it: the link's page was
    # not rewritten, but its finding must appear (the site's anchors changed).
    link = '<p><a href="/contact/#contenu">Le contenu</a></p></main>'
    written = _rewrite(output, "/", "</main>", link)
    report = seo_checklist.check_written(pelican, [written])
    assert report is not None and report.findings == []
    written = _rewrite(output, "/contact/", 'id="contenu"', 'id="autre"')
    partial = seo_checklist.check_written(pelican, [written])
    assert ("/", "anchor-broken") in [(f.page, f.check_id) for f in partial.findings]
    assert partial.to_json() == seo_checklist.run_after_build(pelican).to_json()


def test_without_an_earlier_check_or_with_new_files_it_checks_everything(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    pelican = _pelican(output, tmp_path)
    seo_checklist._last_checked = None
    report = seo_checklist.check_written(pelican, [])
    assert report is not None and report.pages_checked == len(PAGES)
    write_site(output, {"/nouvelle/": page("/nouvelle/")})
    report = seo_checklist.check_written(pelican, ["nouvelle/index.html"])
    assert report.pages_checked == len(PAGES) + 1
