"""Checks across pages: duplicates, sitemap.xml and robots.txt."""

from __future__ import annotations

from pathlib import Path

from tests.seo.support import (
    SITEURL,
    assert_clean,
    assert_finding,
    check,
    page,
    site_report,
    write_site,
)


def test_title_duplicate(tmp_path: Path) -> None:
    title = "Le même titre pour deux pages du site"
    pages = {"/a/": page("/a/", title=title), "/b/": page("/b/", title=title)}
    report = site_report(tmp_path, pages)
    finding = assert_finding(report, "title-duplicate", "/a/", "2 pages", "aussi sur /b/")
    assert finding.severity == "warning"
    assert_finding(report, "title-duplicate", "/b/", "aussi sur /a/")


def test_title_duplicate_passes_and_ignores_noindex_pages(tmp_path: Path) -> None:
    title = "Le même titre pour deux pages du site"
    pages = {
        "/a/": page("/a/", title=title),
        "/b/": page("/b/", title=title, metas={"robots": "noindex"}),
        "/c/": page("/c/"),
    }
    assert_clean(site_report(tmp_path, pages), "title-duplicate")


def test_description_duplicate(tmp_path: Path) -> None:
    text = "Une description copiée d’une page à l’autre, assez longue pour passer la longueur."
    pages = {f"/{n}/": page(f"/{n}/", description=text) for n in "abcde"}
    report = site_report(tmp_path, pages)
    assert_finding(report, "description-duplicate", "/a/", "5 pages", "/b/, /c/, /d/ et 1 autres")


def test_description_duplicate_passes(tmp_path: Path) -> None:
    pages = {f"/{n}/": page(f"/{n}/") for n in "abc"}
    assert_clean(site_report(tmp_path, pages), "description-duplicate")


def test_sitemap_invalid(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"/a/": page("/a/")})
    (root / "sitemap.xml").write_text("<urlset><url><loc>x</loc></url>", encoding="utf-8")
    finding = assert_finding(check(root), "sitemap-invalid", "/sitemap.xml", "ne se lit pas")
    assert finding.severity == "error"


def test_sitemap_invalid_passes_and_a_site_without_sitemap_is_fine(tmp_path: Path) -> None:
    assert_clean(check(write_site(tmp_path, {"/a/": page("/a/")})), "sitemap-invalid")
    root = write_site(tmp_path / "b", {"/a/": page("/a/")})
    (root / "sitemap.xml").unlink()
    report = check(root)
    for check_id in ("sitemap-invalid", "sitemap-broken", "sitemap-noindex"):
        assert_clean(report, check_id)


def test_sitemap_broken(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"/a/": page("/a/")}, sitemap=["/a/", "/disparue/"])
    finding = assert_finding(check(root), "sitemap-broken", "/sitemap.xml", f"{SITEURL}/disparue/")
    assert finding.severity == "error"
    report = check(root, SITEURL="https://autre.example.org")
    assert_finding(report, "sitemap-broken", "/sitemap.xml", "n’est pas sur ce site")


def test_sitemap_broken_passes_through_a_sitemap_index(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"/a/": page("/a/")}, sitemap=["/a/", "/"])
    (root / "sitemap-pages.xml").write_bytes((root / "sitemap.xml").read_bytes())
    (root / "sitemap.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{SITEURL}/sitemap-pages.xml</loc></sitemap></sitemapindex>",
        encoding="utf-8",
    )
    assert_clean(check(root), "sitemap-broken")


def test_sitemap_noindex(tmp_path: Path) -> None:
    pages = {"/annonces/vieux-velo/": page("/annonces/vieux-velo/", metas={"robots": "noindex"})}
    root = write_site(tmp_path, pages, sitemap=["/", "/annonces/vieux-velo/"])
    finding = assert_finding(
        check(root), "sitemap-noindex", "/annonces/vieux-velo/", "dans sitemap.xml", "noindex"
    )
    assert finding.severity == "error"


def test_sitemap_noindex_passes(tmp_path: Path) -> None:
    pages = {"/annonces/vieux-velo/": page("/annonces/vieux-velo/", metas={"robots": "noindex"})}
    assert_clean(check(write_site(tmp_path, pages)), "sitemap-noindex")


def test_robots_missing(tmp_path: Path) -> None:
    report = check(write_site(tmp_path, {"/a/": page("/a/")}, robots=""))
    finding = assert_finding(report, "robots-missing", "/robots.txt", "pas de fichier robots.txt")
    assert finding.severity == "warning"


def test_robots_missing_passes(tmp_path: Path) -> None:
    assert_clean(check(write_site(tmp_path, {"/a/": page("/a/")})), "robots-missing")


def test_robots_no_sitemap(tmp_path: Path) -> None:
    report = check(write_site(tmp_path, {"/a/": page("/a/")}, robots="User-agent: *\nAllow: /\n"))
    assert_finding(report, "robots-no-sitemap", "/robots.txt", "ne nomme aucun plan du site")
    robots = f"User-agent: *\nSitemap: {SITEURL}/plan.xml\n"
    report = check(write_site(tmp_path / "b", {"/a/": page("/a/")}, robots=robots))
    assert_finding(report, "robots-no-sitemap", "/robots.txt", "plan.xml", "n’existe pas")


def test_robots_no_sitemap_passes(tmp_path: Path) -> None:
    robots = (
        "# Tous les robots\nUser-agent: *\nDisallow: /brouillons/\n"
        f"sitemap: {SITEURL}/sitemap.xml\n"
    )
    assert_clean(
        check(write_site(tmp_path, {"/a/": page("/a/")}, robots=robots)), "robots-no-sitemap"
    )


def test_robots_blocks_all(tmp_path: Path) -> None:
    robots = f"User-agent: *\nDisallow: /\nSitemap: {SITEURL}/sitemap.xml\n"
    report = check(write_site(tmp_path, {"/a/": page("/a/")}, robots=robots))
    finding = assert_finding(report, "robots-blocks-all", "/robots.txt", "interdit tout le site")
    assert finding.severity == "error"


def test_robots_blocks_all_passes_for_one_robot_or_one_folder(tmp_path: Path) -> None:
    robots = (
        "User-agent: GPTBot\nDisallow: /\n\nUser-agent: *\nDisallow: /brouillons/\n"
        f"Sitemap: {SITEURL}/sitemap.xml\n"
    )
    assert_clean(
        check(write_site(tmp_path, {"/a/": page("/a/")}, robots=robots)), "robots-blocks-all"
    )
