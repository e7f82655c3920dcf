"""Publishing to a folder of this machine (the association's own server)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from subprocess import STDOUT

import pytest

from tests.deploy.support import publish_update_rollback_publish
from tests.support import BUILD_DATE, run_invoke, tree_hashes

pytestmark = pytest.mark.deploy


def test_publish_update_rollback_publish_to_a_local_folder(project: Path, tmp_path: Path) -> None:
    www = tmp_path / "var" / "www" / "tilleuls"
    env = {**os.environ, "BABILLARD_DEPLOY_TARGET": "local", "BABILLARD_DEPLOY_PATH": str(www)}
    records = publish_update_rollback_publish(project, env, lambda: tree_hashes(www / "current"))
    assert (www / "current").readlink() == Path("releases") / records[2]["release"]
    assert sorted(path.name for path in (www / "releases").glob("*.json")) == [
        f"{record['release']}.json" for record in records
    ]


def test_two_publishes_at_once_one_goes_online_the_other_is_refused(
    project: Path, tmp_path: Path
) -> None:
    """Both would build into .cache/publish/site/: only one may run at a time."""
    www = tmp_path / "www"
    env = {**os.environ, "BABILLARD_DEPLOY_TARGET": "local", "BABILLARD_DEPLOY_PATH": str(www)}
    command = [sys.executable, "-m", "invoke", "publish", "--yes", "--build-date", BUILD_DATE]
    runs = [
        subprocess.Popen(
            command, cwd=project, env=env, text=True, stdout=subprocess.PIPE, stderr=STDOUT
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    codes = sorted(run.returncode for run in runs)
    assert codes == [0, 1], outputs
    refused = outputs[[run.returncode for run in runs].index(1)]
    assert "est déjà en cours depuis ce dossier" in refused
    assert "rien n’a été envoyé" in refused and "Traceback" not in refused
    # The one that ran put a complete, verified release online.
    assert tree_hashes(www / "current") == tree_hashes(project / ".cache" / "publish" / "site")
    assert len(list((www / "releases").glob("*.json"))) == 1
    # The lock went with the process: the next publish runs.
    proc = run_invoke("publish", "--yes", "--build-date", BUILD_DATE, cwd=project, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_refused_command_says_who_holds_the_lock(tmp_path: Path) -> None:
    from commands.deploy import DeployError
    from commands.deploy.lock import PublishLock

    with PublishLock(tmp_path, "publish"), pytest.raises(DeployError) as refused:
        PublishLock(tmp_path, "rollback").acquire()
    assert f"(invoke publish, processus {os.getpid()}, commencé à " in str(refused.value)
    assert "relancez « invoke rollback »" in str(refused.value)
    with PublishLock(tmp_path, "rollback"):  # released: free again
        pass
