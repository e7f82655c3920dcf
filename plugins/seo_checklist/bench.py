"""Benchmark: write n realistic article pages, then time `check_site` on them.

    PYTHONPATH=plugins .venv/bin/python -m seo_checklist.bench 1000 5000

The pages imitate our theme's article page (header, nav, footer, ~600 words in <main>,
headings, a list, an image, links between articles, JSON-LD, Open Graph), so the timing
says what a real site of that size costs. Generation is seeded: the same n, the same bytes.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

from .engine import check_site

SITEURL = "https://bench.example.org"
_VOCABULARY = (
    "association quartier voisins jardin partagé atelier vélo réparation bénévoles école "
    "enfants fête marché printemps récolte tomates compost livres lecture rencontre samedi "
    "après-midi maison salle rue place mairie projet habitants solidarité entraide repas "
    "soirée cinéma musique concert exposition photos sortie nature ruisseau nettoyage "
    "déchets tri recyclage outils prêt échange dons vêtements jouets cuisine recettes "
    "l’équipe d’accueil aujourd’hui bientôt ensemble chaque semaine nouveau premier dernier"
)
_WORDS = tuple(_VOCABULARY.split())
_CHROME = """<header class="site-header"><p class="site-title"><a href="/" rel="home">Bench</a></p>
<nav aria-label="Menu principal"><ul><li><a href="/">Accueil</a></li>
<li><a href="/2026/article-00000/">Premier article</a></li></ul></nav></header>"""
_FOOTER = """<footer class="site-footer"><p>Association Bench · 3 rue des Tilleuls</p>
<ul><li><a href="/">Accueil</a></li></ul></footer>"""


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 6)))


def _slug(i: int) -> str:
    return f"article-{i:05d}"


def article_html(i: int, n: int, rng: random.Random) -> str:
    """One article page, as our theme writes it."""
    slug = _slug(i)
    url = f"{SITEURL}/2026/{slug}/"
    title = f"Article numéro {i} : la vie du quartier des Tilleuls"
    description = (
        f"Résumé de l’article {i} : ce qui s’est passé au quartier, les rendez-vous à venir "
        "et comment participer avec l’association."
    )
    other = _slug((i + 1) % n)
    body = [f"<p>{escape(_paragraph(rng))}</p>"]
    for section in range(1, 7):
        body.append(f'<h2 id="partie-{section}">Partie {section} du récit</h2>')
        body.append(f"<p>{escape(_paragraph(rng))}</p>")
        body.append(
            f'<p>Voir aussi <a href="/2026/{other}/">l’article sur le même sujet</a> et '
            f'<a href="#partie-1">le début du récit</a> ; '
            f'<a href="https://www.service-public.fr/">les démarches</a>.</p>'
        )
    body.append("<ul>" + "".join(f"<li>{_sentence(rng, 6)}</li>" for _ in range(4)) + "</ul>")
    body.append(
        f'<p><img src="/images/photo.jpg" alt="Une photo de l’atelier {i}" width="800" '
        'height="600" loading="lazy" decoding="async"></p>'
    )
    jsonld = (
        '{"@context": "https://schema.org", "@type": "BlogPosting", '
        f'"headline": "{title}", "datePublished": "2026-10-03T15:30:00+02:00", '
        '"author": {"@type": "Person", "name": "Claire Martin"}, '
        f'"image": "{SITEURL}/images/photo.jpg", "mainEntityOfPage": "{url}"}}'
    )
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="description" content="{escape(description)}">
<link rel="canonical" href="{url}">
<meta property="og:title" content="{escape(title)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{SITEURL}/images/photo.jpg">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/theme/css/main.css">
<script type="application/ld+json">{jsonld}</script>
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
{_CHROME}
<main id="contenu">
<article><header><h1>{escape(title)}</h1><p>Publié le 3 octobre 2026</p></header>
<div class="prose">
{chr(10).join(body)}
</div>
<footer><ul class="tags"><li><a href="/">Accueil du site</a></li></ul></footer>
</article>
</main>
{_FOOTER}
</body>
</html>
"""


def home_html(n: int) -> str:
    """The home page: the latest articles and the association's Organization block."""
    items = "".join(
        f'<li><a href="/2026/{_slug(i)}/">Article numéro {i} du quartier</a></li>'
        for i in range(min(n, 10))
    )
    title = "Bench : l’association des habitants du quartier"
    description = (
        "Les nouvelles du quartier des Tilleuls : ateliers, fêtes, jardin partagé et petites "
        "annonces entre voisins."
    )
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<meta name="description" content="{escape(description)}">
<link rel="canonical" href="{SITEURL}/">
<meta property="og:title" content="{escape(title)}">
<meta property="og:type" content="website">
<meta property="og:url" content="{SITEURL}/">
<meta property="og:image" content="{SITEURL}/images/photo.jpg">
<meta name="twitter:card" content="summary">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Organization",
"name": "Association Bench", "url": "{SITEURL}/"}}</script>
</head>
<body>
{_CHROME}
<main id="contenu"><h1>{escape(title)}</h1><h2>Derniers articles</h2><ul>{items}</ul></main>
{_FOOTER}
</body>
</html>
"""


def generate_pages(folder: Path, n: int, seed: int = 2026) -> list[Path]:
    """Write `n` article pages (2026/article-NNNNN/index.html) and what they link to."""
    rng = random.Random(seed)
    written = []
    for i in range(n):
        path = folder / "2026" / _slug(i) / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_html(i, n, rng), encoding="utf-8")
        written.append(path)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    (folder / "theme" / "css").mkdir(parents=True, exist_ok=True)
    (folder / "theme" / "css" / "main.css").write_text("body{}\n", encoding="utf-8")
    (folder / "index.html").write_text(home_html(n), encoding="utf-8")
    locs = "".join(f"<url><loc>{SITEURL}/2026/{_slug(i)}/</loc></url>" for i in range(n))
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n',
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {SITEURL}/sitemap.xml\n", encoding="utf-8"
    )
    return written


def time_check(n: int, folder: Path | None = None, **settings: Any) -> float:
    """Seconds `check_site` takes on `n` generated pages (in `folder`, or a temporary one)."""
    with tempfile.TemporaryDirectory(prefix="seo-bench-") as tmp:
        root = folder or Path(tmp)
        generate_pages(root, n)
        started = time.perf_counter()
        check_site(root, {"SITEURL": SITEURL, **settings})
        return time.perf_counter() - started


def main(argv: list[str]) -> list[tuple[int, float, float]]:
    """Time each page count of `argv` with worker processes and without them."""
    results = []
    for n in [int(arg) for arg in argv] or [1000, 5000]:
        parallel = time_check(n)
        serial = time_check(n, SEO_WORKERS=1)
        results.append((n, parallel, serial))
        sys.stdout.write(
            f"{n} pages : {parallel:.2f} s (parallèle), {serial:.2f} s (un seul processus)\n"
        )
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
