"""Checks of one page: title, description, language, headings, images, text, opt-outs."""

from __future__ import annotations

from pathlib import Path

from tests.seo.support import (
    FIFTY_WORDS,
    article,
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


# --- <title> ------------------------------------------------------------------------------


def test_title_missing_when_absent_or_empty(tmp_path: Path) -> None:
    html = page(title="").replace("<title></title>", "")
    finding = assert_finding(one(tmp_path, html), "title-missing", URL, "pas de balise <title>")
    assert finding.severity == "error"
    assert "métadonnée Title" in finding.fix


def test_title_missing_empty(tmp_path: Path) -> None:
    assert_finding(one(tmp_path, page(title="  ")), "title-missing", URL, "<title> est vide")


def test_title_missing_passes(tmp_path: Path) -> None:
    assert_clean(
        one(tmp_path, page(title="Un titre de quarante caractères environ")), "title-missing"
    )


def test_title_too_long(tmp_path: Path) -> None:
    report = one(tmp_path, page(title="t" * 71))
    finding = assert_finding(report, "title-too-long", URL, "71 caractères", "au plus 70")
    assert finding.severity == "error"
    assert_clean(report, "title-length")  # one problem, one finding


def test_title_too_long_passes_at_the_limit(tmp_path: Path) -> None:
    report = one(tmp_path, page(title="t" * 70))
    assert_clean(report, "title-too-long")
    assert_finding(report, "title-length", URL, "70 caractères", "30 à 60")


def test_title_length_too_short(tmp_path: Path) -> None:
    finding = assert_finding(
        one(tmp_path, page(title="Accueil")), "title-length", URL, "7 caractères"
    )
    assert finding.severity == "warning"
    assert "30 à 60 caractères" in finding.fix


def test_title_length_passes_within_bounds(tmp_path: Path) -> None:
    for size in (30, 60):
        assert_clean(one(tmp_path / str(size), page(title="t" * size)), "title-length")


# --- description --------------------------------------------------------------------------


def test_description_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"description": None}))
    finding = assert_finding(report, "description-missing", URL, 'pas de <meta name="description">')
    assert finding.severity == "error"


def test_description_missing_empty(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"description": ""}))
    assert_finding(report, "description-missing", URL, "description de la page est vide")


def test_description_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "description-missing")


def test_description_length(tmp_path: Path) -> None:
    report = one(tmp_path, page(description="Trop court."))
    assert_finding(report, "description-length", URL, "11 caractères", "70 à 160")
    report = one(tmp_path / "long", page(description="d" * 161))
    assert_finding(report, "description-length", URL, "161 caractères")


def test_description_length_passes(tmp_path: Path) -> None:
    for size in (70, 160):
        assert_clean(one(tmp_path / str(size), page(description="d" * size)), "description-length")


def test_description_derived(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"babillard:description-source": "first-paragraph"}))
    finding = assert_finding(report, "description-derived", URL, "pas de résumé (Summary)")
    assert finding.severity == "warning"
    assert "Summary:" in finding.fix


def test_description_derived_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "description-derived")


# --- language and headings ----------------------------------------------------------------


def test_lang_missing(tmp_path: Path) -> None:
    finding = assert_finding(one(tmp_path, page(lang="")), "lang-missing", URL, "attribut lang")
    assert finding.severity == "error"


def test_lang_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page(lang="fr-FR")), "lang-missing")


def test_h1_missing(tmp_path: Path) -> None:
    assert_finding(one(tmp_path, page(h1="")), "h1-missing", URL, "pas de titre <h1>")


def test_h1_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "h1-missing")


def test_h1_multiple(tmp_path: Path) -> None:
    report = one(tmp_path, page(body="<h1>Deuxième grand titre</h1>"))
    assert_finding(report, "h1-multiple", URL, "2 titres <h1>", "« Deuxième grand titre »")


