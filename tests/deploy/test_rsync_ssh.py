"""Publishing over SSH to a real OpenSSH server, while a real nginx serves the live site."""

from __future__ import annotations

import hashlib
import http.client
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.deploy.servers import SshServer
from tests.deploy.support import (
    ARTICLE,
    ARTICLE_URL,
    OTHER_ARTICLE,
    OTHER_URL,
    commit_all,
    edit_article,
    pages_listing,
    publish,
    published,
    staged_site,
)
from tests.support import run_invoke, tree_hashes

pytestmark = pytest.mark.deploy
Remote = tuple[Path, dict[str, str]]


@pytest.fixture
def remote(sshd: SshServer, tmp_path: Path) -> Remote:
    """The site's folder on the SSH server, and the environment that publishes there."""
    target = tmp_path / "serveur" / "site"
    return target, sshd.deploy_env(target)


def url_of(path: str) -> str:
    """The address a visitor uses for a file of the site (`x/index.html` is `/x/`)."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path.removesuffix("index.html")
    return "/" + quote(path)


class Visitor(threading.Thread):
    """Requests every page of the site in a loop and keeps (path, status, sha256 of body)."""

    def __init__(self, base: str, paths: list[str]) -> None:
        super().__init__(daemon=True)
        self.address = urlsplit(base)
        self.paths = paths
        self.seen: list[tuple[str, int, str]] = []
        self.done = threading.Event()

    def run(self) -> None:
        connection = None
        while not self.done.is_set():
            for path in self.paths:
                for _attempt in range(3):
                    try:
                        if connection is None:
                            connection = http.client.HTTPConnection(
                                self.address.hostname, self.address.port, timeout=10
                            )
                        connection.request("GET", url_of(path))
                        response = connection.getresponse()
                        body = response.read()
                        break
                    except (http.client.HTTPException, OSError):
                        # nginx closes a kept-alive connection now and then: open another.
                        connection = None
                else:
                    raise AssertionError(f"no answer for {path}")
                self.seen.append((path, response.status, hashlib.sha256(body).hexdigest()))

    def wait_for(self, path: str, digest: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while (path, 200, digest) not in self.seen[-3 * len(self.paths) :]:
            assert time.monotonic() < deadline, f"{path} never served as {digest}"
            time.sleep(0.05)


def test_publish_update_rollback_publish_while_nginx_serves(
    project: Path, remote: Remote, nginx
) -> None:
    target, env = remote
    article_page = ARTICLE_URL.strip("/") + "/index.html"

    first = published(project, env)
    live1 = tree_hashes(target / "current")
    assert live1 == tree_hashes(staged_site(project))
    assert len(first["sent"]) == len(live1)  # type: ignore[arg-type]
    release1 = target / "releases" / str(first["release"])

    visitor = Visitor(nginx(target / "current"), sorted(live1))
    visitor.start()
    try:
        edit_article(project, ARTICLE, "Nouveaux horaires cet hiver.")
        commit_all(project, "Atelier vélo : nouveaux horaires")
        second = published(project, env)
        live2 = tree_hashes(target / "current")
        visitor.wait_for(article_page, live2[article_page])
        rolled_back = run_invoke("rollback", "--yes", cwd=project, env=env)
        assert rolled_back.returncode == 0, rolled_back.stdout + rolled_back.stderr
        assert f"la publication {first['release']} est de nouveau en ligne" in rolled_back.stdout
        visitor.wait_for(article_page, live1[article_page])
    finally:
        visitor.done.set()
        visitor.join(timeout=30)

    # Visitors only ever got whole pages of one release or the other: no 404, no mix.
    assert sorted(live2) == sorted(live1)
    assert len(visitor.seen) > 2 * len(live1)
    wrong = [
        (path, status)
        for path, status, digest in visitor.seen
        if status != 200 or digest not in (live1[path], live2[path])
    ]
    assert wrong == []
    assert tree_hashes(target / "current") == live1

    # Only the article and the pages that list it were sent; the rest are hard links.
    sent = set(second["sent"])  # type: ignore[arg-type]
    assert sent == set(second["changed"]) and not second["added"] and not second["removed"]
    assert article_page in sent
    assert sent <= pages_listing(staged_site(project), ARTICLE_URL) | {article_page}
    assert len(sent) < len(live1) / 10
    release2 = target / "releases" / str(second["release"])
    for path in set(live2) - sent:
        assert (release2 / path).stat().st_ino == (release1 / path).stat().st_ino, path
    print(f"second publication sent {len(sent)} of {len(live2)} files: {sorted(sent)}")

    edit_article(project, OTHER_ARTICLE, "Rendez-vous l’an prochain.")
    commit_all(project, "Fête des voisins : rendez-vous")
    third = published(project, env)
    assert tree_hashes(target / "current") == tree_hashes(staged_site(project))
    sent3 = set(third["sent"])  # type: ignore[arg-type]
    other_page = OTHER_URL.strip("/") + "/index.html"
    # The first edit is already on the target (release 2, now offline): not sent again.
    assert other_page in sent3 and article_page not in sent3
    assert article_page in third["changed"]  # type: ignore[operator]

    listing = run_invoke("releases", cwd=project, env=env)
    assert listing.returncode == 0, listing.stderr
    names = [str(r["release"]) for r in (first, second, third)]
    assert [name for name in names if name in listing.stdout] == names
    assert listing.stdout.index(names[0]) < listing.stdout.index(names[1])
    live_line = next(line for line in listing.stdout.splitlines() if "← en ligne" in line)
    assert names[2] in live_line and live_line.startswith("*")
    head = subprocess.run(
        ["git", "-C", str(project), "rev-parse", "--short=7", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert f"source {head}" in live_line


def test_a_cut_connection_leaves_the_live_site_as_it_was(
    project: Path, remote: Remote, sshd: SshServer
) -> None:
    target, env = remote
    first = published(project, env)
    before = tree_hashes(target / "current")
    link = (target / "current").readlink()

    # Another build date changes every page; a slow line gives time to cut it mid-upload.
    slow = {**env, "BABILLARD_DEPLOY_RSYNC_OPTIONS": "--bwlimit=40"}
    command = [sys.executable, "-m", "invoke", "publish", "--yes", "--build-date", "2026-11-24"]
    upload = subprocess.Popen(
        command, cwd=project, env=slow, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    releases = target / "releases"
    deadline = time.monotonic() + 60
    # Wait until bytes arrive: a file of the upload that is not a hard link to release 1.
    while not any(
        path.is_file() and path.stat().st_nlink == 1
        for partial in releases.glob(".partial-*/")
        for path in partial.rglob("*")
    ):
        assert upload.poll() is None, upload.communicate()
        assert time.monotonic() < deadline, "the upload never started"
        time.sleep(0.02)
    assert sshd.cut_connections() > 0
    stdout, stderr = upload.communicate(timeout=60)

    assert upload.returncode == 1, stdout + stderr
    assert "La publication a échoué pendant l’envoi" in stderr
    live = f"Le site en ligne n’a pas changé : c’est toujours la publication {first['release']}"
    assert live in stderr
    assert "Traceback" not in stderr
    assert (target / "current").readlink() == link
    assert tree_hashes(target / "current") == before
    assert list(releases.glob(".partial-*/")), "the interrupted upload should be left over"

    again = publish(project, env, build_date="2026-11-24")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Restes d’une publication interrompue supprimés" in again.stdout
    assert list(releases.glob(".partial-*")) == []
    assert tree_hashes(target / "current") == tree_hashes(staged_site(project))
    assert tree_hashes(target / "current") != before


def test_a_content_error_is_refused_before_anything_is_sent(project: Path, remote: Remote) -> None:
    target, env = remote
    bad = project / "content" / "articles" / "2026-11-20-sans-titre.md"
    bad.write_text("Date: 2026-11-20\n\nUn article sans titre.\n", encoding="utf-8")
    proc = publish(project, env)
    assert proc.returncode == 1
    log = proc.stdout + proc.stderr
    assert "content/articles/2026-11-20-sans-titre.md:1 : il manque le titre" in log
    assert "Publication refusée : rien n’a été envoyé, le site en ligne n’a pas changé." in log
    assert "Traceback" not in log
    assert not target.exists()


def test_an_seo_error_is_refused_before_anything_is_sent(project: Path, remote: Remote) -> None:
    target, env = remote
    first = published(project, env)
    article = project / ARTICLE
    article.write_text(
        article.read_text(encoding="utf-8") + "\nVoir [le programme](/programme-perdu/).\n",
        encoding="utf-8",
    )
    proc = publish(project, env)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 1, log
    assert "/2026/atelier-velo/: [link-broken]" in log
    assert "Publication refusée : rien n’a été envoyé" in log
    assert sorted(path.name for path in (target / "releases").iterdir()) == [
        f"{first['release']}{suffix}" for suffix in ("", ".json", ".sha256")
    ]


def test_without_a_terminal_publish_asks_for_yes_and_sends_nothing(
    project: Path, remote: Remote
) -> None:
    target, env = remote
    dry = run_invoke("publish", "--dry-run", cwd=project, env=env)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "Changements : " in dry.stdout and "fichier(s) ajouté(s)" in dry.stdout
    assert "Essai à blanc (--dry-run) : rien n’a été envoyé." in dry.stdout
    asked = run_invoke("publish", cwd=project, env=env, stdin="o\n")
    assert asked.returncode == 1
    assert "relancez avec --yes" in asked.stderr
    assert not (target / "current").exists()
