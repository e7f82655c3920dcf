"""third-party: what a page makes visitors' browsers fetch from other sites."""

from __future__ import annotations

from pathlib import Path

from ignored_input.markdown_slips import prose_lines
from seo_checklist.page import parse_html
from seo_checklist.privacy import third_parties_in_prose

from tests.seo.support import SITEURL, assert_clean, assert_finding, found, page, site_report

URL = "/a-propos/"
EMBEDS = (
    '<iframe src="https://www.youtube.com/embed/abc123" title="La fête"></iframe>'
    '<script src="https://connect.facebook.net/fr_FR/sdk.js"></script>'
    '<img src="https://upload.example.com/photo.jpg" alt="Une photo d’ailleurs" width="1" '
    'height="1">'
    "<script>(function(){var s=document.createElement('script');"
    "s.src='//stats.example.net/t.js';document.head.appendChild(s)})();</script>"
)


def _one(tmp_path: Path, body: str, **settings: object):
    return site_report(tmp_path, {URL: page(URL, body=body)}, **settings)


def test_parser_keeps_what_the_browser_fetches_from_other_hosts() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://fonts.example.com/css?f=x">'
        '<link rel="preconnect" href="https://cdn.example.com">'
        '<link rel="canonical" href="https://autre.example.org/x/">'  # an address, not a load
        '<link rel="stylesheet" href="/theme/css/style.css">'
        '<script type="application/ld+json">{"@context": "https://schema.org"}</script>'
        "</head><body>"
        '<picture><source srcset="/r/a-400w.webp 400w, https://img.example.com/a.webp 800w">'
        '<img src="/r/a.jpg" alt="a"></picture>'
        '<video poster="//media.example.com/p.jpg"><track src="/sous-titres.vtt"></video>'
        '<input type="image" src="https://btn.example.com/ok.png" alt="ok">'
        '<input type="text" src="https://ignored.example.com/">'
        '<a href="https://www.example.org/">un lien</a>'  # visited only if clicked
        "<script>fetch('https://api.example.net/v1?x=1')</script>"
        "</body></html>"
    )
    assert parse_html(html, "x/index.html").remote == [
        ("link", "https://fonts.example.com/css?f=x"),
        ("link", "https://cdn.example.com"),
        ("source", "https://img.example.com/a.webp"),
        ("video", "//media.example.com/p.jpg"),
        ("input", "https://btn.example.com/ok.png"),
        ("script", "https://api.example.net/v1?x=1"),
    ]


def test_third_party_names_each_embed_and_its_host(tmp_path: Path) -> None:
    report = _one(tmp_path, EMBEDS)
    for address, host in (
        ("https://www.youtube.com/embed/abc123", "www.youtube.com"),
        ("https://connect.facebook.net/fr_FR/sdk.js", "connect.facebook.net"),
        ("https://upload.example.com/photo.jpg", "upload.example.com"),
        ("//stats.example.net/t.js", "stats.example.net"),
    ):
        finding = assert_finding(report, "third-party", URL, address, f"contacte {host}")
        assert finding.severity == "error"
    assert len(found(report, "third-party")) == 4


def test_third_party_allows_the_site_itself_and_the_hosts_the_association_accepts(
    tmp_path: Path,
) -> None:
    own = f'<img src="{SITEURL}/images/photo.jpg" alt="La photo" width="1" height="1">'
    video = '<iframe src="https://video.peertube.example.org/embed/1" title="x"></iframe>'
    report = _one(
        tmp_path, own + video, SITEURL=SITEURL, SEO_THIRD_PARTY_HOSTS=["peertube.example.org"]
    )
    assert_clean(report, "third-party")
    # Without the setting, the same video is reported; the site's own image never is.
    report = _one(tmp_path / "b", own + video, SITEURL=SITEURL)
    assert [f.message for f in found(report, "third-party")] == [
        "<iframe> fait charger https://video.peertube.example.org/embed/1 : le navigateur de "
        "chaque visiteur contacte video.peertube.example.org, qui apprend quelle page il lit."
    ]


def test_a_source_names_the_line_of_each_load_from_another_site() -> None:
    text = (
        "Title: La fête\n"
        "Image: https://photos.example.com/header.jpg\n"  # the header: not the page's HTML
        "\n"
        "La vidéo :\n"
        "\n"
        '<iframe width="560" src="https://www.youtube.com/embed/abc"\n'
        '  title="La fête"></iframe>\n'
        "\n"
        "```html\n"
        '<iframe src="https://exemple.example.com/embed"></iframe>\n'
        "```\n"
        "\n"
        'Le code `<script src="https://code.example.com/x.js">` en exemple.\n'
        "\n"
        '    <iframe src="https://indented.example.com/"></iframe>\n'
        "\n"
        "![Le stand](https://photos.example.com/stand.jpg) et ![ici](/images/r/a.jpg)\n"
        "![Notre chaîne](https://video.asso.example.org/v.jpg)\n"
        '<script src="https://www.youtube.com/embed/abc"></script>\n'  # said once
        '<img src="https://les-tilleuls.example.org/images/r/b.jpg" alt="chez nous">\n'
        '<img data-src="https://lazy.example.com/c.jpg" src="/images/r/c.jpg" alt="c">\n'
    )
    found = third_parties_in_prose(
        prose_lines(text), "https://les-tilleuls.example.org", ["asso.example.org"]
    )
    assert [(line, message.split(" : ")[0]) for line, message in found] == [
        (6, "<iframe> fait charger https://www.youtube.com/embed/abc"),
        (17, "<img> fait charger https://photos.example.com/stand.jpg"),
    ]
    assert "contacte photos.example.com, qui apprend quelle page il lit." in found[1][1]