def test_h1_multiple_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page(body="<h2>Une section</h2>")), "h1-multiple")


def test_heading_skip(tmp_path: Path) -> None:
    report = one(tmp_path, page(body="<h2>Section</h2><h4>Détail</h4>"))
    assert_finding(report, "heading-skip", URL, "<h4> « Détail » suit un <h2>")


def test_heading_skip_passes_going_down_one_level_or_back_up(tmp_path: Path) -> None:
    body = "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3>"
    assert_clean(one(tmp_path, page(body=body)), "heading-skip")


# --- images ---------------------------------------------------------------------------------

IMG = '<img src="/images/photo.jpg" width="800" height="600"'


def test_img_alt_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(body=IMG + ">"))
    finding = assert_finding(report, "img-alt-missing", URL, "/images/photo.jpg", "alt")
    assert finding.severity == "error"


def test_img_alt_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page(body=IMG + ' alt="Le jardin">')), "img-alt-missing")


def test_img_alt_empty_needs_a_decorative_marker(tmp_path: Path) -> None:
    report = one(tmp_path, page(body=IMG + ' alt="">'))
    assert_finding(report, "img-alt-empty", URL, "alt vide sans être marquée décorative")


def test_img_alt_empty_passes_when_decorative(tmp_path: Path) -> None:
    body = IMG + ' alt="" role="presentation">' + IMG + ' alt="" aria-hidden="true">'
    assert_clean(one(tmp_path, page(body=body)), "img-alt-empty")


def test_img_alt_long(tmp_path: Path) -> None:
    report = one(tmp_path, page(body=IMG + f' alt="{"a" * 126}">'))
    assert_finding(report, "img-alt-long", URL, "126 caractères", "au plus 125")


def test_img_alt_long_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page(body=IMG + f' alt="{"a" * 125}">')), "img-alt-long")


def test_img_size_missing(tmp_path: Path) -> None:
    report = one(tmp_path, page(body='<img src="/images/photo.jpg" alt="Le jardin" width="800">'))
    assert_finding(report, "img-size-missing", URL, "/images/photo.jpg", "height")


def test_img_size_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page(body=IMG + ' alt="Le jardin">')), "img-size-missing")


def test_img_size_missing_leaves_a_missing_image_to_img_broken(tmp_path: Path) -> None:
    # The editor has one thing to mend (the image's path), not a size to add as well.
    report = one(tmp_path, page(body='<img src="/images/absente.jpg" alt="Le jardin">'))
    assert_finding(report, "img-broken", URL, "/images/absente.jpg")
    assert_clean(report, "img-size-missing")


# --- text -----------------------------------------------------------------------------------


def test_content_short_article(tmp_path: Path) -> None:
    url = "/2026/court/"
    report = one(tmp_path, article(url, body=f"<p>{FIFTY_WORDS}</p>"), url)
    finding = assert_finding(report, "content-short", url, "L’article compte 50 mots", "300")
    assert finding.severity == "warning"


def test_content_short_counts_main_without_header_nav_footer(tmp_path: Path) -> None:
    url = "/2026/court/"
    chrome = f"<header><p>{FIFTY_WORDS * 4}</p></header><nav>{FIFTY_WORDS * 4}</nav>"
    report = one(tmp_path, article(url, body=f"{chrome}<p>{FIFTY_WORDS}</p>"), url)
    assert_finding(report, "content-short", url, "50 mots")


def test_content_short_passes(tmp_path: Path) -> None:
    url = "/2026/long/"
    assert_clean(one(tmp_path, article(url), url), "content-short")


def test_content_short_listing(tmp_path: Path) -> None:
    url = "/annonces/velo-enfant/"
    report = one(tmp_path, page(url, body="<p>Vélo à donner.</p>"), url)
    assert_finding(report, "content-short", url, "L’annonce compte 3 mots", "30")
    assert_clean(
        one(tmp_path / "ok", page(url, body=f"<p>{FIFTY_WORDS}</p>"), url), "content-short"
    )


