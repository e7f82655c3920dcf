"""Incremental builds give exactly a cold build's output, and touch only what changed.

For each kind of edit an editor makes, the project is built, edited, built again in place
(reusing every cache), and compared byte for byte with a cold build of the edited project
in a fresh copy (no .cache but the photos' renditions). Not a timing test: the benchmark
measures speed.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.support import BUILD_DATE, copy_project, run_invoke, tree_hashes

pytestmark = pytest.mark.slow


def _build(project: Path) -> str:
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
    }


def _edit_article(project: Path) -> None:
    path = project / "content" / "articles" / "2026-10-03-atelier-velo.md"
    path.write_text(path.read_text("utf-8") + "\nUn paragraphe ajouté après l’atelier.\n", "utf-8")


def _edit_listing(project: Path) -> None:
    path = project / "content" / "listings" / "velo-enfant-16-pouces.yaml"
    path.write_text(path.read_text("utf-8").replace("price: 35", "price: 30"), "utf-8")


def _edit_page(project: Path) -> None:
    # Every page shows the menu of pages (page_menu): its titles, not its pages' text.
    path = project / "content" / "pages" / "a-propos.md"
    path.write_text(path.read_text("utf-8") + "\nUne phrase ajoutée à la page.\n", "utf-8")


def _replace_photo(project: Path) -> None:
    # A listing's photo, and one an article both shows and links to in full size.
    images = project / "content" / "images"
    for path in (
        images / "annonces" / "velo-enfant.jpg",
        images / "articles" / "plan-parcelles.jpg",
    ):
        with Image.open(path) as image:
            flipped = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            flipped.save(path, quality=85)


def _edit_template(project: Path) -> None:
    path = project / "theme" / "templates" / "base.html"
    path.write_text(path.read_text("utf-8").replace("</footer>", "<!-- v2 --></footer>"), "utf-8")


def _delete_article(project: Path) -> None:
    (project / "content" / "articles" / "2026-07-11-cinema-plein-air.md").unlink()


def _move_article(project: Path) -> None:
    # Another year: another address (ARTICLE_URL has the year), another year archive.
    path = project / "content" / "articles" / "2026-10-03-atelier-velo.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("Date: 2026-10-03", "Date: 2025-10-03"), "utf-8")


def _make_draft(project: Path) -> None:
    # A published article taken back as a draft: its page moves to brouillons/.
    path = project / "content" / "articles" / "2026-07-11-cinema-plein-air.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("\nTags:", "\nStatus: draft\nTags:", 1), "utf-8")


def _rename_tag(project: Path) -> None:
    # The tag's page goes, another one comes, on every article that had it.
    for name in ("2026-02-28-premier-repair-cafe.md", "2026-10-03-atelier-velo.md"):
        path = project / "content" / "articles" / name
        lines = path.read_text("utf-8").split("\n")
        lines = [
            line.replace("vélo", "bicyclette") if line.startswith("Tags:") else line
            for line in lines
        ]
        path.write_text("\n".join(lines), "utf-8")


def _delete_event_listing(project: Path) -> None:
    # An event: its page and its own calendar file (evenement.ics) must go.
    (project / "content" / "listings" / "marche-de-noel.yaml").unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "article": _edit_article,
    "article-deleted": _delete_article,
    "article-draft": _make_draft,
    "article-moved": _move_article,
    "listing": _edit_listing,
    "listing-deleted": _delete_event_listing,
    "page": _edit_page,
    "photo": _replace_photo,
    "tag-renamed": _rename_tag,
    "template": _edit_template,
}
# Edits that change the site's shape: pages come and go, indexes shift.
RESHAPING = {"article-deleted", "article-draft", "article-moved", "listing-deleted", "tag-renamed"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, renditions: Path) -> Path:
    """The demo project, built once (its .cache is then copied for each edit)."""
    project = copy_project(
        tmp_path_factory.mktemp("incremental") / "project", renditions=renditions
    )
    _build(project)
    return project


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_incremental_build_equals_a_cold_build(
    built: Path, tmp_path: Path, renditions: Path, edit: str
) -> None:
    project = tmp_path / "warm"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    before = tree_hashes(project / "output")
    mtimes = _mtimes(project / "output")

    EDITS[edit](project)
    log = _build(project)

    # No cache but the image renditions (support.seed_renditions), unless the edit is a
    # photo's: then every rendition is encoded again, from the edited sources.
    cold = copy_project(tmp_path / "cold", renditions=None if edit == "photo" else renditions)
    shutil.rmtree(cold / "content")
    shutil.copytree(project / "content", cold / "content")
    shutil.rmtree(cold / "theme")
    shutil.copytree(project / "theme", cold / "theme")
    _build(cold)

    after = tree_hashes(project / "output")
    assert after == tree_hashes(cold / "output")
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed, "the edit changed no output file"
    # Files whose bytes did not change were not rewritten.
    for name, mtime in _mtimes(project / "output").items():
        if name in before and name not in changed:
            assert mtime == mtimes[name], name
    if edit != "template":
        # Only the pages that show the edit were rendered again: of the 80, fewer than 20
        # for a change of text (only the page itself for a page's text); fewer than half
        # when an article leaves or moves (every index page after it shifts, its
        # neighbours, its tags' and its year's pages).
        assert "Pages : " in log
        rendered = int(log.split("Pages : ", 1)[1].split(" rendue", 1)[0])
        limit = 40 if edit in RESHAPING else 2 if edit == "page" else 20
        assert 0 < rendered < limit, log
    # What a build into an empty folder would not have is gone, and the editor is told.
    gone = {name for name in set(before) - set(after) if name.endswith(".html")}
    if edit in RESHAPING:
        assert (
            gone
            and f", {len(gone)} retirée(s) (plus construite(s) : source supprimée ou non publiée)."
            in log
        ), log


def test_no_change_renders_nothing(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "again"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    mtimes = _mtimes(project / "output")
    # Nothing changed at all: Pelican does not even run.
    log = _build(project)
    assert "Rien n’a changé depuis la dernière construction de output/" in log
    assert "0 erreur(s), 0 avertissement(s)" in log
    # A production build elsewhere in between (as `invoke publish` does) keeps its own state.
    prod = run_invoke(
        "build",
        "--production",
        "--output",
        str(project / ".cache" / "publish" / "site"),
        "--build-date",
        BUILD_DATE,
        cwd=project,
    )
    assert prod.returncode == 0, prod.stdout + prod.stderr
    # A new file that no page shows: Pelican runs, and renders nothing.
    (project / "content" / "notes-du-bureau.txt").write_text("Réunion lundi.\n", "utf-8")
    log = _build(project)
    assert "Pages : 0 rendue(s)" in log
    assert _mtimes(project / "output") == mtimes


def test_a_damaged_output_is_rebuilt(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "damaged"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    page = project / "output" / "2026" / "atelier-velo" / "index.html"
    good = page.read_bytes()
    page.write_bytes(b"<p>abime</p>")
    log = _build(project)
    assert "Rien n’a changé" not in log
    assert page.read_bytes() == good


def test_a_page_rewritten_to_the_same_size_is_rebuilt(built: Path, tmp_path: Path) -> None:
    """Unchanged pages are recognised by their stat signature, which must not let a page
    changed behind the build's back through: same size, other bytes, is rendered again."""
    project = tmp_path / "same-size"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    output = project / "output"
    # A first build in this copy records the signatures of its files (the copy's inodes).
    (output / "404.html").write_bytes(b"<p>abime</p>")
    _build(project)
    state_files = list((project / ".cache" / "incremental").glob("pages-*.pickle"))
    assert len(state_files) == 1
    with state_files[0].open("rb") as handle:
        _format, _digest, variables, entries, outputs = pickle.load(handle)
    assert variables, "the templates' analysis is kept for the next build"
    page = output / "2026" / "atelier-velo" / "index.html"
    info = page.stat()
    assert "2026/atelier-velo/index.html" in entries
    assert outputs["2026/atelier-velo/index.html"] == (
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
    )

    good = page.read_bytes()
    with page.open("r+b") as handle:  # in place: same inode, same size
        handle.write(b"X" * 64)
    assert page.stat().st_size == len(good)
    _build(project)
    assert page.read_bytes() == good


