"""A synthetic association site of any size, laid out like our content/, from a seed.

    site = generate(Path("/tmp/site"), articles=1000, listings=2000, photos=24)
    edit_article(site.articles[17], 1)   # what an editor does between two builds

`site.content` holds `articles/AAAA-MM-JJ-slug.md` (Pelican metadata like ours, 400 to 900
words with headings, lists, `{filename}` links to other articles and `{static}` images),
`pages/`, `listings/*.yaml` following the listing contract (every kind, events, statuses,
prices, contacts, photos, tags; most active on BUILD_DATE) and `images/photos/` with
phone-size photos (benchmarks.thumbnails_bench.make_photos). Caches of a build of it go to
`site.root/.cache`, since our plugins keep them beside the folder holding PATH.

Text is seeded (one `random.Random` per file, so an edit or a size change leaves the other
files as they were); photo pixels come from Pillow's noise, so their bytes vary between runs.
"""

from __future__ import annotations

import datetime
import json
import random
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from commands.prompts import slugify

from . import corpus_text as text
from . import listings_text as ads
from .thumbnails_bench import make_photos

ROOT = Path(__file__).resolve().parent.parent
# The build's "today": listings' expiry is computed against it (same as the tests').
BUILD_DATE = "2026-11-23"
# pelicanconf.py's SOCIAL_IMAGE must exist under PATH, or every build reports an error.
SOCIAL_IMAGE = "images/articles/panneau-annonces.jpg"
PHOTOS_DIR = "images/photos"
CATEGORIES = ("Vie du quartier", "Environnement", "Culture", "Entraide", "Jardin partagé")
AUTHORS = ("Claire Martin", "Jean-Baptiste Moreau", "Karim Benali", "Sophie Leroy", "Anne Roux")
MONTHS = text.word_list(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
KINDS = ("offre", "demande", "don", "échange", "bénévolat", "événement")


@dataclass
class Site:
    """What `generate` wrote: the folder holding content/, and the files an edit picks from."""

    root: Path
    articles: list[Path] = field(default_factory=list)
    listings: list[Path] = field(default_factory=list)
    photos: list[Path] = field(default_factory=list)

    @property
    def content(self) -> Path:
        return self.root / "content"


@dataclass(frozen=True)
class _Article:
    date: datetime.datetime
    title: str
    name: str  # file name: AAAA-MM-JJ-slug.md


def _q(value: str) -> str:
    # A JSON string is a valid YAML scalar whatever it holds (colons, quotes, #).
    return json.dumps(value, ensure_ascii=False)


def _combination(index: int, sizes: tuple[int, ...], order: list[int]) -> tuple[int, ...]:
    """The `index`-th of all combinations (in shuffled `order`): distinct indexes, distinct
    combinations, so titles are unique as long as there are enough of them."""
    number = order[index % len(order)]
    picked = []
    for size in sizes:
        number, rest = divmod(number, size)
        picked.append(rest)
    return tuple(picked)


# --- Articles ----------------------------------------------------------------------------


def _plan_articles(count: int, seed: int, today: datetime.date) -> list[_Article]:
    """Unique titles ("Topic : angle, mois année") and dates over the 72 months before today."""
    months = [(today.year * 12 + today.month - 1 - back) for back in range(72)]
    sizes = (len(text.TOPICS), len(text.ANGLES), len(months))
    rng = random.Random(f"{seed}-plan")
    order = list(range(sizes[0] * sizes[1] * sizes[2]))
    rng.shuffle(order)
    plan = []
    for index in range(count):
        topic, angle, month = _combination(index, sizes, order)
        year, month0 = divmod(months[month], 12)
        last_day = today.day if (year, month0 + 1) == (today.year, today.month) else 28
        date = datetime.datetime(year, month0 + 1, rng.randint(1, last_day), rng.randint(9, 19))
        title = f"{text.TOPICS[topic]} : {text.ANGLES[angle]}, {MONTHS[month0]} {year}"
        if index >= len(order):  # more articles than titles: number the second round
            title += f" ({index // len(order) + 1})"
        plan.append(_Article(date, title, f"{date:%Y-%m-%d}-{slugify(title)}.md"))
    return sorted(plan, key=lambda article: (article.date, article.name))


def _summary(rng: random.Random, title: str) -> str:
    """70 to 160 characters, as the SEO checklist wants a meta description; it starts with
    the (unique) title, since two pages with the same description are an SEO warning."""
    while True:
        summary = f"{title}. {text.sentence(rng)}"
        if 70 <= len(summary) <= 160:
            return summary


def _article_text(plan: list[_Article], index: int, photos: list[str], seed: int) -> str:
    article = plan[index]
    rng = random.Random(f"{seed}-article-{article.name}")
    tags = rng.sample(text.WORDS_AS_TAGS, rng.randint(1, 4))
    header = [
        f"Title: {article.title}",
        f"Date: {article.date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(tags)}",
        f"Author: {rng.choice(AUTHORS)}",
        f"Summary: {_summary(rng, article.title)}",
    ]
    pictures = rng.sample(photos, min(len(photos), rng.choice((0, 0, 1, 1, 2))))
    if pictures and rng.random() < 0.5:
        header.append(f"Image: {PHOTOS_DIR}/{pictures[0]}")
    others = [other for other in plan if other is not article]
    links = rng.sample(others, min(len(others), rng.randint(1, 3)))
    target = rng.randint(400, 900)
    body = [text.paragraph(rng)]
    headings = rng.sample(text.HEADINGS, len(text.HEADINGS))
    while sum(text.words(block) for block in body) < target and headings:
        body.append(f"## {headings.pop()}")
        body.append(text.paragraph(rng))
        if links:
            other = links.pop()
            body.append(
                f"Pour en savoir plus, relisez « [{other.title}]"
                f"({{filename}}/articles/{other.name}) » : {text.sentence(rng).lower()}"
            )
        if pictures and rng.random() < 0.5:
            alt = f"{rng.choice(text.SUBJECTS)} {rng.choice(text.COMPLEMENTS)}"
            body.append(f"![{alt}]({{static}}/{PHOTOS_DIR}/{pictures.pop()})")
        if rng.random() < 0.4:
            body.append(text.bullet_list(rng, ordered=rng.random() < 0.3))
        if rng.random() < 0.15:
            body.append(
                "Toutes les informations pratiques sont sur [le site de la mairie de "
                "Villebourg](https://www.villebourg.example.org/) et à la permanence."
            )
        body.append(text.paragraph(rng, 2, 5))
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


def _pages(content: Path) -> None:
    folder = content / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random("pages")
    for slug, title in (("a-propos", "À propos de l’association"), ("contact", "Contact")):
        body = "\n\n".join(
            [text.paragraph(rng), "## Nous rencontrer", text.paragraph(rng), text.bullet_list(rng)]
        )
        summary = _summary(rng, title)
        (folder / f"{slug}.md").write_text(
            f"Title: {title}\nSlug: {slug}\nSummary: {summary}\n\n{body}\n", encoding="utf-8"
        )


# --- Listings ----------------------------------------------------------------------------


def _listing_text(index: int, choice: tuple[str, str, str], photos: list[str], seed: int) -> str:
    kind, title, category = choice
    rng = random.Random(f"{seed}-listing-{index}")
    today = datetime.date.fromisoformat(BUILD_DATE)
    # Most listings are recent, so active on BUILD_DATE; one in seven is long expired.
    back = rng.randint(0, 50) if rng.random() < 6 / 7 else rng.randint(70, 400)
    date = today - datetime.timedelta(days=back)
    first = rng.choice(ads.FIRST_NAMES)
    initial = rng.choice("ABCDEFGHLMNPRST")
    lines = [f"title: {_q(title)}", f"kind: {kind}", f"category: {category}"]
    lines.append(f"location: {_q(rng.choice(ads.TOWNS) + ', ' + rng.choice(ads.PLACES))}")
    if rng.random() < 0.7:
        lines.append('postcode: "45990"')
    if kind == "offre":
        lines.append(f"price: {rng.choice((0, 2, 5, 10, 15, 25, 40, 60, 12.5, 120))}")
    elif kind in ("don", "événement") and rng.random() < 0.6:
        lines.append("price: 0")
    event = None
    if kind == "événement":
        start = datetime.datetime.combine(
            today + datetime.timedelta(days=rng.randint(-5, 90)), datetime.time(rng.randint(9, 20))
        )
        date = min(date, start.date())
        event = (start, start + datetime.timedelta(hours=rng.choice((2, 3, 5))))
    lines.append(f"date: {date.isoformat()}")
    if event:
        lines.append(f"expires: {event[1].date().isoformat()}")
    elif rng.random() < 0.4:
        lines.append(
            f"expires: {(date + datetime.timedelta(days=rng.randint(61, 200))).isoformat()}"
        )
    status = rng.choices(("active", "reserved", "closed"), (85, 10, 5))[0]
    if status != "active" or rng.random() < 0.2:
        lines.append(f"status: {status}")
    lines.append(f"author: {_q(f'{first} {initial}.')}")
    lines += _contact(rng, index, f"{first}.{initial}")
    if photos and rng.random() < 0.3:
        lines.append("photos:")
        lines += [
            f"  - photos/{name}"
            for name in rng.sample(photos, min(len(photos), 3))[: rng.randint(1, 3)]
        ]
    if rng.random() < 0.7:
        lines.append(f"tags: {_q_list(rng.sample(text.WORDS_AS_TAGS, rng.randint(1, 4)))}")
    if event:
        lines += [
            "event:",
            f'  start: "{event[0]:%Y-%m-%dT%H:%M}:00+01:00"',
            f'  end: "{event[1]:%Y-%m-%dT%H:%M}:00+01:00"',
            f"  place: {_q('Maison des Tilleuls, 3 rue des Tilleuls, 45990 Villebourg')}",
        ]
    lines.append("description: |")
    lines += [f"  {line}" if line else "" for line in ads.description(rng, title).splitlines()]
    return "\n".join(lines) + "\n"


def _contact(rng: random.Random, index: int, name: str) -> list[str]:
    """One to two ways to reach the member; fictional (example.org, 01 99 numbers)."""
    local = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    channels = rng.choice((("email",), ("email", "phone"), ("phone",), ("url",), ("email", "url")))
    lines = ["contact:"]
    if "email" in channels:
        lines.append(f"  email: {local}{index}@example.org")
    if "phone" in channels:
        numbers = f"{rng.randint(10, 99)} {rng.randint(10, 99)} {index % 90 + 10}"
        lines.append(f'  phone: "01 99 {numbers}"')
    if "url" in channels:
        lines.append(f"  url: https://www.example.org/membres/{local}-{index}")
    return lines


def _q_list(values: list[str]) -> str:
    return "[" + ", ".join(_q(value) for value in values) + "]"


def _plan_listings(count: int, seed: int) -> list[tuple[str, str, str]]:
    """(kind, unique title, category) for `count` listings, every kind represented."""
    bases = [(kind, start, category) for kind in KINDS for start, category in ads.titles(kind)]
    sizes = (len(bases), len(ads.PLACES))
    order = list(range(sizes[0] * sizes[1]))
    random.Random(f"{seed}-listings").shuffle(order)
    # The first few are one of each kind, so even a tiny site has events and volunteering.
    firsts = [next(i for i, base in enumerate(bases) if base[0] == kind) for kind in KINDS]
    plan = []
    for index in range(count):
        base, place = _combination(index, sizes, order)
        if index < len(firsts):
            base = firsts[index]
        kind, start, category = bases[base]
        title = f"{start}, {ads.PLACES[place]}"
        if index >= len(order) or index < len(firsts):
            title += f" ({index + 1})"
        plan.append((kind, title, category))
    return plan


# --- The whole site ------------------------------------------------------------------------


def generate(root: Path, articles: int, listings: int, photos: int, seed: int = 2026) -> Site:
    """Write a site of this size under `root` (which must not hold one yet) and describe it."""
    content = root / "content"
    site = Site(root)
    site.photos = make_photos(content / PHOTOS_DIR, photos, seed=seed) if photos else []
    names = [photo.name for photo in site.photos]
    social = content / SOCIAL_IMAGE
    social.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "content" / SOCIAL_IMAGE, social)
    _pages(content)

    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    plan = _plan_articles(articles, seed, datetime.date.fromisoformat(BUILD_DATE))
    for index, article in enumerate(plan):
        path = folder / article.name
        path.write_text(_article_text(plan, index, names, seed), encoding="utf-8")
        site.articles.append(path)

    folder = content / "listings"
    folder.mkdir(parents=True, exist_ok=True)
    for index, choice in enumerate(_plan_listings(listings, seed)):
        path = folder / f"{slugify(choice[1])}.yaml"
        path.write_text(_listing_text(index, choice, names, seed), encoding="utf-8")
        site.listings.append(path)
    return site