def test_content_short_ignores_other_pages_and_listing_indexes(tmp_path: Path) -> None:
    pages = {"/annonces/categorie/maison/": page("/annonces/categorie/maison/"), URL: page()}
    assert_clean(site_report(tmp_path, pages), "content-short")


def test_paragraph_long(tmp_path: Path) -> None:
    report = one(tmp_path, page(body=f"<p>{FIFTY_WORDS} {FIFTY_WORDS} {FIFTY_WORDS} un</p>"))
    assert_finding(report, "paragraph-long", URL, "151 mots", "« Le jardin partagé du quartier")


def test_paragraph_long_passes(tmp_path: Path) -> None:
    body = f"<p>{FIFTY_WORDS} {FIFTY_WORDS} {FIFTY_WORDS}</p><p>{FIFTY_WORDS}</p>"
    assert_clean(one(tmp_path, page(body=body)), "paragraph-long")


def test_main_missing(tmp_path: Path) -> None:
    html = page().replace('<main id="contenu">', "<div>").replace("</main>", "</div>")
    assert_finding(one(tmp_path, html), "main-missing", URL, "pas d’élément <main>")
    assert found(one(tmp_path / "b", html), "main-missing")[0].severity == "notice"


def test_main_missing_passes(tmp_path: Path) -> None:
    assert_clean(one(tmp_path, page()), "main-missing")


# --- noindex pages, opt-outs, unreadable files --------------------------------------------


def test_noindex_page_skips_content_checks_but_not_links(tmp_path: Path) -> None:
    html = page(
        title="x", metas={"robots": "noindex, follow"}, body='<a href="/nulle-part/">Où</a>'
    )
    report = one(tmp_path, html)
    assert_clean(report, "title-length")
    assert_finding(report, "link-broken", URL, "/nulle-part/")


def test_page_opt_out(tmp_path: Path) -> None:
    html = page(title="x", h1="", metas={"babillard:seo-ignore": "title-length h1-missing"})
    report = one(tmp_path, html)
    assert_clean(report, "title-length")
    assert_clean(report, "h1-missing")
    assert_clean(report, "ignore-unknown")


def test_ignore_unknown(tmp_path: Path) -> None:
    report = one(tmp_path, page(metas={"babillard:seo-ignore": "title-lenght"}))
    finding = assert_finding(report, "ignore-unknown", URL, "« title-lenght »")
    assert finding.severity == "notice"


def test_site_wide_opt_out_and_severity(tmp_path: Path) -> None:
    html = page(title="x")
    assert_clean(one(tmp_path, html, SEO_IGNORE=["title-length"]), "title-length")
    report = one(tmp_path / "b", html, SEO_SEVERITY={"title-length": "error"})
    assert found(report, "title-length")[0].severity == "error"
    assert report.has_errors


def test_excluded_pages_are_not_checked_but_stay_link_targets(tmp_path: Path) -> None:
    pages = {
        "/brouillons/x/": page("/brouillons/x/", title="x"),
        URL: page(body='<a href="/brouillons/x/">Le brouillon</a>'),
    }
    report = site_report(tmp_path, pages, SEO_EXCLUDE_PATTERNS=[r"^brouillons/"])
    assert not [f for f in report.findings if f.page == "/brouillons/x/"]
    assert_clean(report, "link-broken")
    assert report.pages_checked == 2  # the home page and URL


def test_page_unreadable(tmp_path: Path) -> None:
    root = write_site(tmp_path, {URL: page()})
    (root / "latin1.html").write_bytes("<title>Été</title>".encode("latin-1"))
    finding = assert_finding(check(root), "page-unreadable", "/latin1.html", "latin1.html")
    assert finding.severity == "error"
    assert_clean(check(write_site(tmp_path / "ok", {URL: page()})), "page-unreadable")