def test_static_files_pelican_does_not_copy_again_stay(built: Path, tmp_path: Path) -> None:
    """With STATIC_CHECK_IF_MODIFIED, Pelican skips unchanged static files: they are still
    part of the build, not leftovers; deleting the source is what removes the copy."""
    project = tmp_path / "statics"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    settings = project / "pelicanconf.py"
    settings.write_text(settings.read_text("utf-8") + "\nSTATIC_CHECK_IF_MODIFIED = True\n")
    plan = project / "content" / "images" / "plan-du-quartier.pdf"
    plan.write_bytes(b"%PDF-1.4 plan du quartier\n")
    _build(project)
    copied = project / "output" / "images" / "plan-du-quartier.pdf"
    assert copied.read_bytes() == plan.read_bytes()

    _edit_article(project)  # Pelican runs again; the PDF, unchanged, is not copied again
    log = _build(project)
    assert copied.is_file() and "retirée(s)" not in log

    plan.unlink()
    log = _build(project)
    assert not copied.exists() and ", 1 retirée(s)" in log


# A plugin that presses Ctrl+C as soon as one page is written: the build stops half way, as
# an editor's Ctrl+C (or a crash) stops it, before the state of the output is saved.
_STOP_PLUGIN = """
import os
import signal

from pelican import signals


def _written(path, context=None):
    if path.replace(os.sep, "/").endswith("/reunion-imprevue/index.html"):
        # A shell that starts a command in the background makes it ignore SIGINT, and
        # Python then keeps it ignored: put back the handler a terminal's Ctrl+C meets.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.kill(os.getpid(), signal.SIGINT)


def register():
    signals.content_written.connect(_written)
"""


