"""theme/seo.py (titles, descriptions, JSON-LD) and plugins/sitemap, without a build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sitemap
from jinja2 import Environment

from theme import seo

SETTINGS = {
    "SITENAME": "Les Tilleuls",
    "SITE_TITLE": "Les Tilleuls, association de quartier à Villebourg",
    "TITLE_SUFFIXES": ["Les Tilleuls", "Les Tilleuls, Villebourg"],
    "SEO_TITLE_MIN": 30,
    "SEO_TITLE_MAX": 60,
    "SEO_DESCRIPTION_MAX": 160,
}


def render(source: str, **values: object) -> str:
    env = Environment(autoescape=True)
    env.filters.update(seo.jinja_filters())
    env.globals.update(seo.jinja_globals())
    return env.from_string(source).render(**SETTINGS, **values)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The first suffix that lands in 30–60 characters.
        ("Atelier vélo du samedi", "Atelier vélo du samedi · Les Tilleuls"),
        # Too short with the short suffix: the longer one.
        ("Contact", "Contact · Les Tilleuls, Villebourg"),
        # Too long for any suffix, short enough alone.
        ("Une boîte à livres s’installe devant l’école des Acacias", None),
        # Too long even alone: cut at a word, with an ellipsis.
        ("Lot d’outils de jardin (bêche, râteau, fourche, sécateur, arrosoir et gants)", None),
        # No title at all (the home page): the site's long title.
        ("", "Les Tilleuls, association de quartier à Villebourg"),
    ],
)
def test_site_title_fits_the_checklists_bounds(title: str, expected: str | None) -> None:
    result = render("{{ t|site_title }}", t=title)
    if expected is not None:
        assert result == expected
    assert len(result) <= 60
    if title and len(title) <= 60:
        assert result.startswith(title)
    if len(title) > 60:
        assert result.endswith("…")
        assert title.startswith(result[:-1])


def test_shorten_cuts_at_a_word() -> None:
    assert seo.shorten("un deux trois quatre", 12) == "un deux…"
    assert seo.shorten("court", 12) == "court"


def test_url_path() -> None:
    assert seo.url_path("index.html") == "/"
    assert seo.url_path("2026/x/index.html") == "/2026/x/"
    assert seo.url_path("404.html") == "/404.html"


def test_meta_description_is_plain_and_short() -> None:
    html = "<p>Un <strong>texte</strong> &amp; des mots " + "long " * 60 + "</p>"
    result = render("{{ d|meta_description }}", d=html)
    text = seo.shorten(seo.plain_text(html), 160)
    assert "<" not in text and "&amp;" not in text
    assert len(text) <= 160
    assert result == text.replace("&", "&amp;")


def test_first_paragraph() -> None:
    html = '<figure><img alt="x"></figure><p class="a">Premier <em>paragraphe</em>.</p><p>Deux</p>'
    assert seo.first_paragraph(html) == "Premier paragraphe."
    assert seo.plain_text("<li>un</li><li>deux</li>") == "un deux"


def test_jsonld_cannot_close_its_script() -> None:
    block = str(seo.to_jsonld({"name": "</script><script>alert(1)</script>"}))
    assert block.count("</script>") == 1
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["name"] == "</script><script>alert(1)</script>"


# --- sitemap plugin -------------------------------------------------------------------------


def _page(path: Path, head: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head>{head}</head><body></body></html>", "utf-8")


def test_sitemap_lists_indexable_pages_only(tmp_path: Path) -> None:
    _page(tmp_path / "index.html")
    _page(
        tmp_path / "2026" / "a" / "index.html",
        '<meta property="article:published_time" content="2026-10-03T15:30:00+02:00">',
    )
    _page(tmp_path / "annonces" / "vieux" / "index.html", '<meta name="robots" content="noindex">')
    _page(tmp_path / "404.html", "<meta name='robots' content='noindex, follow'>")
    _page(tmp_path / "brouillons" / "b" / "index.html")
    settings = sitemap.configure(
        {"OUTPUT_PATH": str(tmp_path), "SITEURL": "https://x.org", "SITEMAP_EXCLUDE": ["^brou"]}
    )
    sitemap.write_files(settings)
    xml = (tmp_path / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://x.org/</loc>" in xml
    assert "<loc>https://x.org/2026/a/</loc><lastmod>2026-10-03</lastmod>" in xml
    assert "vieux" not in xml and "404" not in xml and "brouillons" not in xml
    robots = (tmp_path / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://x.org/sitemap.xml" in robots
    # Unchanged content: the files are not rewritten (deploys see nothing new).
    before = (tmp_path / "sitemap.xml").stat().st_mtime_ns
    sitemap.write_files(settings)
    assert (tmp_path / "sitemap.xml").stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SITEMAP_EXCLUDE", "^a", "list of regular expressions"),
        ("SITEMAP_EXCLUDE", ["(unclosed"], "not a regular expression"),
        ("SITEMAP_SAVE_AS", "/etc/sitemap.xml", "inside the output folder"),
        ("ROBOTS_SAVE_AS", "../robots.txt", "inside the output folder"),
    ],
)
def test_sitemap_settings_are_checked(name: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        sitemap.configure({name: value})
    assert name in str(error.value)


def test_sitemap_remembers_what_pages_said_until_they_change(tmp_path: Path) -> None:
    output, content = tmp_path / "output", tmp_path / "content"
    content.mkdir()
    _page(output / "index.html")
    _page(output / "2026" / "a" / "index.html")
    settings = sitemap.configure(
        {"OUTPUT_PATH": str(output), "PATH": str(content), "SITEURL": "https://x.org"}
    )
    sitemap.write_files(settings)
    memo = sitemap.memo_file(settings)
    assert memo is not None and memo.parent == tmp_path / ".cache" / "sitemap"
    assert "<loc>https://x.org/2026/a/</loc>" in (output / "sitemap.xml").read_text("utf-8")

    # The memo is what is read for an unchanged file: make it say "noindex" for the page.
    data = json.loads(memo.read_text("utf-8"))
    data["pages"]["2026/a/index.html"][3] = False
    memo.write_text(json.dumps(data), "utf-8")
    sitemap.write_files(settings)
    assert "2026/a/" not in (output / "sitemap.xml").read_text("utf-8")

    # A page written again (a later modification time) is read again.
    page = output / "2026" / "a" / "index.html"
    later = page.stat().st_mtime_ns + 1_000_000_000
    os.utime(page, ns=(later, later))
    sitemap.write_files(settings)
    assert "<loc>https://x.org/2026/a/</loc>" in (output / "sitemap.xml").read_text("utf-8")

    # A page now marked noindex leaves the sitemap.
    _page(page, '<meta name="robots" content="noindex">')
    sitemap.write_files(settings)
    assert "2026/a/" not in (output / "sitemap.xml").read_text("utf-8")


def test_sitemap_after_a_partial_build_reads_only_the_written_pages(tmp_path: Path) -> None:
    _page(tmp_path / "index.html")
    _page(tmp_path / "2026" / "a" / "index.html")
    _page(tmp_path / "brouillons" / "b" / "index.html")
    settings = sitemap.configure(
        {"OUTPUT_PATH": str(tmp_path), "SITEURL": "https://x.org", "SITEMAP_EXCLUDE": ["^brou"]}
    )
    sitemap.write_files(settings)
    # Pages rewritten behind its back are not read (it was told nothing changed there)…
    _page(tmp_path / "index.html", '<meta name="robots" content="noindex">')
    sitemap.write_files(settings, written=[])
    assert "<loc>https://x.org/</loc>" in (tmp_path / "sitemap.xml").read_text("utf-8")
    # …the ones it is told of are, and give what a whole new listing gives.
    _page(tmp_path / "brouillons" / "b" / "index.html", "<title>x</title>")
    sitemap.write_files(settings, written=["index.html", "brouillons/b/index.html"])
    partial = (tmp_path / "sitemap.xml").read_bytes()
    assert b"<loc>https://x.org/</loc>" not in partial and b"brouillons" not in partial
    sitemap.write_files(settings)
    assert (tmp_path / "sitemap.xml").read_bytes() == partial
    # A page it never listed (a new file): a whole new listing.
    _page(tmp_path / "2026" / "c" / "index.html")
    sitemap.write_files(settings, written=["2026/c/index.html"])
    assert b"2026/c/" in (tmp_path / "sitemap.xml").read_bytes()