def articles_only(site: Site, root: Path) -> Path:
    """A copy of the site's articles and images under `root`/content, for stock Pelican."""
    content = root / "content"
    shutil.copytree(site.content / "articles", content / "articles")
    shutil.copytree(site.content / "images", content / "images")
    return content


# --- What an editor changes between two builds ----------------------------------------------


def _is_prose(block: str) -> bool:
    # Paragraphs only: headings, lists, images and paragraphs with links are left alone.
    return bool(block) and block[0].isalpha() and "](" not in block


def edit_article(path: Path, edit: int) -> None:
    """Rewrite one paragraph of the article's body; its metadata stays as it was."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    blocks = body.split("\n\n")
    prose = [index for index, block in enumerate(blocks) if _is_prose(block)]
    rng = random.Random(f"edit-{edit}-{path.name}")
    target = prose[edit % len(prose)]
    new = text.paragraph(rng)
    while new == blocks[target]:
        new = text.paragraph(rng)
    blocks[target] = new
    path.write_text(header + "\n\n" + "\n\n".join(blocks), encoding="utf-8")


def edit_listing(path: Path, edit: int) -> None:
    """Rewrite the listing's description; every other key stays as it was."""
    before, marker, _ = path.read_text(encoding="utf-8").partition("description: |\n")
    title = json.loads(before.partition("title: ")[2].partition("\n")[0])
    rng = random.Random(f"edit-{edit}-{path.name}")
    lines = [f"  {line}" if line else "" for line in ads.description(rng, title).splitlines()]
    path.write_text(before + marker + "\n".join(lines) + "\n", encoding="utf-8")


def replace_photo(path: Path, edit: int) -> None:
    """Put a new photo (new bytes, same size class) in place of `path`, under the same name."""
    old = path.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(5):
            (new,) = make_photos(Path(tmp), 1, seed=10_000 + edit * 7 + attempt)
            if new.read_bytes() != old:
                shutil.move(new, path)
                return
    raise RuntimeError(f"could not make a photo different from {path}")
