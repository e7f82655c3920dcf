"""Publishing to a folder of this machine (the association's own server)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.deploy.support import publish_update_rollback_publish
from tests.support import tree_hashes

pytestmark = pytest.mark.deploy


def test_publish_update_rollback_publish_to_a_local_folder(project: Path, tmp_path: Path) -> None:
    www = tmp_path / "var" / "www" / "tilleuls"
    env = {**os.environ, "BABILLARD_DEPLOY_TARGET": "local", "BABILLARD_DEPLOY_PATH": str(www)}
    records = publish_update_rollback_publish(project, env, lambda: tree_hashes(www / "current"))
    assert (www / "current").readlink() == Path("releases") / records[2]["release"]
    assert sorted(path.name for path in (www / "releases").glob("*.json")) == [
        f"{record['release']}.json" for record in records
    ]
