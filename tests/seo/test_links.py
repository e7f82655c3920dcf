"""Link texts, and links, anchors and images that must resolve inside the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seo.support import (
    SITEURL,
    assert_clean,
    assert_finding,
    found,
    page,
    site_report,
)

URL = "/2026/fete/"
TARGET = "/a-propos/"


def with_links(tmp_path: Path, body: str, **settings: object):
    """A site of two pages: URL holds `body`, TARGET has the anchor #partie-1."""
    pages = {
        URL: page(URL, body=body),
        TARGET: page(TARGET, body='<h2 id="partie-1">Partie 1</h2>'),
    }
    return site_report(tmp_path, pages, SEO_IGNORE=["content-short", "jsonld-missing"], **settings)


@pytest.mark.parametrize(
    "text", ["Cliquez ici", "ici", "Lire la suite →", "EN SAVOIR PLUS !", "lien", "Read more…"]
)
def test_link_generic(tmp_path: Path, text: str) -> None:
    report = with_links(tmp_path, f'<p><a href="{TARGET}">{text}</a></p>')
    finding = assert_finding(report, "link-generic", URL, f"« {text} »", TARGET)
    assert finding.severity == "warning"


def test_link_generic_passes(tmp_path: Path) -> None:
    body = (
        f'<p><a href="{TARGET}">le programme de la fête des voisins</a>'
        f'<a href="{TARGET}" aria-label="Lire la suite : le programme de la fête">Lire la suite</a>'
        f'<a href="{TARGET}">Ici, au jardin partagé</a></p>'
    )
    assert_clean(with_links(tmp_path, body), "link-generic")


def test_link_generic_label_that_is_generic_too(tmp_path: Path) -> None:
    report = with_links(tmp_path, f'<a href="{TARGET}" aria-label="en savoir plus">voir</a>')
    assert_finding(report, "link-generic", URL, "« voir »")


def test_link_bare_url(tmp_path: Path) -> None:
    body = '<a href="https://www.villebourg.fr/">https://www.villebourg.fr/</a>'
    report = with_links(tmp_path, body)
    finding = assert_finding(report, "link-bare-url", URL, "https://www.villebourg.fr/")
    assert finding.severity == "notice"


def test_link_bare_url_passes(tmp_path: Path) -> None:
    body = '<a href="https://www.villebourg.fr/">le site de la mairie de Villebourg</a>'
    assert_clean(with_links(tmp_path, body), "link-bare-url")


def test_link_empty(tmp_path: Path) -> None:
    image = '<img src="/images/photo.jpg" alt="" role="presentation" width="1" height="1">'
    body = f'<a href="{TARGET}">{image}</a>'
    assert_finding(with_links(tmp_path, body), "link-empty", URL, TARGET, "aucun texte")


def test_link_empty_passes_with_alt_or_label(tmp_path: Path) -> None:
    body = (
        f'<a href="{TARGET}"><img src="/images/photo.jpg" alt="À propos de nous" width="1" '
        f'height="1"></a><a href="{TARGET}" aria-label="À propos"><svg></svg></a>'
    )
    assert_clean(with_links(tmp_path, body), "link-empty")


@pytest.mark.parametrize(
    ("href", "resolved"),
    [
        ("/nulle-part/", "/nulle-part/"),
        ("../absent/", "/2026/absent/"),
        ("../../a-propos/photo.png", "/a-propos/photo.png"),
        (f"{SITEURL}/contact/", "/contact/"),
        ("/images/manquante.jpg", "/images/manquante.jpg"),
    ],
)
def test_link_broken(tmp_path: Path, href: str, resolved: str) -> None:
    report = with_links(tmp_path, f'<a href="{href}">la page qui manque</a>')
    finding = assert_finding(report, "link-broken", URL, href, f"mène à {resolved},")
    assert finding.severity == "error"


def test_link_broken_passes(tmp_path: Path) -> None:
    body = "".join(
        f'<a href="{href}">la page visée numéro {i}</a>'
        for i, href in enumerate(
            [
                TARGET,
                "/a-propos",  # served as a-propos/index.html
                "../../a-propos/",
                "../../a-propos/index.html",
                f"{SITEURL}/a-propos/",
                f"http://asso.example.org{TARGET}?source=lettre",
                "/images/photo.jpg",
                "/",
                "mailto:contact@example.org",
                "tel:+33100000000",
                "https://www.villebourg.fr/absent/",
                "//cdn.example.net/x.js",
                "#",
            ]
        )
    )
    assert_clean(with_links(tmp_path, body), "link-broken")


def test_anchor_broken(tmp_path: Path) -> None:
    body = f'<a href="{TARGET}#partie-9">la partie 9</a><a href="#absente">plus bas</a>'
    report = with_links(tmp_path, body)
    finding = assert_finding(report, "anchor-broken", URL, "#partie-9", f"absente de {TARGET}")
    assert finding.severity == "warning"
    assert_finding(report, "anchor-broken", URL, "#absente", "absente de cette page")


def test_anchor_broken_passes(tmp_path: Path) -> None:
    body = (
        f'<a href="{TARGET}#partie-1">la partie 1</a><a href="#contenu">le contenu</a>'
        f'<a href="{SITEURL}{TARGET}#partie-1">la partie 1 encore</a><a name="vieille-ancre"></a>'
        '<a href="#vieille-ancre">la vieille ancre</a>'
    )
    assert_clean(with_links(tmp_path, body), "anchor-broken")


def test_img_broken(tmp_path: Path) -> None:
    body = '<img src="/images/absente.jpg" alt="Une photo absente" width="1" height="1">'
    finding = assert_finding(with_links(tmp_path, body), "img-broken", URL, "/images/absente.jpg")
    assert finding.severity == "error"


@pytest.mark.parametrize(
    ("href", "path"),
    [
        ("{filename}/articles/2026-06-06-fete.md", "articles/2026-06-06-fete.md"),
        ("{static}/documents/compte-rendu.pdf", "documents/compte-rendu.pdf"),
        ("|filename|pages/a-propos.md", "pages/a-propos.md"),
    ],
)
def test_a_pelican_link_left_unresolved_names_the_missing_source(
    tmp_path: Path, href: str, path: str
) -> None:
    # Pelican leaves the link as written when the file is missing: the page's address
    # joined to "{filename}/…" means nothing to an editor.
    body = (
        f'<a href="{href}">le compte rendu</a><img src="{{static}}/images/plan.jpg" alt="Le plan">'
    )
    report = with_links(tmp_path, body)
    finding = assert_finding(
        report, "link-broken", URL, f"vise {path}, qui n’existe pas dans content/"
    )
    assert URL not in finding.message and finding.severity == "error"
    image = assert_finding(report, "img-broken", URL, "vise images/plan.jpg, qui n’existe pas")
    assert image.severity == "error"


def test_img_broken_passes(tmp_path: Path) -> None:
    body = (
        '<img src="../../images/photo.jpg" alt="La photo" width="1" height="1">'
        '<img src="https://images.example.net/x.jpg" alt="Ailleurs" width="1" height="1">'
    )
    assert_clean(with_links(tmp_path, body), "img-broken")


def test_links_in_noindex_pages_are_targets_too(tmp_path: Path) -> None:
    expired = page("/annonces/vieux-velo/", metas={"robots": "noindex"}, body='<p id="photo">x</p>')
    pages = {
        URL: page(URL, body='<a href="/annonces/vieux-velo/#photo">le vieux vélo</a>'),
        "/annonces/vieux-velo/": expired,
    }
    report = site_report(tmp_path, pages)
    assert not found(report, "link-broken") and not found(report, "anchor-broken")
