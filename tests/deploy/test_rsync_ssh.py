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
    page_of,
    publish,
    publish_update_rollback_publish,
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
    """Requests every file of the live site in a loop, keeping (path, status, sha256 of body).

    It starts once `current` exists on the target, and asks for the files it holds then
    (every release of the scenario has the same files)."""

    def __init__(self, base: str, live: Path) -> None:
        super().__init__(daemon=True)
        self.address = urlsplit(base)
        self.live = live
        self.seen: list[tuple[str, int, str]] = []
        self.done = threading.Event()

    def get(self, connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
        connection.request("GET", url_of(path))
        response = connection.getresponse()
        return response.status, response.read()

    def run(self) -> None:
        while not self.live.exists() and not self.done.wait(0.02):
            pass
        paths = sorted(tree_hashes(self.live))
        connection = http.client.HTTPConnection(self.address.hostname, self.address.port)
        while not self.done.is_set():
            for path in paths:
                try:
                    status, body = self.get(connection, path)
                except (http.client.HTTPException, OSError):
                    # nginx closes a kept-alive connection now and then: open another.
                    connection.close()
                    status, body = self.get(connection, path)
                self.seen.append((path, status, hashlib.sha256(body).hexdigest()))

    def wait_for(self, path: str, digest: str, timeout: float = 20) -> None:
        """Wait until the page has been served as `digest` (the switch reached visitors)."""
        deadline = time.monotonic() + timeout
        while (path, 200, digest) not in self.seen[-1000:]:
            assert self.is_alive(), "the visitor stopped"
            assert time.monotonic() < deadline, f"{path} never served as {digest}"
            time.sleep(0.05)


def test_publish_update_rollback_publish_while_nginx_serves(
    project: Path, remote: Remote, nginx
) -> None:
    target, env = remote
    visitor = Visitor(nginx(target / "current"), target / "current")
    visitor.start()
    try:
        records = publish_update_rollback_publish(
            project, env, lambda: tree_hashes(target / "current"), visitor.wait_for
        )
    finally:
        visitor.done.set()
        visitor.join(timeout=30)

    # Visitors only ever got whole files of one release or another: no 404, no mix.
    releases = {
        name: tree_hashes(target / "releases" / name)
        for name in (str(record["release"]) for record in records)
    }
    trees = list(releases.values())
    assert all(tree.keys() == trees[0].keys() for tree in trees)
    served = {path: {tree[path] for tree in trees} for path in trees[0]}
    wrong = [(path, status) for path, status, digest in visitor.seen if digest not in served[path]]
    assert wrong == [] and {status for _path, status, _digest in visitor.seen} == {200}
    assert len(visitor.seen) > 2 * len(served)
    print(f"{len(visitor.seen)} requests served during the publications and the rollback")

    # Unsent files are hard links to the same file of the previous release, on the target.
    first, second = (target / "releases" / str(record["release"]) for record in records[:2])
    for path in set(releases[second.name]) - set(records[1]["sent"]):
        assert (second / path).stat().st_ino == (first / path).stat().st_ino, path
    sent, total = len(records[1]["sent"]), len(releases[second.name])
    print(f"second publication: {sent} of {total} files, {records[1]['bytes_sent']} bytes sent")
    # The third publication is compared with the live release (the first, after the rollback)
    # but the article changed in the second was not sent again: it is linked from there.
    assert page_of(ARTICLE_URL) not in records[2]["sent"]


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


@pytest.mark.parametrize(
    ("on_build", "refusal"),
    [
        # The SEO plugin checks every build: the production build itself fails.
        (True, "Des erreurs sont signalées ci-dessus"),
        # With that switched off, `invoke seo --strict` still stands before the upload.
        (False, "Le contrôle SEO a trouvé des erreurs"),
    ],
)
def test_an_seo_error_is_refused_before_anything_is_sent(
    project: Path, remote: Remote, on_build: bool, refusal: str
) -> None:
    target, env = remote
    with (project / "publishconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nSEO_RUN_ON_BUILD = {on_build}\n")
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
    assert refusal in log
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
