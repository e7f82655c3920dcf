"""The report: counts, worst pages, and its terminal, JSON and HTML renderings."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from seo_checklist import Report
from seo_checklist.registry import Finding

from tests.seo.support import page, site_report


def sample(tmp_path: Path) -> Report:
    """Two broken pages and a clean one: 2 errors, 2 warnings, 1 notice."""
    pages = {
        "/a/": page("/a/", title="", body='<img src="/images/photo.jpg" width="1" height="1">'),
        "/b/": page("/b/", title="Court &lt;b&gt;gras&lt;/b&gt;", description="Trop court."),
        "/c/": page("/c/", body='<a href="https://x.example.org/">https://x.example.org/</a>'),
    }
    return site_report(tmp_path, pages)


def test_counts_and_worst_pages(tmp_path: Path) -> None:
    report = sample(tmp_path)
    assert report.counts == {"error": 2, "warning": 2, "notice": 1}
    assert report.has_errors
    assert report.pages_checked == 4
    assert report.worst_pages(2) == [
        ("/a/", {"error": 2, "warning": 0, "notice": 0}),
        ("/b/", {"error": 0, "warning": 2, "notice": 0}),
    ]


def test_no_errors() -> None:
    report = Report([Finding("title-length", "warning", "/a/", "m", "f")], 1)
    assert not report.has_errors
    assert Report([], 3).to_terminal().endswith("Aucun problème trouvé.\n")


def test_json_is_stable_and_complete(tmp_path: Path) -> None:
    report = sample(tmp_path)
    data = json.loads(report.to_json())
    assert data["version"] == 1
    assert data["pages_checked"] == 4
    assert data["counts"] == {"error": 2, "notice": 1, "warning": 2}
    assert [(f["page"], f["check"]) for f in data["findings"]] == [
        ("/a/", "img-alt-missing"),
        ("/a/", "title-missing"),
        ("/b/", "description-length"),
        ("/b/", "title-length"),
        ("/c/", "link-bare-url"),
    ]
    assert set(data["findings"][0]) == {"check", "severity", "page", "message", "fix"}
    # Same site, same bytes: no timing in the JSON.
    assert sample(tmp_path / "again").to_json() == report.to_json()


def test_terminal(tmp_path: Path) -> None:
    text = sample(tmp_path).to_terminal(max_pages=1)
    assert "4 pages vérifiées" in text
    assert "2 erreurs, 2 avertissements, 1 remarque." in text
    assert "Pages les plus touchées (1 sur 3)" in text
    assert "/a/  2 erreurs" in text
    assert "/b/  " not in text  # only max_pages worst pages are listed
    for finding in sample(tmp_path / "b").findings:
        line = f"{finding.page}: [{finding.check_id}] {finding.message} → {finding.fix}"
        assert line in text.splitlines()


def test_html_report(tmp_path: Path) -> None:
    report = sample(tmp_path)
    soup = BeautifulSoup(report.to_html(), "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.find("script") is None
    assert soup.find("style") is not None
    assert not soup.find_all("link")  # self-contained
    assert len(soup.find_all("h1")) == 1
    text = soup.get_text(" ")
    assert "2 erreurs" in text
    sections = {s.h3.get_text(strip=True): s for s in soup.find_all("section")}
    assert list(sections) == ["/a/", "/b/", "/c/"]  # worst first
    for finding in report.findings:
        section_text = sections[finding.page].get_text(" ")
        assert finding.message in section_text
        assert finding.fix in section_text
        assert finding.check_id in section_text
    # Text from the pages is escaped, not interpreted.
    assert "« Court <b>gras</b> »" in sections["/b/"].get_text()
    assert soup.find("b") is None
    # Every entry of the summary leads to its page's section.
    for link in soup.nav.find_all("a"):
        assert soup.find(id=link["href"][1:]) is not None


def test_html_report_without_findings() -> None:
    soup = BeautifulSoup(Report([], 5).to_html(), "html.parser")
    assert "Aucun problème trouvé." in soup.get_text()
