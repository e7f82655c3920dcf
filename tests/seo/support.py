"""Helpers for the SEO checklist tests: a page that passes every check, and tiny sites.

Each test starts from `page()` — valid for every check — and breaks one thing, so a
finding can only come from what the test changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seo_checklist import Report, check_site
from seo_checklist.registry import Finding

SITEURL = "https://asso.example.org"
# A paragraph of 50 words; articles need 300 words of main content.
FIFTY_WORDS = " ".join(
    ["Le jardin partagé du quartier accueille les habitants chaque samedi matin."] * 4
    + ["Les outils sont prêtés sur place."]
)
ARTICLE_BODY = "\n".join(
    f'<h2 id="partie-{i}">Partie {i}</h2>\n<p>{FIFTY_WORDS}</p>' for i in range(7)
)
ORGANIZATION = {"@context": "https://schema.org", "@type": "Organization", "name": "Les Tilleuls"}


def file_for(url: str) -> str:
    """Output file of a URL path: "/" → index.html, "/x/" → x/index.html, "/404.html"."""
    rel = url.lstrip("/")
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def title_for(url: str) -> str:
    return f"Page {url.strip('/') or 'accueil'} de l’association"[:60].ljust(30, ".")


def description_for(url: str) -> str:
    return (
        f"Ce que propose la page {url} : les activités de l’association des habitants du "
        "quartier, pour tous."
    )


def page(
    url: str = "/a-propos/",
    *,
    body: str = "<p>Bienvenue sur le site de l’association.</p>",
    title: str | None = None,
    description: str | None = None,
    h1: str = "Titre principal de la page",
    lang: str = "fr",
    canonical: str | None = None,
    metas: dict[str, str] | None = None,
    jsonld: list[Any] | None = None,
    head: str = "",
) -> str:
    """A page that passes every check; each argument replaces one part of it.

    `metas` entries replace or add `<meta>` tags (an empty value removes the tag);
    `jsonld` blocks are dumped as JSON, or written as is when they are strings.
    """
    address = SITEURL + url
    tags = {
        "description": description if description is not None else description_for(url),
        "og:title": "Titre partagé",
        "og:type": "website",
        "og:url": address,
        "og:image": SITEURL + "/images/photo.jpg",
        "twitter:card": "summary",
    }
    if metas:
        tags.update(metas)
    meta_html = "\n".join(
        f'<meta {"property" if key.startswith("og:") else "name"}="{key}" content="{value}">'
        for key, value in tags.items()
        if value is not None
    )
    if jsonld is None and url == "/":
        jsonld = [{**ORGANIZATION, "url": SITEURL + "/"}]
    scripts = "\n".join(
        '<script type="application/ld+json">'
        + (block if isinstance(block, str) else json.dumps(block, ensure_ascii=False))
        + "</script>"
        for block in jsonld or []
    )
    link = canonical if canonical is not None else address
    canonical_html = f'<link rel="canonical" href="{link}">' if link else ""
    lang_attr = f' lang="{lang}"' if lang else ""
    title_html = f"<title>{title if title is not None else title_for(url)}</title>"
    h1_html = f"<h1>{h1}</h1>" if h1 else ""
    return f"""<!doctype html>
<html{lang_attr}>
<head>
<meta charset="utf-8">
{title_html}
{canonical_html}
{meta_html}
{scripts}
{head}
</head>
<body>
<header><p><a href="/">Les Tilleuls</a></p><nav><a href="/">Accueil</a></nav></header>
<main id="contenu">
<header class="page-header">{h1_html}</header>
{body}
</main>
<footer><p>Association Les Tilleuls, 3 rue des Tilleuls.</p></footer>
</body>
</html>
"""


def write_site(
    root: Path,
    pages: dict[str, str],
    *,
    robots: str | None = None,
    sitemap: list[str] | None = None,
) -> Path:
    """Write `pages` (URL path → HTML) into `root`, with an image, robots.txt and sitemap.xml.

    A home page is added when `pages` has none (every page links to it). The sitemap lists
    every page but noindex ones and the 404 unless `sitemap` is given; `robots` replaces the
    default robots.txt ("" leaves it out).
    """
    pages = {"/": page("/"), **pages}
    for url, html in pages.items():
        path = root / file_for(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    (root / "images").mkdir(parents=True, exist_ok=True)
    (root / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    if sitemap is None:
        sitemap = [
            url for url, html in pages.items() if "noindex" not in html and url != "/404.html"
        ]
    locs = "".join(f"<url><loc>{SITEURL}{url}</loc></url>" for url in sitemap)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n',
        encoding="utf-8",
    )
    if robots is None:
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {SITEURL}/sitemap.xml\n"
    if robots:
        (root / "robots.txt").write_text(robots, encoding="utf-8")
    return root


def check(root: Path, **settings: Any) -> Report:
    """Run the checker on `root` as the production build would (SITEURL set)."""
    return check_site(root, {"SITEURL": SITEURL, **settings})


def site_report(tmp_path: Path, pages: dict[str, str], **settings: Any) -> Report:
    """Write `pages` into a fresh folder and check it."""
    return check(write_site(tmp_path / "output", pages), **settings)


def found(report: Report, check_id: str, page: str | None = None) -> list[Finding]:
    return [
        f for f in report.findings if f.check_id == check_id and (page is None or f.page == page)
    ]


def assert_finding(report: Report, check_id: str, page: str, *fragments: str) -> Finding:
    """The report has a `check_id` finding on `page` whose message contains `fragments`."""
    candidates = found(report, check_id, page)
    assert candidates, f"no {check_id} on {page}; got:\n{report.to_terminal()}"
    for finding in candidates:
        if all(fragment in finding.message for fragment in fragments):
            return finding
    raise AssertionError(f"{check_id} on {page} lacks {fragments}: {candidates}")


def assert_clean(report: Report, check_id: str) -> None:
    """No `check_id` finding anywhere."""
    assert not found(report, check_id), report.to_terminal()


def blogposting(**fields: Any) -> dict[str, Any]:
    """A complete BlogPosting block; `fields` replace or (with None) remove fields."""
    block: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "Le jardin partagé ouvre ses portes",
        "datePublished": "2026-10-03T15:30:00+02:00",
        "author": {"@type": "Person", "name": "Claire Martin"},
        "image": SITEURL + "/images/photo.jpg",
    }
    block.update(fields)
    return {key: value for key, value in block.items() if value is not None}


def article(url: str = "/2026/jardin-partage/", **parts: Any) -> str:
    """An article page (URL matches SEO_ARTICLE_PATTERNS) with 350 words and a BlogPosting."""
    parts.setdefault("body", ARTICLE_BODY)
    parts.setdefault("jsonld", [blogposting()])
    return page(url, **parts)
