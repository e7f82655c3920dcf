"""Helpers for the deploy tests: a project to publish from, edits, and what a target holds."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support import BUILD_DATE, run_invoke, tree_hashes

ARTICLE = "content/articles/2026-10-03-atelier-velo.md"
ARTICLE_URL = "/2026/atelier-velo/"
OTHER_ARTICLE = "content/articles/2026-06-06-fete-des-voisins.md"
OTHER_URL = "/2026/fete-des-voisins/"
GIT_IDENTITY = ["-c", "user.name=Claire Martin", "-c", "user.email=claire@example.org"]


def git(project: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(project), *GIT_IDENTITY, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def commit_all(project: Path, message: str) -> str:
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", message)
    return git(project, "rev-parse", "HEAD")


def publish(
    project: Path, env: dict[str, str], *args: str, build_date: str = BUILD_DATE
) -> subprocess.CompletedProcess[str]:
    """`invoke publish --yes` in `project`, as an editor runs it."""
    return run_invoke("publish", "--yes", "--build-date", build_date, *args, cwd=project, env=env)


def published(project: Path, env: dict[str, str], *args: str) -> dict[str, Any]:
    """Publish, insist that it worked, and return what it sent (`.cache/publish/last.json`)."""
    proc = publish(project, env, *args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads((project / ".cache" / "publish" / "last.json").read_text())


def staged_site(project: Path) -> Path:
    """The production build `invoke publish` checked and sent last."""
    return project / ".cache" / "publish" / "site"


def edit_article(project: Path, relative: str, words: str) -> None:
    """Change an article's summary and add a paragraph: its page and its lists change."""
    path = project / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"{line} {words}" if line.startswith("Summary:") else line for line in lines]
    lines += ["", f"Mise à jour : {words}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def pages_listing(site: Path, url: str) -> set[str]:
    """The files of a built site that link to `url` (the article page, lists, feeds…)."""
    return {
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in (".html", ".xml", ".json", ".ics")
        and url in path.read_text(encoding="utf-8", errors="replace")
    }


def git_tree_hashes(bare: Path, ref: str) -> dict[str, str]:
    """sha256 of every file of `ref`'s tree in the repository `bare`."""
    archive = subprocess.run(
        ["git", f"--git-dir={bare}", "archive", "--format=tar", ref],
        capture_output=True,
        check=True,
    ).stdout
    hashes = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile():
                data = tar.extractfile(member)
                assert data is not None
                hashes[member.name] = hashlib.sha256(data.read()).hexdigest()
    return hashes


def page_of(url: str) -> str:
    return url.strip("/") + "/index.html"


def publish_update_rollback_publish(
    project: Path,
    env: dict[str, str],
    live: Callable[[], dict[str, str]],
    switched: Callable[[str, str], None] = lambda path, digest: None,
) -> list[dict[str, Any]]:
    """The acceptance scenario on any target: publish, publish one changed article, roll back,
    publish another change. `live()` reads the files visitors get from the target;
    `switched(path, digest)` is told what a page should now be served as. Returns what each
    publication sent."""
    first = published(project, env)
    live1 = live()
    assert live1 == tree_hashes(staged_site(project))
    assert sorted(first["sent"]) == sorted(live1)

    edit_article(project, ARTICLE, "Nouveaux horaires cet hiver.")
    commit_all(project, "Atelier vélo : nouveaux horaires")
    second = published(project, env)
    live2 = live()
    assert live2 == tree_hashes(staged_site(project))
    switched(page_of(ARTICLE_URL), live2[page_of(ARTICLE_URL)])
    # Only the article and the pages that list it (lists, feeds) were sent.
    sent = set(second["sent"])
    assert sent == set(second["changed"]) and not second["added"] and not second["removed"]
    assert page_of(ARTICLE_URL) in sent
    assert sent <= pages_listing(staged_site(project), ARTICLE_URL) | {page_of(ARTICLE_URL)}
    assert len(sent) < len(live2) / 10

    rolled_back = run_invoke("rollback", "--yes", cwd=project, env=env)
    assert rolled_back.returncode == 0, rolled_back.stdout + rolled_back.stderr
    assert f"la publication {first['release']} est de nouveau en ligne" in rolled_back.stdout
    assert live() == live1
    switched(page_of(ARTICLE_URL), live1[page_of(ARTICLE_URL)])

    edit_article(project, OTHER_ARTICLE, "Rendez-vous l’an prochain.")
    commit_all(project, "Fête des voisins : rendez-vous")
    third = published(project, env)
    assert live() == tree_hashes(staged_site(project))
    assert page_of(OTHER_URL) in third["sent"]
    assert page_of(ARTICLE_URL) in third["changed"]  # back online after the rollback

    listing = run_invoke("releases", cwd=project, env=env)
    assert listing.returncode == 0, listing.stdout + listing.stderr
    names = [str(record["release"]) for record in (first, second, third)]
    assert sorted(names) == names
    assert [listing.stdout.index(name) for name in names] == sorted(
        listing.stdout.index(name) for name in names
    )
    live_line = next(line for line in listing.stdout.splitlines() if "← en ligne" in line)
    assert live_line.startswith("* " + names[2])
    assert f"source {git(project, 'rev-parse', '--short=7', 'HEAD')}" in live_line
    return [first, second, third]
