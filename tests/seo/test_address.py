"""Canonical address, URL path, Open Graph and Twitter card."""

from __future__ import annotations

from pathlib import Path

from tests.seo.support import (
    SITEURL,
    assert_clean,
    assert_finding,
    check,
    found,
    page,
    site_report,
    write_site,
)

URL = "/a-propos/"


def one(tmp_path: Path, html: str, url: str = URL, **settings: object):
    return site_report(tmp_path, {url: html}, **settings)


def test_canonical_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(canonical=""))
    finding = assert_finding(report, "canonical-missing", URL, '<link rel="canonical">')
    assert finding.severity == "error"
    assert "{SITEURL}" in finding.fix


def test_canonical_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "canonical-missing")


def test_canonical_relative(tmp_path: Path) -> None:
    report = one(tmp_path, page(canonical=URL))
    assert_finding(report, "canonical-relative", URL, "« /a-propos/ » n’est pas absolue")
    assert_clean(report, "canonical-mismatch")  # one problem, one finding


def test_canonical_relative_passes_on_a_local_build(tmp_path: Path) -> None:
    # A local build has no SITEURL: the theme can only write paths, which are then fine.
    report = check(write_site(tmp_path, {URL: page(canonical=URL)}), SITEURL="")
    assert_clean(report, "canonical-relative")
    assert_clean(report, "canonical-mismatch")


def test_canonical_mismatch(tmp_path: Path) -> None:
    report = one(tmp_path, page(canonical=SITEURL + "/contact/"))
    finding = assert_finding(
        report, "canonical-mismatch", URL, "/contact/", f"({SITEURL}/a-propos/)"
    )
    assert finding.severity == "error"


def test_canonical_mismatch_on_a_local_build(tmp_path: Path) -> None:
    report = check(write_site(tmp_path, {URL: page(canonical="/contact/")}), SITEURL="")
    assert_finding(report, "canonical-mismatch", URL, "« /contact/ »", "(/a-propos/)")


def test_canonical_mismatch_passes_with_index_html_or_external_opt_out(tmp_path: Path) -> None:
    pages = {
        URL: page(canonical=SITEURL + "/a-propos/index.html"),
        "/repris/": page(
            "/repris/",
            canonical="https://journal.example.com/article-original/",
            metas={"babillard:canonical-external": "1"},
        ),
    }
    assert_clean(site_report(tmp_path, pages), "canonical-mismatch")


def test_404_page_is_skipped_for_canonical_and_open_graph(tmp_path: Path) -> None:
    html = page("/404.html", canonical="", metas={"og:url": None, "twitter:card": None})
    report = one(tmp_path, html, "/404.html")
    for check_id in ("canonical-missing", "og-missing", "twitter-card-missing", "slug-invalid"):
        assert_clean(report, check_id)


def test_slug_invalid(tmp_path: Path) -> None:
    url = "/2026/Fête_des_Voisins/"
    report = one(tmp_path, page(url), url)
    finding = assert_finding(report, "slug-invalid", url, "« F »", "« _ »", "« ê »")
    assert finding.severity == "warning"


def test_slug_invalid_passes(tmp_path: Path) -> None:
    url = "/2026/fete-des-voisins-2/"
    assert_clean(one(tmp_path, page(url), url), "slug-invalid")


def test_slug_too_long(tmp_path: Path) -> None:
    url = "/" + "a" * 76 + "/"
    assert_finding(one(tmp_path, page(url), url), "slug-too-long", url, "77 caractères", "75")


def test_slug_too_long_passes(tmp_path: Path) -> None:
    url = "/" + "a" * 74 + "/"
    assert_clean(one(tmp_path, page(url), url), "slug-too-long")


def test_og_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"og:type": None, "og:image": ""}))
    finding = assert_finding(report, "og-missing", URL, "og:type, og:image")
    assert "og:title" not in finding.message


def test_og_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "og-missing")


def test_og_not_absolute(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"og:image": "/images/photo.jpg"}))
    assert_finding(report, "og-not-absolute", URL, "og:image", "« /images/photo.jpg »")


def test_og_not_absolute_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "og-not-absolute")
    local = page(metas={"og:image": "/images/photo.jpg", "og:url": URL})
    assert_clean(check(write_site(tmp_path / "local", {URL: local}), SITEURL=""), "og-not-absolute")


def test_twitter_card_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"twitter:card": None}))
    assert_finding(report, "twitter-card-missing", URL, "twitter:card")
    assert found(report, "twitter-card-missing")[0].severity == "warning"


def test_twitter_card_missing_passes(tmp_path: Path) -> None:
    assert_clean(
        one(tmp_path, page(metas={"twitter:card": "summary_large_image"})), "twitter-card-missing"
    )
