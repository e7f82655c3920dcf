"""Publishing to a branch of a git remote (GitHub or GitLab Pages), here a bare repository."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from tests.deploy.support import (
    ARTICLE,
    OTHER_ARTICLE,
    edit_article,
    git,
    git_tree_hashes,
    publish,
    publish_update_rollback_publish,
    published,
    staged_site,
)
from tests.support import tree_hashes

pytestmark = pytest.mark.deploy


@pytest.fixture
def remote(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A bare repository standing for GitHub, and the environment that publishes to it."""
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(bare)], check=True)
    env = {**os.environ, "BABILLARD_DEPLOY_TARGET": "git", "BABILLARD_DEPLOY_REMOTE": str(bare)}
    return bare, env


def branch_files(bare: Path) -> dict[str, str]:
    """What Pages would serve: the branch's files, without GitHub's .nojekyll marker."""
    files = git_tree_hashes(bare, "gh-pages")
    assert files.pop(".nojekyll") == hashlib.sha256(b"").hexdigest()
    return files


def history(bare: Path) -> list[str]:
    return subprocess.run(
        ["git", f"--git-dir={bare}", "rev-list", "--first-parent", "gh-pages"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def test_publish_update_rollback_publish_to_a_git_branch(
    project: Path, remote: tuple[Path, dict[str, str]]
) -> None:
    bare, env = remote
    refs = git(project, "for-each-ref", "--format=%(refname)")
    records = publish_update_rollback_publish(project, env, lambda: branch_files(bare))
    # Four commits one after the other: three publications and the rollback, never a force.
    commits = history(bare)
    assert len(commits) == 4
    message = subprocess.run(
        ["git", f"--git-dir={bare}", "log", "-1", "--format=%B", commits[1]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Retour à la publication {records[0]['release']}" in message
    # The user's own repository got no branch and no change (the commits are the test's).
    assert git(project, "for-each-ref", "--format=%(refname)") == refs
    assert git(project, "status", "--porcelain") == ""
    assert git(project, "log", "-1", "--format=%s") == "Fête des voisins : rendez-vous"


def test_a_refused_push_leaves_the_branch_and_a_custom_domain_is_kept(
    project: Path, remote: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bare, env = remote
    published(project, env)
    # The host adds CNAME when a custom domain is set in its settings.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "-b", "gh-pages", str(bare), str(clone)], check=True)
    (clone / "CNAME").write_text("les-tilleuls.example.org\n")
    git(clone, "add", "CNAME")
    git(clone, "commit", "--quiet", "-m", "Create CNAME")
    git(clone, "push", "--quiet", "origin", "gh-pages")
    before = history(bare)[0]

    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'quota exceeded' >&2\nexit 1\n")
    hook.chmod(0o755)
    edit_article(project, ARTICLE, "Nouveaux horaires cet hiver.")
    refused = publish(project, env)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "La publication a échoué pendant la mise en ligne" in refused.stderr
    assert "quota exceeded" in refused.stderr
    assert "Le site en ligne n’a pas changé" in refused.stderr
    assert history(bare)[0] == before

    hook.unlink()
    edit_article(project, OTHER_ARTICLE, "Rendez-vous l’an prochain.")
    published(project, env)
    files = git_tree_hashes(bare, "gh-pages")
    assert files.pop("CNAME") and files.pop(".nojekyll")
    assert files == tree_hashes(staged_site(project))


def test_what_the_branch_holds_beside_the_site(tmp_path: Path) -> None:
    import hashlib

    from commands.deploy.config import deploy_config
    from commands.deploy.git_branch import CNAME, NOJEKYLL, GitBranchTarget
    from commands.deploy.manifest import Manifest
    from commands.deploy.targets import TargetState

    config = deploy_config({"DEPLOY": {"target": "git", "remote": "x.git"}}, tmp_path)
    target = GitBranchTarget(config, tmp_path / "cache")
    empty = hashlib.sha256(b"").hexdigest()
    site = {"index.html": "a" * 64}
    live = TargetState(live_manifest=Manifest({**site, NOJEKYLL: empty, CNAME: "c" * 64}))
    # The branch's own CNAME is kept: publishing the same site again changes nothing.
    assert not target.holds(Manifest(site), live).diff(live.live_manifest)
    # A site that brings its own CNAME: the same, and a new domain is one changed file.
    assert not target.holds(Manifest({**site, CNAME: "c" * 64}), live).diff(live.live_manifest)
    moved = target.holds(Manifest({**site, CNAME: "d" * 64}), live).diff(live.live_manifest)
    assert moved.changed == [CNAME] and not moved.added and not moved.removed
    # A first publication adds .nojekyll.
    assert target.holds(Manifest(site), TargetState()).diff(Manifest({})).added == sorted(
        [NOJEKYLL, "index.html"]
    )
