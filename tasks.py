"""Babillard's commands. `invoke --list` is the manual; `invoke --help TASK` explains one.

Editors use: build, serve, livereload, new-article, new-listing, check, seo, publish,
rollback, releases.
Maintainers also: rebuild, clean, lint, schema, bench.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
# Our plugins are importable as top-level packages, as Pelican loads them (PLUGIN_PATHS).
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from commands import last_build  # noqa: E402
from commands.build_inputs import BuildInputs  # noqa: E402
from commands.content_check import article_problems, image_problems  # noqa: E402
from commands.deploy import DeployError  # noqa: E402
from commands.deploy.config import DeployConfig, siteurl_problem  # noqa: E402
from commands.deploy.targets import Target  # noqa: E402
from commands.pelican_run import load_settings, run_pelican  # noqa: E402
from commands.prompts import ask, choose, known_categories, slugify, yaml_text  # noqa: E402

SETTINGS_DEV = ROOT / "pelicanconf.py"
SETTINGS_PROD = ROOT / "publishconf.py"
CACHE_DIR = ROOT / ".cache"
# `invoke publish` builds here, never in output/: what is checked is exactly what is sent.
PUBLISH_DIR = CACHE_DIR / "publish"
ARTICLES_DIR = ROOT / "content" / "articles"
HOST, PORT = "127.0.0.1", 8000


# --- Running Pelican ------------------------------------------------------------------------


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
    inputs = BuildInputs(ROOT, settings_file, overrides)
    previous = inputs.unchanged()
    if previous is not None:
        out_path, summary = previous
        last_build.remember(ROOT, settings_file, out_path)
        out = out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path
        print(
            f"Rien n’a changé depuis la dernière construction de {out}/ : rien à refaire. "
            "Son bilan :"
        )
        for line in summary:
            print(f"  {line}")
        return
    settings = load_settings(settings_file, overrides)
    if settings_file == SETTINGS_PROD:
        _check_siteurl(settings)
    out_path = Path(settings["OUTPUT_PATH"])
    out = out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path
    inputs.start(settings)
    try:
        counter = run_pelican(settings)
    except KeyboardInterrupt:
        raise Exit(
            f"\nInterrompu : {out}/ est incomplet. La prochaine construction le refera en entier.",
            code=130,
        ) from None
    summary = []
    listings = getattr(sys.modules.get("listings.generator"), "last_counts", None)
    if listings is not None and (listings["published"] or listings["held_back"]):
        summary.append(_listings_line(listings))
    pages = getattr(sys.modules.get("incremental"), "last_counts", None)
    if pages is not None and pages.get("restarted"):
        summary.append(
            f"La construction précédente de {out}/ ne s’était pas terminée (interrompue ?) : "
            "le dossier a été vidé et tout le site reconstruit, pour qu’il n’y reste rien de "
            "périmé."
        )
    if pages is not None:
        removed = pages.get("removed", 0)
        summary.append(
            f"Pages : {pages['rendered']} rendue(s), {pages['reused']} reprise(s) telles quelles "
            "(rien n’a changé pour elles)"
            + (
                f", {removed} retirée(s) (plus construite(s) : source supprimée ou non publiée)."
                if removed
                else "."
            )
        )
    seo_report = getattr(sys.modules.get("seo_checklist"), "last_report", None)
    if seo_report is not None:
        summary.append(seo_report.summary())
    last_build.remember(ROOT, settings_file, out_path)
    summary.append(
        f"Construction terminée dans {out}/ (date de construction {settings['BUILD_DATE']}) : "
        f"{counter.errors} erreur(s), {counter.warnings} avertissement(s)."
    )
    print("\n".join(summary))
    inputs.save(summary, clean=not (counter.errors or counter.warnings))
    if counter.errors:
        raise Exit("Des erreurs sont signalées ci-dessus : corrigez-les avant de publier.", code=1)


def _listings_line(counts: dict[str, int]) -> str:
    line = f"Annonces : {counts['published']} publiée(s)"
    if counts["listed"] != counts["published"]:
        line += f", dont {counts['listed']} dans les listes (les autres sont expirées ou closes)"
    if counts["held_back"]:
        line += f" ; {counts['held_back']} fichier(s) en erreur, non publié(s)"
    return line + "."


def _check_siteurl(settings: dict[str, Any]) -> None:
    problem = siteurl_problem(settings.get("SITEURL"))
    if problem:
        raise Exit(f"Réglages de production (publishconf.py) : {problem}", code=2)


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
        "all": "Also delete every cache under .cache/ (images, Markdown, listings, SEO…): "
        "the next build does everything again.",
    }
)
def clean(c: Context, output: str | None = None, all: bool = False) -> None:
    """Delete output/ (and Pelican's cache, if enabled); --all also deletes .cache/."""
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
    from ignored_input import editor_backup
    from livereload import Server

    from commands.build_server import BuildServer, describe

    # One build process stays up between rebuilds (commands/resident.py): an article's text
    # is rebuilt by rendering only the pages that show it. It restarts by itself when
    # plugins/ or pelicanconf.py change, so their new code takes effect.
    builder = BuildServer(ROOT)

    def rebuild() -> None:
        print(describe(builder.build()), flush=True)

    rebuild()
    server = Server()
    # All of content/, not only the suffixes a build reads: a `.txt` copy of an article or a
    # listing saved as `.json` is left out of the site, and the build that says so must run
    # when it is saved. Hidden files (editors' swap files) are not matched by the glob.
    for pattern in ("content/**/*", "theme/**/*", "plugins/**/*.py", "pelicanconf.py"):
        server.watch(
            str(ROOT / pattern),
            rebuild,
            delay=0.3,
            ignore=lambda path: editor_backup(Path(path).name),
        )
    try:
        server.serve(host=HOST, port=port, root=str(ROOT / "output"))
    finally:
        builder.close()


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
    title = (title or (ask("Titre de l’article") if interactive else "")).strip()
    if not title:
        raise Exit('Il faut un titre : invoke new-article --title "Mon titre"', code=2)
    if category is None:
        known = known_categories(ARTICLES_DIR)
        if interactive:
            print("Catégories existantes : " + (", ".join(known) or "aucune"))
        category = ask("Catégorie", known[0] if known else "") if interactive else ""
    if author is None:
        author = ask("Auteur ou autrice") if interactive else ""

    now = datetime.datetime.now().replace(second=0, microsecond=0)
    slug = slugify(title)
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
            value = ask(question)
        if not value or not value.strip():
            raise Exit(f"Il manque : {question.lower()} (option --{option}).", code=2)
        return value.strip()

    title = need(title, "Titre de l’annonce", "title")
    if kind is None and interactive:
        kind = choose("Type d’annonce", settings["LISTING_KINDS"])
    kind = need(kind, "Type d’annonce", "kind")
    if category is None and interactive:
        category = choose("Catégorie", settings["LISTING_CATEGORIES"])
    category = need(category, "Catégorie", "category")
    location = need(location, "Lieu (ville ou quartier)", "location")
    author = need(author, "Votre nom (prénom et initiale)", "author")
    if price is None and interactive and kind != "demande":
        price = ask("Prix en euros (0 = gratuit, vide = pas de prix)")
    if interactive and not (email or phone or url):
        email = ask("E-mail de contact (vide si aucun)") or None
        phone = ask("Téléphone de contact (vide si aucun)") or None
        url = ask("Page web de contact (vide si aucune)") or None
    if not (email or phone or url):
        raise Exit("Il faut au moins un contact : --email, --phone ou --url.", code=2)
    description = need(
        description, "Description en une phrase (à compléter ensuite)", "description"
    )

    today = datetime.date.today()
    lines = [
        f"title: {yaml_text(title)}",
        f"kind: {yaml_text(kind)}",
        f"category: {yaml_text(category)}",
        f"location: {yaml_text(location)}",
    ]
    if price and price.strip():
        lines.append(f"price: {price.strip().replace(',', '.')}")
    lines += [
        f"date: {today.isoformat()}",
        f"# expires: AAAA-MM-JJ  (sinon {settings['LISTING_DEFAULT_DAYS']} jours en ligne)",
        f"author: {yaml_text(author)}",
        "contact:",
        *(
            f"  {key}: {yaml_text(value)}"
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

    path = ROOT / "content" / settings["LISTING_PATH"] / f"{slugify(title)}.yaml"
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


@task(help={"content": "Folder of content to check (default: content/)."})
def check(c: Context, content: str | None = None) -> None:
    """Check every article, page and listing for mistakes, without building (exit 1 if any)."""
    from listings.validate import current_warnings, dated_ahead, load_folder, stray_files

    overrides = {"PATH": str(Path(content).resolve())} if content else {}
    settings = listing_settings(overrides)
    count, problems, warnings = article_problems(settings)
    folder = Path(settings["PATH"]) / settings["LISTING_PATH"]
    listings, listing_problems = load_folder(folder, settings) if folder.is_dir() else ([], [])
    problems += listing_problems
    problems += image_problems(settings, listings)
    # Published all the same, but the editor is told (what was removed from a description).
    warnings += stray_files(folder)
    today = datetime.date.fromisoformat(str(settings["BUILD_DATE"]))
    warnings += current_warnings(listings, today)
    warnings += dated_ahead(listings, today)
    for warning in warnings:
        print(f"ATTENTION {warning.format(ROOT)}")
    for problem in problems:
        print(problem.format(ROOT))
    if problems:
        files = len({problem.path for problem in problems})
        raise Exit(
            f"{len(problems)} problème(s) dans {files} fichier(s) : corrigez-les, puis "
            "relancez invoke check.",
            code=1,
        )
    checked = f"{count} articles et pages, {len(listings)} annonces vérifiés"
    if warnings:
        print(f"Aucune erreur : {checked} ; {len(warnings)} avertissement(s) ci-dessus.")
    else:
        print(f"Tout est correct : {checked}.")


@task(
    help={
        "output": "The built site to check (default: the last build's folder).",
        "production": "Check with publishconf.py (absolute URLs); default: as it was built.",
        "strict": "Exit with an error when the report has an error (publish uses this).",
        "pages": "How many of the worst pages the summary lists (default 10).",
    }
)
def seo(
    c: Context,
    output: str | None = None,
    production: bool = False,
    strict: bool = False,
    pages: int = 10,
) -> None:
    """Check the built site for search engines and sharing: titles, descriptions, links…"""
    from seo_checklist.engine import check_configured
    from seo_checklist.settings import configure, report_folder

    last = last_build.recall(ROOT)
    folder = Path(output or last.get("output") or ROOT / "output").resolve()
    # The last build's settings when checking its folder: a production build has SITEURL.
    if last.get("output") and Path(last["output"]).resolve() == folder:
        production = production or last.get("settings") == SETTINGS_PROD.name
    os.chdir(ROOT)
    settings = load_settings(SETTINGS_PROD if production else SETTINGS_DEV)
    settings["OUTPUT_PATH"] = str(folder)
    if not folder.is_dir():
        raise Exit(f"Aucun site construit dans {folder} : lancez d’abord invoke build.", code=2)
    try:
        configure(settings)
    except ValueError as error:
        raise Exit(f"Réglages SEO invalides : {error}", code=2) from None
    reports = report_folder(settings)
    report = check_configured(folder, settings, cache_folder=reports)
    _json_path, html_path = report.write(reports)
    print(report.to_terminal(max_pages=pages))
    print(f"Rapport détaillé (à ouvrir dans un navigateur) : {html_path}")
    if strict and report.has_errors:
        raise Exit("Le contrôle SEO a trouvé des erreurs : corrigez-les avant de publier.", code=1)


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
        "size": "tiny, small, default (1,000 articles, 2,000 listings, 24 photos) or large "
        "(5,000 + 10,000, for the memory target).",
        "articles": "Number of articles (instead of the size's).",
        "listings": "Number of listings (instead of the size's).",
        "photos": "Number of phone-size photos (instead of the size's).",
        "repeats": "Runs of each measure; the median is reported (default 3).",
        "only": "all (default), site (builds only) or thumbnails (the image bench only).",
        "json_out": "Where to write the figures (default .cache/bench/last.json).",
        "seed": "Seed of the generated site (default 2026).",
        "keep": "Keep the generated site, outputs and build logs; print their folder.",
    }
)
def bench(
    c: Context,
    size: str = "default",
    articles: int | None = None,
    listings: int | None = None,
    photos: int | None = None,
    repeats: int = 3,
    only: str = "all",
    json_out: str | None = None,
    seed: int = 2026,
    keep: bool = False,
) -> None:
    """Measure stock Pelican and our build on a generated site, and thumbnails (issue #7)."""
    from benchmarks.report import table
    from benchmarks.site_bench import JSON_OUT, options_from, run_benchmark, write_json

    def count(value: int | str | None) -> int | None:
        # invoke passes an option whose default is None as text.
        return None if value is None else int(value)

    try:
        options = options_from(
            size,
            count(articles),
            count(listings),
            count(photos),
            repeats=repeats,
            seed=seed,
            only=only,
            keep=keep,
        )
    except ValueError as error:
        raise Exit(f"invoke bench : {error}", code=2) from None
    result = run_benchmark(options, progress=print)
    path = Path(json_out) if json_out else JSON_OUT
    write_json(result, path)
    print(table(result))
    print(f"Résultats écrits dans {path}")


@task
def lint(c: Context) -> None:
    """Check the Python code with ruff (style and common mistakes)."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


# --- Publishing (commands/deploy/) ------------------------------------------------------------


def _deploy_target(settings: dict[str, Any]) -> tuple[Target, DeployConfig]:
    """The target and the checked DEPLOY setting of publishconf.py."""
    from commands.deploy.config import deploy_config
    from commands.deploy.targets import make_target

    try:
        config = deploy_config(settings, ROOT)
    except DeployError as error:
        raise Exit(f"Réglages de publication (publishconf.py) : {error}", code=2) from None
    return make_target(config, ROOT), config


_REFUSED = "Publication refusée : rien n’a été envoyé, le site en ligne n’a pas changé."


@contextlib.contextmanager
def _one_at_a_time(what: str, refused: str) -> Iterator[None]:
    """Hold the project's publish lock (commands/deploy/lock.py), or stop with `refused`."""
    from commands.deploy.lock import PublishLock

    lock = PublishLock(PUBLISH_DIR, what)
    try:
        lock.acquire()
    except DeployError as error:
        raise Exit(f"{error}\n{refused}", code=1) from None
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def _plain_deploy_errors() -> Iterator[None]:
    """What an editor reads when publishing stops outside our own checks: never a traceback.

    Known failures are DeployError, handled in commands/deploy/ where the state of the site
    is known. These two can come from anywhere in between, so they say what to check.
    """
    try:
        yield
    except KeyboardInterrupt:
        raise Exit(
            "\nInterrompu. Si l’envoi avait commencé, le site en ligne est soit l’ancien soit le "
            "nouveau, jamais un mélange : « invoke releases » montre lequel.",
            code=130,
        ) from None
    except OSError as error:
        raise Exit(
            f"Impossible de lancer un programme nécessaire à la publication ({error}). "
            "Lancez scripts/setup, qui installe git, ssh et rsync.",
            code=1,
        ) from None


@task(
    help={
        "yes": "Publish without asking for confirmation (needed when not in a terminal).",
        "dry-run": "Stop after showing what would change on the target; send nothing.",
        "build-date": "The build's 'today', as YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today).",
    }
)
def publish(
    c: Context, yes: bool = False, dry_run: bool = False, build_date: str | None = None
) -> None:
    """Build with publishconf.py, run check and the SEO gate, then go online atomically."""
    from commands.deploy.manifest import Manifest
    from commands.deploy.publish import publish as deploy_site
    from commands.deploy.releases import new_release

    os.chdir(ROOT)
    overrides = {"BUILD_DATE": build_date} if build_date else {}
    settings = load_settings(SETTINGS_PROD, overrides)
    _check_siteurl(settings)
    target, config = _deploy_target(settings)
    with _one_at_a_time("publish", _REFUSED):
        site = PUBLISH_DIR / "site"
        gates = (
            ("Vérification du contenu (invoke check)", lambda: check(c)),
            (
                "Construction du site de production (publishconf.py)",
                lambda: _build(SETTINGS_PROD, str(site), build_date),
            ),
            (
                "Contrôle SEO strict (invoke seo --production --strict)",
                lambda: seo(c, output=str(site), production=True, strict=True, pages=5),
            ),
        )
        for number, (title, gate) in enumerate(gates, start=1):
            print(f"{number}/{len(gates)} {title}…")
            try:
                gate()
            except Exit as error:
                reason = f"{error.message}\n" if error.message else ""
                raise Exit(reason + _REFUSED, code=1) from None
        try:
            manifest = Manifest.from_tree(site)
        except DeployError as error:
            raise Exit(f"{error}\n{_REFUSED}", code=1) from None
        with _plain_deploy_errors():
            deploy_site(
                target,
                site,
                lambda taken: new_release(ROOT, len(manifest.files), settings["BUILD_DATE"], taken),
                manifest,
                keep=config.keep,
                yes=yes,
                dry_run=dry_run,
                record=PUBLISH_DIR / "last.json",
            )


@task(
    help={
        "yes": "Roll back without asking for confirmation.",
        "to": "The release to put back online (see invoke releases); default: the previous one.",
    }
)
def rollback(c: Context, yes: bool = False, to: str | None = None) -> None:
    """Put the previous release back online, in one atomic switch (asks first)."""
    from commands.deploy.publish import rollback as roll_back

    os.chdir(ROOT)
    # No SITEURL check here: a rollback must work even when the settings have just broken.
    settings = load_settings(SETTINGS_PROD)
    target, _ = _deploy_target(settings)
    with _one_at_a_time("rollback", "Rien n’a changé en ligne."), _plain_deploy_errors():
        roll_back(target, to, yes, settings["TIMEZONE"])


@task
def releases(c: Context) -> None:
    """List the releases on the target, with their date and source commit; * is online."""
    from commands.deploy.publish import list_releases

    os.chdir(ROOT)
    settings = load_settings(SETTINGS_PROD)
    target, _ = _deploy_target(settings)
    with _plain_deploy_errors():
        list_releases(target, settings["TIMEZONE"])
