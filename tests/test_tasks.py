"""The invoke tasks editors run: documented, and doing what they say."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from tests.support import CONTENT, build_site, copy_project, read_metadata, run_invoke

EDITORS_TASKS = {
    "build",
    "serve",
    "livereload",
    "new-article",
    "new-listing",
    "check",
    "seo",
    "publish",
    "rollback",
    "releases",
}
MAINTAINERS_TASKS = {"rebuild", "clean", "lint", "schema", "bench"}


def test_invoke_list_reads_as_a_manual() -> None:
    proc = run_invoke("--list", "--list-format=json")
    assert proc.returncode == 0, proc.stderr
    described = {t["name"]: t["help"] for t in json.loads(proc.stdout)["tasks"]}
    assert set(described) == EDITORS_TASKS | MAINTAINERS_TASKS
    # tasks.py's docstring, the maintainers' first page, names each under its readers.
    import tasks

    lines = (tasks.__doc__ or "").split("Maintainers also:")
    assert len(lines) == 2
    named = [{name.strip(" .\n") for name in part.split(":")[-1].split(",")} for part in lines]
    assert named == [EDITORS_TASKS, MAINTAINERS_TASKS]
    undocumented = [name for name, help_text in described.items() if not help_text]
    assert undocumented == []
    # One line each: the first line of the docstring is the whole of it.
    assert all("\n" not in help_text for help_text in described.values())


def _content_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def test_new_article_writes_a_draft_that_builds(tmp_path: Path) -> None:
    # The task writes into the project's content/; run it on a copy of the project.
    project = tmp_path / "project"
    copy_project(project)
    proc = run_invoke(
        "new-article",
        "--title",
        "Fête des voisins : on compte sur vous !",
        "--category",
        "Vie du quartier",
        "--author",
        "Claire Martin",
        cwd=project,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    today = datetime.date.today().isoformat()
    path = project / "content" / "articles" / f"{today}-fete-des-voisins-on-compte-sur-vous.md"
    assert path.is_file(), proc.stdout
    meta = read_metadata(path)
    assert meta["title"] == "Fête des voisins : on compte sur vous !"
    assert meta["date"].startswith(today)
    assert meta["category"] == "Vie du quartier"
    assert meta["author"] == "Claire Martin"
    assert meta["status"] == "draft"

    again = run_invoke(
        "new-article", "--title", "Fête des voisins : on compte sur vous !", cwd=project
    )
    assert again.returncode == 1
    assert "existe déjà" in again.stdout + again.stderr

    result = build_site(tmp_path / "out", content=project / "content")
    assert result.returncode == 0, result.log
    draft = tmp_path / "out" / "brouillons" / "fete-des-voisins-on-compte-sur-vous" / "index.html"
    assert draft.is_file()
    # Pelican's closing line, in French, counts the draft apart from what goes online.
    assert "Done: Processed" not in result.log
    articles = len(list((project / "content" / "articles").glob("*.md"))) - 1
    said = f"Contenu : {articles} article(s) et "
    assert said in result.stdout, result.stdout
    assert "; 1 brouillon(s) d’article (aperçu seulement, jamais mis en ligne) ;" in result.stdout
    assert "fete-des-voisins" not in (tmp_path / "out" / "index.html").read_text()


def test_new_article_without_a_title_asks_for_one(tmp_path: Path) -> None:
    proc = run_invoke("new-article", stdin="")
    assert proc.returncode == 2
    assert "Il faut un titre" in proc.stdout + proc.stderr


def test_rebuild_starts_from_scratch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old-page.html").write_text("stale")
    result = build_site(out, task="rebuild")
    assert result.returncode == 0, result.log
    assert (out / "index.html").is_file()
    # With an explicit --output, rebuild empties that folder too.
    assert not (out / "old-page.html").exists()


def test_a_broken_article_is_reported_and_the_rest_builds(tmp_path: Path) -> None:
    content = _content_copy(tmp_path)
    (content / "articles" / "2026-05-05-casse.md").write_text(
        "Title: Un article cassé\nDate: 2026-13-45\n\nTexte.\n", encoding="utf-8"
    )
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 1
    # The file, the line, what is wrong and the fix (Pelican's own: "Could not process").
    said = "articles/2026-05-05-casse.md:2 : « Date » : « 2026-13-45 » n’est pas une date"
    assert said in result.log and "→ écrivez AAAA-MM-JJ" in result.log, result.log
    assert "Traceback" not in result.log
    assert (tmp_path / "out" / "index.html").is_file()
