"""The benchmark's synthetic site is a real site: it builds cleanly and its listings are valid.

A benchmark of a site full of errors would time the error path; these tests keep the
generator honest at a tiny size (a few seconds).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from PIL import Image

from benchmarks import corpus
from commands.prompts import slugify
from tests.support import ROOT, build_site, read_metadata, tree_hashes


def _settings(content: Path) -> dict:
    from listings.settings import configure

    from commands.pelican_run import load_settings

    return configure(load_settings(ROOT / "pelicanconf.py", {"PATH": str(content)}))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> corpus.Site:
    return corpus.generate(tmp_path_factory.mktemp("bench") / "site", 8, 40, 2)


def test_the_site_builds_without_errors_or_warnings(site: corpus.Site, tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", content=site.content, build_date=corpus.BUILD_DATE)
    assert result.returncode == 0, result.log
    # Warnings too: each is logged per page, and a benchmark should not time a flood of them.
    assert "0 erreur(s), 0 avertissement(s)" in result.stdout, result.log
    assert len(list((tmp_path / "out" / "annonces").glob("*/index.html"))) == 40


def test_every_listing_passes_the_validator(site: corpus.Site) -> None:
    from listings.validate import load_folder

    listings, problems = load_folder(site.content / "listings", _settings(site.content))
    assert [problem.format(ROOT) for problem in problems] == []
    assert len(listings) == len(site.listings) == 40
    assert {listing.kind for listing in listings} == set(corpus.KINDS)
    assert all(listing.event for listing in listings if listing.kind == "événement")
    assert any(listing.photos for listing in listings)
    today = datetime.date.fromisoformat(corpus.BUILD_DATE)
    active = [item for item in listings if item.expires >= today and item.status != "closed"]
    assert len(active) > len(listings) / 2


def test_articles_have_our_metadata_and_read_cleanly(site: corpus.Site) -> None:
    from commands.content_check import article_problems

    count, problems, warnings = article_problems(_settings(site.content))
    assert problems == [] and warnings == []
    assert count == 8 + 2  # articles and pages
    for path in site.articles:
        meta = read_metadata(path)
        assert {"title", "date", "category", "tags", "author", "summary"} <= set(meta)
        assert path.name.startswith(meta["date"][:10])
        assert 30 <= len(meta["title"]) <= 60 and 70 <= len(meta["summary"]) <= 160
        body = path.read_text(encoding="utf-8").partition("\n\n")[2]
        assert 400 <= len(body.split()) <= 1100
        assert "\n## " in body and "({filename}/articles/" in body


def test_titles_stay_unique_at_the_large_size() -> None:
    plan = corpus._plan_articles(5000, 2026, datetime.date.fromisoformat(corpus.BUILD_DATE))
    assert len({article.title for article in plan}) == len({a.name for a in plan}) == 5000
    listings = corpus._plan_listings(10_000, 2026)
    assert len({slugify(title) for _, title, _ in listings}) == 10_000
    # Longer ones are cut in <title>, and two cut titles can be the same (an SEO warning).
    assert max(len(title) for _, title, _ in listings) <= 60


def test_generation_is_seeded(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 5, 10, 0)
    second = corpus.generate(tmp_path / "b", 5, 10, 0)
    assert tree_hashes(first.content) == tree_hashes(second.content)
    other = corpus.generate(tmp_path / "c", 5, 10, 0, seed=7)
    assert tree_hashes(other.content) != tree_hashes(first.content)


def test_editing_an_article_changes_a_paragraph_and_keeps_the_metadata(
    tmp_path: Path,
) -> None:
    site = corpus.generate(tmp_path / "site", 3, 2, 0)
    path = site.articles[1]
    before = path.read_text(encoding="utf-8")
    corpus.edit_article(path, 0)
    after = path.read_text(encoding="utf-8")
    assert after != before
    assert after.partition("\n\n")[0] == before.partition("\n\n")[0]
    assert re.findall(r"\{filename\}[^)]+", after) == re.findall(r"\{filename\}[^)]+", before)
    changed = set(after.split("\n\n")) ^ set(before.split("\n\n"))
    assert len(changed) == 2  # one paragraph out, one in


def test_editing_a_listing_keeps_it_valid(tmp_path: Path) -> None:
    from listings.validate import ListingValidator

    site = corpus.generate(tmp_path / "site", 2, 6, 0)
    validator = ListingValidator(_settings(site.content))
    for number, path in enumerate(site.listings):
        before, _ = validator.load(path)
        corpus.edit_listing(path, number)
        after, problems = validator.load(path)
        assert problems == [] and before and after
        assert after.description_html != before.description_html
        assert (after.title, after.kind, after.date) == (before.title, before.kind, before.date)


def test_replacing_a_photo_changes_its_bytes_not_its_name(tmp_path: Path) -> None:
    (photo,) = corpus.generate(tmp_path / "site", 2, 1, 1).photos
    before = photo.read_bytes()
    corpus.replace_photo(photo, 3)
    assert photo.read_bytes() != before
    with Image.open(photo) as image:
        assert image.format == "JPEG" and sorted(image.size) == [2000, 3000]
