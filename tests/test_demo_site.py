"""The demo content, built by `invoke build`, gives every page a visitor can expect."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pelican.utils import slugify

from tests.support import CONTENT, PROD_SITEURL, BuildResult, output_file_for, read_metadata

ATOM = "{http://www.w3.org/2005/Atom}"
SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def _slug(text: str) -> str:
    return slugify(text, regex_subs=SLUG_SUBS)


def _articles() -> list[dict[str, str]]:
    found = []
    for source in sorted((CONTENT / "articles").glob("*.md")):
        meta = read_metadata(source)
        if meta.get("status", "published") != "published":
            continue
        date, slug = re.match(r"(\d{4}-\d{2}-\d{2})-(.+)\.md$", source.name).groups()
        authors = meta.get("authors") or meta["author"]
        found.append(
            {
                **meta,
                "slug": meta.get("slug", slug),
                "year": date[:4],
                "authors_list": [a.strip() for a in authors.split(",")],
                "tags_list": [t.strip() for t in meta.get("tags", "").split(",") if t.strip()],
            }
        )
    return found


ARTICLES = _articles()


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _linked_article_urls(output: Path, first_page: str) -> list[str]:
    """Article links of a paginated list, following its rel=next links."""
    urls: list[str] = []
    page: str | None = first_page
    while page:
        soup = _soup(output_file_for(page, output))
        urls += [a["href"] for a in soup.select(".card--article .card__title a")]
        nxt = soup.select_one('.pagination a[rel="next"]')
        page = nxt["href"] if nxt else None
    return urls


def test_demo_content_is_big_enough() -> None:
    assert len(ARTICLES) >= 12
    assert len({a for art in ARTICLES for a in art["authors_list"]}) >= 3
    assert len({art["category"] for art in ARTICLES}) >= 4
    assert all(art["tags_list"] for art in ARTICLES)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["slug"])
def test_every_article_has_its_page(demo_output: Path, article: dict[str, str]) -> None:
    page = demo_output / article["year"] / article["slug"] / "index.html"
    assert page.is_file()
    soup = _soup(page)
    assert soup.h1.get_text(strip=True) == article["title"]
    meta_text = soup.select_one(".article__header .meta").get_text(" ", strip=True)
    for author in article["authors_list"]:
        assert author in meta_text
    assert article["category"] in meta_text
    assert re.search(r"Lecture : \d+ min", meta_text)
    tags = {a.get_text(strip=True) for a in soup.select(".tags a")}
    assert tags == set(article["tags_list"])


def test_every_page_exists(demo_output: Path) -> None:
    sources = sorted((CONTENT / "pages").glob("*.md"))
    titles = {read_metadata(s)["title"] for s in sources}
    assert {"À propos", "Publier une annonce", "Contact"} <= titles
    for source in sources:
        meta = read_metadata(source)
        page = demo_output / meta["slug"] / "index.html"
        assert page.is_file(), page
        assert _soup(page).h1.get_text(strip=True) == meta["title"]


@pytest.mark.parametrize(
    ("key", "prefix"),
    [("category", "categorie"), ("tags_list", "etiquette"), ("authors_list", "auteur")],
)
def test_archive_pages_list_exactly_their_articles(
    demo_output: Path, key: str, prefix: str
) -> None:
    groups: dict[str, set[str]] = {}
    for art in ARTICLES:
        values = art[key] if isinstance(art[key], list) else [art[key]]
        for value in values:
            groups.setdefault(value, set()).add(f"/{art['year']}/{art['slug']}/")
    for name, expected in groups.items():
        first = f"/{prefix}/{_slug(name)}/"
        assert output_file_for(first, demo_output), f"missing archive page {first}"
        assert set(_linked_article_urls(demo_output, first)) == expected, name


def test_home_page_is_paginated_newest_first_and_lists_every_article(demo_output: Path) -> None:
    urls = _linked_article_urls(demo_output, "/")
    newest_first = sorted(ARTICLES, key=lambda a: a["date"], reverse=True)
    assert urls == [f"/{a['year']}/{a['slug']}/" for a in newest_first]
    assert (demo_output / "page" / "2" / "index.html").is_file()


def test_index_pages_of_the_taxonomies(demo_output: Path) -> None:
    categories = _soup(demo_output / "categories" / "index.html")
    assert {a.get_text() for a in categories.select(".taxonomy a")} == {
        a["category"] for a in ARTICLES
    }
    authors = _soup(demo_output / "auteurs" / "index.html")
    assert {a.get_text() for a in authors.select(".taxonomy a")} == {
        name for art in ARTICLES for name in art["authors_list"]
    }
    archives = _soup(demo_output / "archives" / "index.html")
    assert len(archives.select(".archive-list a")) == len(ARTICLES)


def test_not_found_page(demo_output: Path) -> None:
    soup = _soup(demo_output / "404.html")
    assert soup.h1.get_text() == "Page introuvable"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # Served for any missing path, so its links must not be relative to where it is.
    assert all(a["href"].startswith("/") for a in soup.select("main a"))


def test_feeds_are_valid_atom(prod_build: BuildResult) -> None:
    output = prod_build.output
    feeds = sorted((output / "feeds").glob("*.xml"))
    categories = {a["category"] for a in ARTICLES}
    assert len(feeds) >= 1 + len(categories)
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed", feed
        entries = root.findall(f"{ATOM}entry")
        assert entries, feed
        for entry in entries:
            assert entry.findtext(f"{ATOM}title")
            link = entry.find(f"{ATOM}link").get("href")
            assert link.startswith(PROD_SITEURL + "/"), (feed, link)
            assert output_file_for(link.removeprefix(PROD_SITEURL), output), link
            assert entry.findtext(f"{ATOM}id").startswith("tag:les-tilleuls.example.org,")
    everything = ET.parse(output / "feeds" / "tout.atom.xml").getroot()
    # Pelican's feed writer folds no-break spaces (French « : ») into plain ones.
    titles = {
        " ".join(e.findtext(f"{ATOM}title").split()) for e in everything.findall(f"{ATOM}entry")
    }
    assert titles == {" ".join(a["title"].split()) for a in ARTICLES}


def test_french_by_default(demo_output: Path) -> None:
    soup = _soup(demo_output / "index.html")
    assert soup.html["lang"] == "fr"
    article = ARTICLES[0]
    page = _soup(demo_output / article["year"] / article["slug"] / "index.html")
    month = int(article["date"][5:7])
    french_months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    assert french_months[month - 1] in page.select_one("time").get_text()
    # What Markdown writes by itself, too: a footnote's way back is titled in French.
    notes = _soup(demo_output / "2026" / "assemblee-generale-nouveau-bureau" / "index.html")
    back = notes.select_one("a.footnote-backref")
    assert back["title"] == "Retour à l’appel de note 1 dans le texte"
    assert "Jump back" not in str(notes)


def _references(soup: BeautifulSoup) -> list[str]:
    refs = [tag.get("href") for tag in soup.find_all(["a", "link"])]
    refs += [tag.get("src") for tag in soup.find_all(["img", "script", "source"])]
    return [r for r in refs if r]


@pytest.mark.parametrize("which", ["demo_build", "prod_build"])
def test_internal_links_resolve(which: str, request: pytest.FixtureRequest) -> None:
    build: BuildResult = request.getfixturevalue(which)
    demo_output = build.output
    broken = []
    pages = sorted(demo_output.rglob("*.html"))
    ids_cache: dict[Path, set[str]] = {}
    for page in pages:
        soup = _soup(page)
        ids_cache[page] = {tag["id"] for tag in soup.find_all(id=True)}
        page_url = "/" + str(page.relative_to(demo_output)).removesuffix("index.html")
        for ref in _references(soup):
            if ref.startswith(PROD_SITEURL + "/"):
                ref = ref.removeprefix(PROD_SITEURL)
            parts = urlsplit(ref)
            if parts.scheme in ("mailto", "tel") or parts.netloc:
                continue
            url = urljoin(page_url, ref)
            target = output_file_for(url, demo_output) if urlsplit(url).path else page
            if target is None:
                broken.append(f"{page.relative_to(demo_output)} -> {ref}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {t["id"] for t in _soup(target).find_all(id=True)}
                if fragment not in ids_cache[target]:
                    broken.append(f"{page.relative_to(demo_output)} -> {ref} (no #{fragment})")
    assert len(pages) > 30
    assert not broken, "\n".join(broken)


def test_no_external_resources(demo_output: Path) -> None:
    """No font, script, style or image is loaded from another host."""
    for page in demo_output.rglob("*.html"):
        soup = _soup(page)
        for tag in soup.find_all(["script", "img", "iframe", "source"]):
            assert not urlsplit(tag.get("src", "")).netloc, (page, tag)
        for tag in soup.find_all("link", rel="stylesheet"):
            assert not urlsplit(tag["href"]).netloc, (page, tag)
