"""DEPLOY and SITEURL are checked, and the messages say which variable to set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commands.deploy import DeployError
from commands.deploy.config import deploy_config, siteurl_problem
from tests.support import run_invoke

pytestmark = pytest.mark.deploy


def config(tmp_path: Path, **deploy: object):
    return deploy_config({"DEPLOY": deploy}, tmp_path)


@pytest.mark.parametrize(
    ("deploy", "expected"),
    [
        ({"target": "rsync", "path": "/srv/site"}, "export BABILLARD_DEPLOY_HOST="),
        ({"target": "rsync", "host": "asso@serveur"}, "export BABILLARD_DEPLOY_PATH="),
        ({"target": "local"}, "export BABILLARD_DEPLOY_PATH=/srv/les-tilleuls"),
        ({"target": "git"}, "export BABILLARD_DEPLOY_REMOTE="),
        ({"target": "ftp"}, "choisissez rsync, local ou git (variable BABILLARD_DEPLOY_TARGET)"),
        ({"target": "local", "path": "/srv/x", "kepp": 3}, "Vouliez-vous dire « keep » ?"),
        ({"target": "local", "path": "/srv/x", "keep": 1}, "2 au moins"),
        ({"target": "git", "remote": "x", "branch": "-f"}, "BABILLARD_DEPLOY_BRANCH"),
        ({"target": "rsync", "host": "-oProxyCommand=x", "path": "/x"}, "tiret"),
        ({"target": "local", "path": "/x", "ssh_options": "-i 'clé"}, "guillemets"),
        ({"target": "rsync", "host": "asso@serveur", "path": "~/www"}, "sans ~"),
    ],
)
def test_a_bad_deploy_setting_says_what_to_set(
    tmp_path: Path, deploy: dict[str, object], expected: str
) -> None:
    with pytest.raises(DeployError) as error:
        config(tmp_path, **deploy)
    assert expected in str(error.value)


def test_a_good_deploy_setting(tmp_path: Path) -> None:
    rsync = config(
        tmp_path,
        target="rsync",
        host="asso@serveur",
        path="www/site",
        ssh_options="-p 2222 -i '/home/claire/ma clé'",
        rsync_options="",
    )
    assert rsync.ssh_options == ["-p", "2222", "-i", "/home/claire/ma clé"]
    assert rsync.path == "www/site" and rsync.keep == 5
    # A local folder is taken from the project, whatever the current folder.
    assert config(tmp_path, target="local", path="www").path == str(tmp_path / "www")


def test_a_local_target_stays_local_when_a_host_is_left_in_the_environment(
    tmp_path: Path,
) -> None:
    from commands.deploy.release_dir import ReleaseDirTarget
    from commands.deploy.shells import LocalShell

    local = config(tmp_path, target="local", host="asso@serveur", path="www")
    assert local.host == ""
    target = ReleaseDirTarget(local)
    assert isinstance(target.shell, LocalShell) and target.label == str(tmp_path / "www")


@pytest.mark.parametrize(
    "siteurl",
    [
        "https://les-tilleuls.example.org",
        "http://asso.example.org:8080",
        "https://mon-asso.github.io/site",
        "https://fête-des-tilleuls.fr",
        "http://localhost",
    ],
)
def test_good_production_addresses(siteurl: str) -> None:
    assert siteurl_problem(siteurl) is None


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("", "SITEURL est vide"),
        (None, "SITEURL est vide"),
        ("les-tilleuls.example.org", "ne commence pas par https://"),
        ("ftp://les-tilleuls.example.org", "ne commence pas par https://"),
        ("https://les-tilleuls.example.org/", "se termine par /"),
        ("https://les tilleuls.example.org", "contient des espaces"),
        ("https://les-tilleuls", "n’a pas un nom de domaine valide"),
        ("https://les_tilleuls.example.org", "n’a pas un nom de domaine valide"),
        ("https://les-tilleuls.example.org:99999", "n’a pas un nom de domaine valide"),
        ("https://example.org/?page=1", "contient ?, #, @"),
        ("https://claire@example.org", "contient ?, #, @"),
    ],
)
def test_bad_production_addresses_are_explained(siteurl: object, expected: str) -> None:
    problem = siteurl_problem(siteurl)
    assert problem is not None and expected in problem
    assert "BABILLARD_SITEURL" in problem


def test_a_production_build_refuses_a_bad_siteurl_and_leaves_drafts_out(
    project: Path, tmp_path: Path
) -> None:
    bad = {**os.environ, "BABILLARD_SITEURL": "les-tilleuls.example.org"}
    out = tmp_path / "out"
    refused = run_invoke("build", "--production", "--output", str(out), cwd=project, env=bad)
    assert refused.returncode == 2
    assert "SITEURL = 'les-tilleuls.example.org' ne commence pas par https://" in refused.stderr
    assert "Traceback" not in refused.stderr and not out.exists()

    draft = project / "content" / "articles" / "2026-11-20-brouillon.md"
    draft.write_text(
        "Title: Un brouillon à ne pas publier\nStatus: draft\nSummary: Pas encore.\n\nTexte.\n",
        encoding="utf-8",
    )
    built = run_invoke("build", "--production", "--output", str(out), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (out / "brouillons").exists()
    assert "brouillon" not in "".join(str(path) for path in out.rglob("*"))
    feed = (out / "feeds" / "tout.atom.xml").read_text(encoding="utf-8")
    assert "https://les-tilleuls.example.org/2026/" in feed
