"""The one-pass page reader agrees with BeautifulSoup, in one process or several."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from seo_checklist import bench, check_site, site
from seo_checklist.page import WORD, parse_html
from seo_checklist.registry import all_checks

from tests.seo.support import FIFTY_WORDS, page

README = Path(__file__).resolve().parents[2] / "plugins" / "seo_checklist" / "README.md"

TRICKY = page(
    "/a/",
    title="Titre &amp; sous-titre",
    body=f"""
<p>Premier paragraphe <strong>en gras</strong> et <a href="/b/#x">un lien</a>
<p>Deuxième, non fermé : {FIFTY_WORDS}
<div>Un bloc qui ferme le paragraphe.</div>
<svg aria-hidden="true"><title>Icône</title><text>mot</text></svg>
<script>var mots = "pas du contenu";</script><style>p {{ color: red }}</style>
<nav><a href="/c/">Menu dans le contenu</a></nav>
<h2 id="s1">Section <em>une</em></h2>
<ul><li>l’atelier<li>demi-heure</ul>
<a href="/d/"><img src="/i.png" alt="Logo du club" width="1" height="1"></a>
<img src="/j.png" alt="" role="presentation">
""",
)


def soup_view(html: str) -> dict[str, object]:
    """What the checks read, computed the slow, obvious way with bs4."""
    soup = BeautifulSoup(html, "html.parser")
    main = BeautifulSoup(str(soup.main), "html.parser").main
    for tag in main.find_all(["nav", "header", "footer", "script", "style", "svg"]):
        tag.decompose()
    return {
        "title": soup.head.title.get_text(strip=True),
        "words": len(WORD.findall(main.get_text(" "))),
        "links": [a["href"] for a in soup.find_all("a", href=True)],
        "headings": [
            (int(h.name[1]), " ".join(h.get_text(" ").split()))
            for h in soup.find_all(re.compile(r"^h[1-6]$"))
        ],
        "ids": {tag["id"] for tag in soup.find_all(id=True)},
        "images": [(i.get("src"), i.get("alt")) for i in soup.find_all("img")],
        "lang": soup.html.get("lang"),
        "canonical": soup.find("link", rel="canonical")["href"],
    }


def fast_view(html: str) -> dict[str, object]:
    found = parse_html(html, "a/index.html")
    return {
        "title": found.title,
        "words": found.words,
        "links": [link.href for link in found.links],
        "headings": found.headings,
        "ids": found.ids,
        "images": [(i.src, i.alt) for i in found.images],
        "lang": found.lang,
        "canonical": found.canonical,
    }


@pytest.mark.parametrize("html", [TRICKY, bench.article_html(3, 10, bench.random.Random(1))])
def test_reader_agrees_with_beautifulsoup(html: str) -> None:
    assert fast_view(html) == soup_view(html)


def test_reader_details() -> None:
    found = parse_html(TRICKY, "a/index.html")
    assert found.title == "Titre & sous-titre"
    assert [link.text for link in found.links][-2:] == ["Menu dans le contenu", "Logo du club"]
    assert found.images[1].decorative
    assert [p.words for p in found.paragraphs] == [7, 53]
    assert found.paragraphs[1].start.startswith("Deuxième, non fermé")


def test_parallel_and_serial_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench.generate_pages(tmp_path, 12)
    (tmp_path / "2026" / "article-00003" / "index.html").write_text(
        page("/2026/article-00003/", title="Court"), encoding="utf-8"
    )
    settings = {"SITEURL": bench.SITEURL}
    serial = check_site(tmp_path, {**settings, "SEO_WORKERS": 1})
    monkeypatch.setattr(site, "PARALLEL_MIN_PAGES", 2)
    parallel = check_site(tmp_path, {**settings, "SEO_WORKERS": 2})
    assert parallel.to_json() == serial.to_json()
    assert serial.findings


def test_benchmark_pages_are_clean_and_timed(tmp_path: Path) -> None:
    bench.generate_pages(tmp_path, 20)
    report = check_site(tmp_path, {"SITEURL": bench.SITEURL})
    assert report.findings == []
    assert report.pages_checked == 21
    assert bench.time_check(5) > 0


def test_readme_documents_every_check() -> None:
    text = README.read_text(encoding="utf-8")
    for check in all_checks().values():
        assert f"| `{check.id}` | {check.severity} |" in text, check.id