def test_a_build_stopped_half_way_leaves_nothing_stale(
    built: Path, tmp_path: Path, renditions: Path
) -> None:
    project = tmp_path / "stopped"
    shutil.copytree(built, project, copy_function=shutil.copy2)
    article = project / "content" / "articles" / "2026-11-20-reunion-imprevue.md"
    article.write_text(
        "Title: Réunion imprévue\nDate: 2026-11-20\nCategory: Vie de l’association\n"
        "Summary: Une réunion ajoutée au dernier moment.\n\nRendez-vous salle des fêtes.\n",
        "utf-8",
    )
    settings = project / "pelicanconf.py"
    kept = settings.read_text("utf-8")
    (project / "stop_plugin").mkdir()
    (project / "stop_plugin" / "stop_here.py").write_text(_STOP_PLUGIN, "utf-8")
    settings.write_text(
        kept + '\nPLUGIN_PATHS = [*PLUGIN_PATHS, "stop_plugin"]\n'
        'PLUGINS = [*PLUGINS, "stop_here"]\n',
        "utf-8",
    )
    stopped = run_invoke("build", "--build-date", BUILD_DATE, cwd=project)
    page = project / "output" / "2026" / "reunion-imprevue" / "index.html"
    assert stopped.returncode == 130 and "Construction terminée" not in stopped.stdout
    assert "Interrompu : output/ est incomplet" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert page.is_file(), "the build was not stopped after the page was written"

    # The editor takes the article back, and builds again.
    settings.write_text(kept, "utf-8")
    shutil.rmtree(project / "stop_plugin")
    article.unlink()
    log = _build(project)
    assert "ne s’était pas terminée" in log, log
    assert not page.exists()

    cold = copy_project(tmp_path / "cold", renditions=renditions)
    _build(cold)
    assert tree_hashes(project / "output") == tree_hashes(cold / "output")
    # Finished this time: the next build is incremental again.
    _edit_article(project)
    log = _build(project)
    assert "ne s’était pas terminée" not in log and "reprise(s)" in log
    reused = int(log.split(" rendue(s), ", 1)[1].split(" reprise", 1)[0])
    assert reused > 50, log
