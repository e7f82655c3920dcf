"""The resident build (livereload's): partial rebuilds give exactly a cold build's output.

A real worker process (commands/build_server.py) builds a copy of the demo, then each edit
is followed by a rebuild in that same process. What kind of rebuild it chose is checked
(an article's text: partial; anything else: full, or a restart for code), and, at the end
of each sequence, `output/` is compared byte for byte with a cold `invoke build` of the
edited project in a fresh copy. Not a timing test: `invoke bench` measures speed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from commands.build_server import BuildServer, describe
from tests.support import BUILD_DATE, copy_project, run_invoke, seed_renditions, tree_hashes

pytestmark = pytest.mark.slow

ARTICLES = Path("content") / "articles"
VELO = ARTICLES / "2026-10-03-atelier-velo.md"
CINEMA = ARTICLES / "2026-07-11-cinema-plein-air.md"


@pytest.fixture
def project(tmp_path: Path, renditions: Path) -> Path:
    return copy_project(tmp_path / "project", renditions=renditions)


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[BuildServer]:
    log = (tmp_path / "worker.log").open("w", encoding="utf-8")
    with BuildServer(project, ["--build-date", BUILD_DATE], stderr=log) as worker:
        yield worker
    log.close()


def _append(project: Path, relative: Path, text: str) -> None:
    path = project / relative
    path.write_text(path.read_text("utf-8") + f"\n{text}\n", "utf-8")


def _replace(project: Path, relative: Path, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _cold_copy(project: Path, tmp_path: Path) -> Path:
    """The edited project (content, theme, plugins) without its output and caches, but for
    the image renditions (support.seed_renditions): their keys are made of what they are
    made from, and the cold build finds the keys for itself."""
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("output", ".cache", "__pycache__"))
    seed_renditions(cold, project / ".cache" / "thumbnails" / "renditions")
    return cold


def _assert_equals_cold_build(project: Path, tmp_path: Path) -> None:
    cold = _cold_copy(project, tmp_path)
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=cold)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    warm, fresh = tree_hashes(project / "output"), tree_hashes(cold / "output")
    assert warm.keys() == fresh.keys()
    assert [name for name in warm if warm[name] != fresh[name]] == []


def _build(server: BuildServer, kind: str) -> dict:
    answer = server.build()
    assert answer["kind"] == kind, describe(answer)
    return answer


def test_article_text_edits_are_partial_and_equal_a_cold_build(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    first = _build(server, "full")
    assert first["errors"] == 0 and first["rendered"] > 50
    # `invoke seo` then checks this build, as after `invoke build`.
    record = json.loads((project / ".cache" / "last-build.json").read_text("utf-8"))
    assert record == {"settings": "pelicanconf.py", "output": str(project / "output")}

    _append(project, VELO, "Un paragraphe ajouté pendant l’aperçu.")
    second = _build(server, "partial")
    # Its page, and the lists that show its summary or text: not the whole site.
    assert 0 < second["rendered"] < first["rendered"] / 2
    assert second["errors"] == 0
    assert "Un paragraphe ajouté pendant l’aperçu." in (
        project / "output" / "2026" / "atelier-velo" / "index.html"
    ).read_text("utf-8")

    # Another article, then the first one again: each partial build continues the last.
    _append(project, CINEMA, "Une séance de rattrapage est prévue.")
    _build(server, "partial")
    _replace(project, VELO, "## Un atelier participatif", "## Un atelier ouvert à tous")
    _build(server, "partial")
    assert _build(server, "unchanged")["rendered"] == 0
    _assert_equals_cold_build(project, tmp_path)


def test_a_problem_found_in_a_partial_build_is_reported(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    _build(server, "full")
    # A link to a page that does not exist: the SEO checklist's error, as after any build.
    _append(project, VELO, "Voir [le programme](/programme-inexistant/).")
    answer = _build(server, "partial")
    assert answer["errors"] == 1
    _replace(project, VELO, "Voir [le programme](/programme-inexistant/).", "")
    assert _build(server, "partial")["errors"] == 0
    _assert_equals_cold_build(project, tmp_path)


LISTING = Path("content") / "listings" / "velo-enfant-16-pouces.yaml"
EVENT = Path("content") / "listings" / "marche-de-noel.yaml"
GARDEN = Path("content") / "listings" / "outils-de-jardin.yaml"
BASE = Path("theme") / "templates" / "base.html"
VELO_PHOTO = "Gros plan sur une roue de vélo, son pignon, sa chaîne et une clé posée au sol]"
FULL_EDITS = {
    # What other pages show of an article: its title, date, tags… change them all.
    "title": (lambda p: _replace(p, VELO, "Title: Atelier", "Title: L’atelier"), "métadonnées"),
    "date": (lambda p: _replace(p, VELO, "Date: 2026-10-03", "Date: 2025-10-03"), "métadonnées"),
    "deleted": (lambda p: (p / CINEMA).unlink(), "supprimé"),
    "template": (lambda p: _replace(p, BASE, "</footer>", "<!--v2--></footer>"), "n’est ni"),
    # What decides where a listing shows, and in what order.
    "listing date": (
        lambda p: _replace(p, LISTING, "date: 2026-11-02", "date: 2026-11-05"),
        "date",
    ),
    "listing category": (
        lambda p: _replace(p, LISTING, "category: sport", "category: enfants"),
        "category",
    ),
    "listing deleted": (lambda p: (p / LISTING).unlink(), "supprimé"),
    # Which image files are published: a partial build would leave the old renditions.
    "listing photos": (
        lambda p: _replace(p, LISTING, "photos:\n  - annonces/velo-enfant.jpg\n", ""),
        "photos",
    ),
    "article image": (lambda p: _replace(p, VELO, f"![{VELO_PHOTO}", "[Photo"), "ont changé"),
    # Whether a new link leads to a draft or to nothing is found once every file is read.
    "article link": (
        lambda p: _append(p, VELO, f"Voir [le vélo]({{filename}}/listings/{LISTING.name})."),
        "liens vers d’autres pages",
    ),
    # Raw HTML in a listing: removed, and a warning only a full build reports every time.
    "listing HTML": (
        lambda p: _replace(p, LISTING, "pneus presque neufs", "pneus <u>presque</u> neufs"),
        "signale un problème",
    ),
}


@pytest.mark.parametrize("name", sorted(FULL_EDITS))
def test_other_edits_get_a_full_build_equal_to_a_cold_build(
    project: Path, server: BuildServer, tmp_path: Path, name: str
) -> None:
    edit, reason = FULL_EDITS[name]
    _build(server, "full")
    edit(project)
    answer = _build(server, "full")
    assert reason in answer["reason"]
    assert answer["errors"] == 0
    _assert_equals_cold_build(project, tmp_path)


def test_listing_edits_are_partial_and_equal_a_cold_build(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    first = _build(server, "full")
    # Its text, price and title: shown on its page, in the lists, the JSON export.
    _replace(project, LISTING, "pneus presque neufs", "pneus neufs, changés en novembre")
    _replace(project, LISTING, "price: 35", "price: 30")
    second = _build(server, "partial")
    assert 0 < second["rendered"] < first["rendered"] / 2
    assert second["errors"] == 0
    page = project / "output" / "annonces" / "velo-enfant-16-pouces" / "index.html"
    assert "pneus neufs, changés en novembre" in page.read_text("utf-8")
    export = json.loads((project / "output" / "annonces" / "annonces.json").read_text("utf-8"))
    assert {item["slug"]: item["price"] for item in export["listings"]}[
        "velo-enfant-16-pouces"
    ] == 30
    _replace(project, LISTING, "Vélo enfant 16 pouces, très bon état", "Vélo d’enfant, 16 pouces")
    _build(server, "partial")
    # An event's place: its own calendar file and the site's calendar are written again.
    _replace(project, EVENT, "place: ", "place: Salle B, ")
    _build(server, "partial")
    # Only the pages that show a listing are rendered: its own and the lists it is in, plus
    # the list page before it (its "next page" is fingerprinted by its listings). The
    # filter chips of every list page show counts, not listings (listing_category_counts).
    _replace(project, GARDEN, "description: |\n", "description: |\n  Une phrase de plus.\n")
    answer = _build(server, "partial")
    showing = [
        page
        for page in (project / "output").rglob("*.html")
        if "/annonces/outils-de-jardin/" in page.read_text("utf-8")
    ]
    assert 0 < answer["rendered"] <= len(showing) + 1 < 10
    # An article and a listing in one save of the preview.
    _append(project, VELO, "Le vélo d’enfant du quartier y est passé.")
    _replace(project, LISTING, "sonnette et panier", "sonnette, panier")
    _build(server, "partial")
    _assert_equals_cold_build(project, tmp_path)


def test_a_page_text_edit_is_partial_and_renders_that_page_alone(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    _build(server, "full")
    # Every page shows the menu of pages, but only their titles (page_menu).
    _append(project, Path("content") / "pages" / "a-propos.md", "Une phrase sur l’association.")
    answer = _build(server, "partial")
    assert answer["rendered"] == 1
    page = project / "output" / "a-propos" / "index.html"
    assert "Une phrase sur l’association." in page.read_text("utf-8")
    _assert_equals_cold_build(project, tmp_path)


def test_a_listing_made_invalid_gets_a_full_build_that_reports_it(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    _build(server, "full")
    _replace(project, LISTING, "price: 35", "price: trente-cinq")
    answer = _build(server, "full")
    assert "signale un problème" in answer["reason"]
    assert answer["errors"] >= 1
    # Mended: it was not in the last build, so it comes back in a full one.
    _replace(project, LISTING, "price: trente-cinq", "price: 35")
    assert _build(server, "full")["errors"] == 0
    _assert_equals_cold_build(project, tmp_path)


def test_a_warning_about_an_event_now_over_does_not_stop_partial_builds(
    project: Path, tmp_path: Path
) -> None:
    # Its listing expired before the event, which is now over: no longer worth a warning,
    # nor a full build at each edit of its text (as a listing with a warning gets).
    _replace(project, EVENT, "expires: 2027-06-30", "expires: 2026-12-01")
    log = (tmp_path / "worker.log").open("w", encoding="utf-8")
    with BuildServer(project, ["--build-date", "2026-12-20"], stderr=log) as server:
        first = _build(server, "full")
        _replace(project, EVENT, "vingtaine", "trentaine")
        second = _build(server, "partial")
    log.close()
    assert (second["errors"], second["warnings"]) == (first["errors"], first["warnings"])


def test_a_problem_still_there_is_reported_by_every_build_until_it_is_mended(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    # A listing left out of the site: a partial build, which does not read it again, would
    # end with "0 erreur(s)" while it is still missing from the site.
    _replace(project, LISTING, "price: 35", "price: trente-cinq")
    first = _build(server, "full")
    assert first["errors"] >= 1
    _append(project, VELO, "Un paragraphe ajouté pendant que l’annonce est en erreur.")
    again = _build(server, "full")
    assert "signalé(s) à la construction précédente" in again["reason"]
    assert (again["errors"], again["warnings"]) == (first["errors"], first["warnings"])
    _replace(project, LISTING, "price: trente-cinq", "price: 35")
    assert _build(server, "full")["errors"] == 0
    _append(project, VELO, "Et un autre, une fois l’annonce corrigée.")
    assert _build(server, "partial")["errors"] == 0
    _assert_equals_cold_build(project, tmp_path)


def test_seo_findings_do_not_stop_partial_builds(project: Path, server: BuildServer) -> None:
    # The SEO checklist reports all its findings again after a partial build: an error, and
    # two warnings (the same description on two pages), which Pelican's loggers would drop
    # as already said if nothing made this process forget them.
    _append(project, VELO, "Voir [le programme](/programme-inexistant/).")
    copy = LISTING.with_name("velo-enfant-bis.yaml")
    text = (project / LISTING).read_text("utf-8").replace("title: Vélo", "title: Autre vélo")
    (project / copy).write_text(text, "utf-8")
    first = _build(server, "full")
    assert (first["errors"], first["warnings"]) == (1, 2)
    _append(project, CINEMA, "Une séance de rattrapage est prévue.")
    second = _build(server, "partial")
    assert (second["errors"], second["warnings"]) == (1, 2)
    _replace(project, BASE, "</footer>", "<!--v2--></footer>")
    third = _build(server, "full")
    assert (third["errors"], third["warnings"]) == (1, 2)


def test_an_unreadable_article_gets_a_full_build_that_names_the_problem(
    project: Path, server: BuildServer
) -> None:
    _build(server, "full")
    _replace(project, VELO, "Date: 2026-10-03 15:30", "Date: bientôt")
    answer = _build(server, "full")
    assert answer["errors"] >= 1
    _replace(project, VELO, "Date: bientôt", "Date: 2026-10-03 15:30")
    assert _build(server, "full")["errors"] == 0


def test_changed_plugin_code_restarts_the_worker(project: Path, server: BuildServer) -> None:
    _build(server, "full")
    _append(project, Path("plugins/sitemap/__init__.py"), "# changé")
    # BuildServer starts a fresh worker (new code) when the old one answers "restart".
    answer = _build(server, "full")
    assert answer["reason"] == ""
    _append(project, VELO, "Encore une phrase.")
    _build(server, "partial")


def test_an_editors_lock_file_does_not_spoil_a_partial_build(
    project: Path, server: BuildServer
) -> None:
    _build(server, "full")
    (project / ARTICLES / ".#2026-10-03-atelier-velo.md").write_text("verrou", "utf-8")
    _append(project, VELO, "Une phrase tapée pendant que l’éditeur tient son verrou.")
    _build(server, "partial")


def test_a_deleted_output_folder_is_built_again_in_full(project: Path, server: BuildServer) -> None:
    _build(server, "full")
    shutil.rmtree(project / "output")  # `invoke clean` while livereload runs
    answer = _build(server, "full")
    assert "a disparu" in answer["reason"]
    assert (project / "output" / "index.html").is_file()


def test_an_unknown_plugin_means_full_builds() -> None:
    from pelican import signals

    from commands.resident import _unknown_receivers

    def index_every_article(pelican: object) -> None:  # a plugin acting on whole builds
        pass

    assert _unknown_receivers() == ""
    signals.finalized.connect(index_every_article)
    try:
        assert "finalized" in _unknown_receivers()
    finally:
        signals.finalized.disconnect(index_every_article)


def test_a_summary_taken_from_the_text_follows_it_everywhere(
    project: Path, server: BuildServer, tmp_path: Path
) -> None:
    # No `Summary:`: lists, tags and the description show the first paragraph, which the
    # partial build must then render again on every page that shows it.
    new = ARTICLES / "2026-11-20-bourse-aux-jouets.md"
    (project / new).write_text(
        "Title: Bourse aux jouets de l’hiver\nDate: 2026-11-20 10:00\nCategory: Vie du quartier\n"
        "Tags: enfants, entraide\nAuthor: Jean-Baptiste Moreau\n\n"
        "Les familles du quartier échangent jouets et jeux avant les fêtes.\n\n"
        "La salle ouvre à dix heures ; chaque famille peut déposer dix jouets au plus.\n",
        "utf-8",
    )
    _build(server, "full")
    _replace(project, new, "échangent jouets et jeux", "donnent, vendent et échangent jouets")
    _build(server, "partial")
    index = (project / "output" / "index.html").read_text("utf-8")
    assert "donnent, vendent et échangent jouets" in index
    _assert_equals_cold_build(project, tmp_path)


def test_production_settings_feeds_follow_a_partial_build(project: Path, tmp_path: Path) -> None:
    # Feeds are on in production only; they hold the articles' and listings' text.
    log = (tmp_path / "worker.log").open("w", encoding="utf-8")
    arguments = ["--settings", "publishconf.py", "--build-date", BUILD_DATE]
    with BuildServer(project, arguments, stderr=log) as server:
        _build(server, "full")
        _append(project, VELO, "Une phrase que le flux doit reprendre.")
        _build(server, "partial")
        _replace(project, LISTING, "pneus presque neufs", "pneus repris par le flux")
        _build(server, "partial")
    log.close()
    feed = (project / "output" / "feeds" / "tout.atom.xml").read_text("utf-8")
    assert "Une phrase que le flux doit reprendre." in feed
    listings = (project / "output" / "feeds" / "annonces.atom.xml").read_text("utf-8")
    assert "pneus repris par le flux" in listings
    cold = _cold_copy(project, tmp_path)
    proc = run_invoke("build", "--production", "--build-date", BUILD_DATE, cwd=cold)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    warm, fresh = tree_hashes(project / "output"), tree_hashes(cold / "output")
    assert warm.keys() == fresh.keys()
    assert [name for name in warm if warm[name] != fresh[name]] == []


def test_invalid_settings_are_said_in_plain_words_and_the_worker_goes_on(
    project: Path, tmp_path: Path
) -> None:
    log = (tmp_path / "worker.log").open("w", encoding="utf-8")
    with BuildServer(project, ["--build-date", "demain"], stderr=log) as server:
        answer = server.build()
        assert answer["kind"] == "failed"
        assert "BUILD_DATE" in answer["reason"] and "AAAA-MM-JJ" in answer["reason"]
        assert describe(answer).startswith("Construction impossible : BUILD_DATE")
        assert server.build()["kind"] == "failed"  # still up, still saying why
    log.close()
