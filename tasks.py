"""Babillard's commands. `invoke --list` is the manual; `invoke --help TASK` explains one.

Editors use: build, serve, livereload, new-article. Maintainers also: rebuild, clean, lint.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
# Our plugins are importable as top-level packages, as Pelican loads them (PLUGIN_PATHS).
sys.path.insert(0, str(ROOT / "plugins"))
SETTINGS_DEV = ROOT / "pelicanconf.py"
SETTINGS_PROD = ROOT / "publishconf.py"
CACHE_DIR = ROOT / ".cache"
ARTICLES_DIR = ROOT / "content" / "articles"
HOST, PORT = "127.0.0.1", 8000
DATED_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-")

log = logging.getLogger("babillard")


# --- Running Pelican ------------------------------------------------------------------------


class _ProblemCounter(logging.Handler):
    """Counts the warnings and errors logged during a build, to end with a verdict."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors = 0
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
        else:
            self.warnings += 1


def load_settings(settings_file: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings from `settings_file` with `overrides`, checked for our own values."""
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file), override=overrides or {})
    except (ValueError, OSError) as error:
        # Pelican and our theme say what is wrong; the traceback would only hide it.
        raise Exit(f"Réglages invalides ({settings_file.name}) : {error}", code=2) from None
    build_date = settings.get("BUILD_DATE", "")
    try:
        datetime.date.fromisoformat(str(build_date))
    except ValueError:
        raise Exit(
            f"BUILD_DATE = {build_date!r} n’est pas une date : écrivez-la AAAA-MM-JJ, "
            "par exemple 2026-11-23.",
            code=2,
        ) from None
    return settings


class _EditorFormatter(logging.Formatter):
    """One line per problem, in French, whole (never wrapped), and never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{_LEVEL_WORDS.get(record.levelname, record.levelname)} {record.getMessage()}"


_LEVEL_WORDS = {"WARNING": "ATTENTION", "ERROR": "ERREUR", "CRITICAL": "ERREUR"}


def run_pelican(settings: dict[str, Any]) -> _ProblemCounter:
    """One build, in this process. Returns the count of problems Pelican and plugins logged."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_EditorFormatter())
    init_logging(level=logging.WARNING, name="pelican", handler=handler)
    counter = _ProblemCounter()
    logging.getLogger().addHandler(counter)
    try:
        try:
            # Plugins check their settings at `initialized`, sent by the constructor.
            pelican = Pelican(settings)
        except ValueError as error:
            raise Exit(f"Réglages invalides (pelicanconf.py) : {error}", code=2) from None
        pelican.run()
    finally:
        logging.getLogger().removeHandler(counter)
    return counter


def _build(
    settings_file: Path, output: str | None, build_date: str | None, content: str | None = None
) -> None:
    overrides: dict[str, Any] = {}
    if content:
        overrides["PATH"] = str(Path(content).resolve())
    if output:
        overrides["OUTPUT_PATH"] = str(Path(output).resolve())
    if build_date:
        overrides["BUILD_DATE"] = build_date
    # Pelican resolves PATH, THEME and PLUGIN_PATHS against the settings file, but our theme
    # module import and relative paths are simplest from the project root.
    os.chdir(ROOT)
    settings = load_settings(settings_file, overrides)
    counter = run_pelican(settings)
    out_path = Path(settings["OUTPUT_PATH"])
    out = out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path
    print(
        f"Construction terminée dans {out}/ (date de construction {settings['BUILD_DATE']}) : "
        f"{counter.errors} erreur(s), {counter.warnings} avertissement(s)."
    )
    if counter.errors:
        raise Exit("Des erreurs sont signalées ci-dessus : corrigez-les avant de publier.", code=1)


# --- Tasks ------------------------------------------------------------------------------------

_BUILD_HELP = {
    "production": "Use the production settings (publishconf.py) instead of pelicanconf.py.",
    "content": "Folder of content to build (default: content/).",
    "output": "Folder to build into (default: output/).",
    "build-date": "The build's 'today', as YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today).",
}


@task(help=_BUILD_HELP)
def build(
    c: Context,
    output: str | None = None,
    build_date: str | None = None,
    content: str | None = None,
    production: bool = False,
) -> None:
    """Build the site into output/ (local settings, or publishconf.py with --production)."""
    _build(SETTINGS_PROD if production else SETTINGS_DEV, output, build_date, content)


@task(
    help={
        "output": "The built site to delete (default: output/).",
        "all": "Also delete the image cache (.cache/thumbnails): every image is then re-encoded.",
    }
)
def clean(c: Context, output: str | None = None, all: bool = False) -> None:
    """Delete output/ and Pelican's cache; --all also deletes the image cache."""
    folders = [Path(output).resolve() if output else ROOT / "output"]
    # The image cache is keyed by content, so it is never stale: keeping it makes rebuild fast.
    folders.append(CACHE_DIR if all else CACHE_DIR / "pelican")
    for folder in folders:
        if folder.exists():
            shutil.rmtree(folder)
            print(f"Supprimé : {folder}/")


@task(help=_BUILD_HELP)
def rebuild(
    c: Context,
    output: str | None = None,
    build_date: str | None = None,
    content: str | None = None,
    production: bool = False,
) -> None:
    """Build from scratch: clean, then build."""
    clean(c, output=output)
    build(c, output=output, build_date=build_date, content=content, production=production)


@task(help={"port": f"Port to listen on (default {PORT})."})
def serve(c: Context, port: int = PORT) -> None:
    """Serve output/ on http://127.0.0.1:8000/ to preview the last build (Ctrl+C to stop)."""
    print(f"Aperçu sur http://{HOST}:{port}/ — Ctrl+C pour arrêter.")
    c.run(
        f"{sys.executable} -m pelican --listen -s {SETTINGS_DEV} -b {HOST} -p {port}",
        pty=sys.stdin.isatty(),
    )


@task(help={"port": f"Port to listen on (default {PORT})."})
def livereload(c: Context, port: int = PORT) -> None:
    """Build, serve, and rebuild + reload the browser on any change to content, theme or plugins."""
    from livereload import Server

    def rebuild_in_new_process() -> None:
        # A fresh process each time, so edits to plugins/ and pelicanconf.py take effect too.
        subprocess.run([sys.executable, "-m", "invoke", "build"], cwd=ROOT, check=False)

    rebuild_in_new_process()
    server = Server()
    for pattern in (
        "content/**/*.md",
        "content/**/*.yaml",
        "content/**/*.yml",
        "content/images/**/*",
        "theme/**/*",
        "plugins/**/*.py",
        "pelicanconf.py",
    ):
        server.watch(str(ROOT / pattern), rebuild_in_new_process, delay=0.3)
    server.serve(host=HOST, port=port, root=str(ROOT / "output"))


def _slugify(title: str) -> str:
    """`Fête des voisins : venez !` → `fete-des-voisins-venez`, as Pelican slugifies."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    slug = slugify(unicodedata.normalize("NFC", title), DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    return slug.strip("-")


def _known_categories() -> list[str]:
    """The categories already used by articles, so a new article reuses one."""
    found = set()
    for path in ARTICLES_DIR.glob("*.md"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            if key.strip().lower() == "category" and value.strip():
                found.add(value.strip())
    return sorted(found)


def _ask(question: str, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{question}{suffix} : ").strip()
    return answer or default


@task(
    help={
        "title": "The article's title (asked if not given).",
        "category": "Its category (asked if not given; an existing one is best).",
        "author": "Its author (asked if not given).",
    }
)
def new_article(
    c: Context, title: str | None = None, category: str | None = None, author: str | None = None
) -> None:
    """Create content/articles/YYYY-MM-DD-title.md, a draft to fill in, dated today."""
    interactive = sys.stdin.isatty()
    title = (title or (_ask("Titre de l’article") if interactive else "")).strip()
    if not title:
        raise Exit('Il faut un titre : invoke new-article --title "Mon titre"', code=2)
    if category is None:
        known = _known_categories()
        if interactive:
            print("Catégories existantes : " + (", ".join(known) or "aucune"))
        category = _ask("Catégorie", known[0] if known else "") if interactive else ""
    if author is None:
        author = _ask("Auteur ou autrice") if interactive else ""

    now = datetime.datetime.now().replace(second=0, microsecond=0)
    slug = _slugify(title)
    path = ARTICLES_DIR / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise Exit(f"{path.relative_to(ROOT)} existe déjà : choisissez un autre titre.", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {title}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        f"Category: {category or 'Vie du quartier'}\n"
        "Tags: \n"
        f"Author: {author or 'À compléter'}\n"
        "Summary: À compléter : une ou deux phrases (70 à 160 caractères) qui donnent envie.\n"
        "Status: draft\n"
        "\n"
        "Écrivez ici l’article. Laissez une ligne vide entre deux paragraphes.\n"
        "\n"
        "## Un intertitre\n"
        "\n"
        "Quand l’article est prêt, remplacez `Status: draft` par `Status: published`\n"
        "(un brouillon se prévisualise dans output/brouillons/ mais n’est pas publié).\n",
        encoding="utf-8",
    )
    print(f"Créé : {path.relative_to(ROOT)} (brouillon). Ouvrez-le pour écrire l’article.")


def listing_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The local settings with the listings plugin's defaults filled in and checked."""
    from listings.settings import configure

    os.chdir(ROOT)
    try:
        return configure(load_settings(SETTINGS_DEV, overrides))
    except ValueError as error:
        raise Exit(f"Réglages invalides (pelicanconf.py) : {error}", code=2) from None


def _choose(question: str, choices: dict[str, str]) -> str:
    """Ask for one of `choices` by number or by name; ask again until the answer is one."""
    keys = list(choices)
    for number, key in enumerate(keys, start=1):
        print(f"  {number}. {choices[key]} ({key})")
    while True:
        answer = input(f"{question} (numéro) : ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        if answer in choices:
            return answer
        print(f"Répondez par un numéro de 1 à {len(keys)}.")


def _yaml_text(value: str) -> str:
    # A JSON string is a valid YAML scalar, whatever it contains (colons, quotes, #).
    return json.dumps(value, ensure_ascii=False)


@task(
    help={
        "title": "Title (5 to 90 characters).",
        "kind": "Kind: offre, demande, don, échange, bénévolat, événement.",
        "category": "Category slug (see LISTING_CATEGORIES in pelicanconf.py).",
        "location": "Town or area.",
        "price": "Price in euros; 0 means free; leave out for none.",
        "author": "Who posts it (first name and initial, or organisation).",
        "email": "Contact email.",
        "phone": "Contact phone.",
        "url": "Contact web page.",
        "description": "The text (Markdown); you can complete it in the file afterwards.",
    }
)
def new_listing(
    c: Context,
    title: str | None = None,
    kind: str | None = None,
    category: str | None = None,
    location: str | None = None,
    price: str | None = None,
    author: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    url: str | None = None,
    description: str | None = None,
) -> None:
    """Create content/listings/<title>.yaml by answering questions; `invoke check` accepts it."""
    from listings.validate import ListingValidator

    settings = listing_settings()
    interactive = sys.stdin.isatty()

    def need(value: str | None, question: str, option: str) -> str:
        if value is None and interactive:
            value = _ask(question)
        if not value or not value.strip():
            raise Exit(f"Il manque : {question.lower()} (option --{option}).", code=2)
        return value.strip()

    title = need(title, "Titre de l’annonce", "title")
    if kind is None and interactive:
        kind = _choose("Type d’annonce", settings["LISTING_KINDS"])
    kind = need(kind, "Type d’annonce", "kind")
    if category is None and interactive:
        category = _choose("Catégorie", settings["LISTING_CATEGORIES"])
    category = need(category, "Catégorie", "category")
    location = need(location, "Lieu (ville ou quartier)", "location")
    author = need(author, "Votre nom (prénom et initiale)", "author")
    if price is None and interactive and kind != "demande":
        price = _ask("Prix en euros (0 = gratuit, vide = pas de prix)")
    if interactive and not (email or phone or url):
        email = _ask("E-mail de contact (vide si aucun)") or None
        phone = _ask("Téléphone de contact (vide si aucun)") or None
        url = _ask("Page web de contact (vide si aucune)") or None
    if not (email or phone or url):
        raise Exit("Il faut au moins un contact : --email, --phone ou --url.", code=2)
    description = need(
        description, "Description en une phrase (à compléter ensuite)", "description"
    )

    today = datetime.date.today()
    lines = [
        f"title: {_yaml_text(title)}",
        f"kind: {_yaml_text(kind)}",
        f"category: {_yaml_text(category)}",
        f"location: {_yaml_text(location)}",
    ]
    if price and price.strip():
        lines.append(f"price: {price.strip().replace(',', '.')}")
    lines += [
        f"date: {today.isoformat()}",
        f"# expires: AAAA-MM-JJ  (sinon {settings['LISTING_DEFAULT_DAYS']} jours en ligne)",
        f"author: {_yaml_text(author)}",
        "contact:",
        *(
            f"  {key}: {_yaml_text(value)}"
            for key, value in (("email", email), ("phone", phone), ("url", url))
            if value
        ),
    ]
    if kind == "événement":
        lines += [
            "event:",
            f'  start: "{today.isoformat()}T14:00"  # à corriger',
            '  place: "À préciser"',
        ]
    lines += ["description: |", *(f"  {line}" for line in description.splitlines()), ""]

    path = ROOT / "content" / settings["LISTING_PATH"] / f"{_slugify(title)}.yaml"
    if path.exists():
        raise Exit(f"{path.relative_to(ROOT)} existe déjà : choisissez un autre titre.", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    # The same checks as the build: the editor learns now, not at publication.
    _, problems = ListingValidator(settings).load(path)
    for problem in problems:
        print(problem.format(ROOT))
    if problems:
        raise Exit(
            f"{path.relative_to(ROOT)} est écrit, mais il faut le corriger (voir ci-dessus).",
            code=1,
        )
    print(
        f"Créé : {path.relative_to(ROOT)}. Relisez-le, complétez la description, puis invoke check."
    )


# --- Checking content without building ----------------------------------------------------


def _article_problems(settings: dict[str, Any]) -> tuple[int, list[Any]]:
    """Problems in articles and pages that would make Pelican skip them, with their lines."""
    from listings.errors import ContentError
    from pelican.utils import get_date

    content = Path(settings["PATH"])
    sources = [
        path
        for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"])
        for path in sorted((content / folder).rglob("*.md"))
    ]
    problems: list[ContentError] = []
    for path in sources:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.append(
                ContentError(
                    path,
                    0,
                    "ce fichier n’est pas écrit en UTF-8",
                    "enregistrez-le en UTF-8 depuis votre éditeur de texte",
                )
            )
            continue
        header: dict[str, tuple[int, str]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                break
            key, colon, value = line.partition(":")
            if colon:
                header[key.strip().lower()] = (number, value.strip())
        if not header.get("title", (0, ""))[1]:
            problems.append(
                ContentError(
                    path,
                    1,
                    "il manque le titre",
                    "ajoutez en première ligne « Title: Le titre de l’article »",
                )
            )
        if "date" in header:
            number, value = header["date"]
            try:
                get_date(value)
            except ValueError:
                problems.append(
                    ContentError(
                        path,
                        number,
                        f"« Date » : « {value} » n’est pas une date",
                        "écrivez AAAA-MM-JJ HH:MM, par exemple 2026-11-23 18:30",
                    )
                )
        elif path.is_relative_to(content / "articles") and not DATED_NAME.match(path.name):
            problems.append(
                ContentError(
                    path,
                    1,
                    "l’article n’a pas de date",
                    "nommez le fichier AAAA-MM-JJ-titre.md ou ajoutez « Date: … »",
                )
            )
    return len(sources), problems


def _image_problems(settings: dict[str, Any], listings: list[Any]) -> list[Any]:
    """Images used by articles, pages and listings that the thumbnails plugin cannot render."""
    from listings.errors import ContentError
    from thumbnails.check import image_problems, referenced_images
    from thumbnails.settings import configure as configure_thumbnails

    configure_thumbnails(settings)
    content = Path(settings["PATH"])
    uses: dict[Path, set[Path]] = {}
    for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]):
        for page in sorted((content / folder).rglob("*.md")):
            text = page.read_text(encoding="utf-8", errors="replace")
            for image in referenced_images(page, text, settings):
                uses.setdefault(image, set()).add(page)
    photos_root = content / settings["LISTING_PHOTOS_PATH"]
    for listing in listings:
        for photo in listing.photos:
            uses.setdefault((photos_root / photo.path).resolve(), set()).add(listing.source_path)
    return [
        ContentError(
            image,
            0,
            f"{problem} (utilisée par "
            + ", ".join(os.path.relpath(page, ROOT) for page in pages)
            + ")",
            "remplacez-la par une photo JPEG, PNG, WebP ou HEIC lisible",
        )
        for image, pages, problem in image_problems(uses, settings)
    ]


@task(help={"content": "Folder of content to check (default: content/)."})
def check(c: Context, content: str | None = None) -> None:
    """Check every article, page and listing for mistakes, without building (exit 1 if any)."""
    from listings.validate import load_folder

    overrides = {"PATH": str(Path(content).resolve())} if content else {}
    settings = listing_settings(overrides)
    count, problems = _article_problems(settings)
    folder = Path(settings["PATH"]) / settings["LISTING_PATH"]
    listings, listing_problems = load_folder(folder, settings) if folder.is_dir() else ([], [])
    problems += listing_problems
    problems += _image_problems(settings, listings)
    for problem in problems:
        print(problem.format(ROOT))
    if problems:
        files = len({problem.path for problem in problems})
        raise Exit(
            f"{len(problems)} problème(s) dans {files} fichier(s) : corrigez-les, puis "
            "relancez invoke check.",
            code=1,
        )
    print(f"Tout est correct : {count} articles et pages, {len(listings)} annonces vérifiés.")


@task
def schema(c: Context) -> None:
    """Write schema/*.schema.json: the listing format, for editors' text editors and partners."""
    settings = listing_settings()
    for name, document in schema_files(settings).items():
        path = ROOT / "schema" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(document, encoding="utf-8")
        print(f"Écrit : {path.relative_to(ROOT)}")


def schema_files(settings: dict[str, Any]) -> dict[str, str]:
    """The published schema files' names and exact text, for this site's settings."""
    from listings.schema import export_schema, listing_schema

    def dump(document: dict[str, Any]) -> str:
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    return {
        "listing.schema.json": dump(listing_schema(settings)),
        "listings-export.schema.json": dump(export_schema(settings)),
    }


@task(
    help={
        "photos": "How many phone-size photos (default 24).",
        "repeats": "Runs of each measure; the median is reported (default 3).",
        "json_out": "Also write the figures to this JSON file.",
    }
)
def bench(c: Context, photos: int = 24, repeats: int = 3, json_out: str | None = None) -> None:
    """Measure thumbnail throughput against a plain Pillow loop (figures, not a test)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.thumbnails_bench import run

    print(f"Miniatures : {photos} photos 3000×2000, médiane de {repeats} mesures…")
    figures = run(photos, repeats)
    width = max(len(key) for key in figures)
    for key, value in figures.items():
        print(f"  {key:<{width}}  {value}")
    if json_out:
        Path(json_out).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


@task
def lint(c: Context) -> None:
    """Check the Python code with ruff (style and common mistakes)."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")
