"""Babillard's commands. `invoke --list` is the manual; `invoke --help TASK` explains one.

Editors use: build, serve, livereload, new-article. Maintainers also: rebuild, clean, lint.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
SETTINGS_DEV = ROOT / "pelicanconf.py"
SETTINGS_PROD = ROOT / "publishconf.py"
CACHE_DIR = ROOT / ".cache"
ARTICLES_DIR = ROOT / "content" / "articles"
HOST, PORT = "127.0.0.1", 8000

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


def run_pelican(settings: dict[str, Any]) -> _ProblemCounter:
    """One build, in this process. Returns the count of problems Pelican and plugins logged."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING, name="pelican")
    counter = _ProblemCounter()
    logging.getLogger().addHandler(counter)
    try:
        Pelican(settings).run()
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


@task(help={"output": "The built site to delete (default: output/)."})
def clean(c: Context, output: str | None = None) -> None:
    """Delete output/ and the build caches (.cache/)."""
    for folder in (Path(output).resolve() if output else ROOT / "output", CACHE_DIR):
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


@task
def lint(c: Context) -> None:
    """Check the Python code with ruff (style and common mistakes)."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")
