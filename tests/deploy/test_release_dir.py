"""Releases in a folder, step by step, on tiny sites: manifests, names, keeping, failures."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from invoke import Exit

from commands.deploy import DeployError
from commands.deploy.config import DeployConfig
from commands.deploy.manifest import Manifest
from commands.deploy.publish import deploy, rollback
from commands.deploy.release_dir import VERIFY, ReleaseDirTarget
from commands.deploy.releases import Release, new_release, previous, to_prune
from commands.deploy.shells import LocalShell
from commands.deploy.targets import Upload
from tests.support import tree_hashes

pytestmark = pytest.mark.deploy


def site(folder: Path, **files: str) -> Path:
    for name, text in files.items():
        path = folder / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def release(day: int) -> Release:
    return Release(name=f"202611{day:02d}T120000Z-abc1234", date=f"2026-11-{day:02d}T12:00:00Z")


def put_online(target: ReleaseDirTarget, tree: Path, day: int, keep: int = 5) -> Upload:
    return deploy(target, tree, Manifest.from_tree(tree), release(day), target.state(), keep)


@pytest.fixture
def target(tmp_path: Path) -> ReleaseDirTarget:
    return ReleaseDirTarget(DeployConfig("local", path=str(tmp_path / "www")))


def test_the_manifest_is_what_sha256sum_prints_on_the_target(tmp_path: Path) -> None:
    tree = site(tmp_path / "s", **{"a b.html": "x", "été__index.html": "y", "z__é t.css": "z"})
    manifest = Manifest.from_tree(tree)
    assert set(manifest.files) == {"a b.html", "été/index.html", "z/é t.css"}
    partial = tmp_path / "www" / "releases" / ".partial-r"
    partial.parent.mkdir(parents=True)
    tree.rename(partial)
    found = LocalShell().run(VERIFY, str(tmp_path / "www"), "r")
    assert found == manifest.to_sha256sum()
    assert Manifest.parse_sha256sum(found) == manifest


def test_a_link_in_the_build_is_refused(tmp_path: Path) -> None:
    tree = site(tmp_path / "s", **{"index.html": "x"})
    (tree / "secret").symlink_to("/etc/passwd")
    with pytest.raises(DeployError, match="n’est pas un fichier ordinaire"):
        Manifest.from_tree(tree)


def test_diff_names_added_changed_removed() -> None:
    old = Manifest({"a": "1", "b": "2", "c": "3"})
    new = Manifest({"a": "1", "b": "9", "d": "4"})
    diff = new.diff(old)
    assert (diff.added, diff.changed, diff.removed) == (["d"], ["b"], ["c"])
    assert not new.diff(new)


def test_release_names_sort_in_time_and_never_clash(tmp_path: Path) -> None:
    now = datetime.datetime(2026, 11, 23, 13, 28, 5, tzinfo=datetime.UTC)
    first = new_release(tmp_path, 3, "2026-11-23", now=now)
    assert first.name == "20261123T132805Z-sans-git"  # tmp_path is not in git
    assert first.date == "2026-11-23T13:28:05Z" and first.files == 3
    again = new_release(tmp_path, 3, "2026-11-23", taken=[first.name], now=now)
    assert again.name == "20261123T132806Z-sans-git"
    assert Release.from_json(first.to_json()) == first
    assert Release.from_json('{"name": "../../etc"}') is None
    assert first.local_date("Europe/Paris") == "23/11/2026 14:28"


def test_keeping_and_previous() -> None:
    names = [release(day).name for day in (1, 2, 3, 4)]
    assert to_prune(names, names[3], keep=2) == names[:2]
    # After a rollback to the oldest, it stays even beyond the newest `keep`.
    assert to_prune(names, names[0], keep=2) == names[1:2]
    assert previous(names, names[2]) == names[1]
    assert previous(names, names[0]) is None


def test_releases_beyond_keep_are_removed_never_the_live_one(
    target: ReleaseDirTarget, tmp_path: Path
) -> None:
    for day in (1, 2, 3, 4):
        put_online(target, site(tmp_path / f"s{day}", **{"index.html": f"v{day}"}), day, keep=2)
    state = target.state()
    assert state.names() == [release(3).name, release(4).name]
    assert state.live == release(4).name
    assert sorted(path.name for path in (tmp_path / "www" / "releases").iterdir()) == sorted(
        f"{release(day).name}{suffix}" for day in (3, 4) for suffix in ("", ".json", ".sha256")
    )


def test_a_failed_verification_leaves_the_live_site_and_says_so(
    target: ReleaseDirTarget, tmp_path: Path
) -> None:
    put_online(target, site(tmp_path / "s1", **{"index.html": "un", "a__index.html": "a"}), 1)
    live = tree_hashes(tmp_path / "www" / "current")
    tree = site(tmp_path / "s2", **{"index.html": "deux", "a__index.html": "a"})

    class Corrupting(ReleaseDirTarget):
        def upload(self, *args, **kwargs) -> Upload:  # type: ignore[no-untyped-def]
            sent = super().upload(*args, **kwargs)
            partial = tmp_path / "www" / "releases" / f".partial-{release(2).name}"
            (partial / "index.html").write_text("abîmé en route")
            return sent

    corrupting = Corrupting(DeployConfig("local", path=str(tmp_path / "www")))
    with pytest.raises(Exit) as error:
        put_online(corrupting, tree, 2)
    message = str(error.value.message)
    assert "La publication a échoué pendant la vérification" in message
    assert "ne sont pas ceux du site construit (1 différence(s)) : index.html" in message
    assert f"c’est toujours la publication {release(1).name}" in message
    assert tree_hashes(tmp_path / "www" / "current") == live
    assert list((tmp_path / "www" / "releases").glob(".partial-*")) == []


def test_leftovers_of_an_interrupted_upload_are_removed_and_named(
    target: ReleaseDirTarget, tmp_path: Path
) -> None:
    put_online(target, site(tmp_path / "s1", **{"index.html": "un"}), 1)
    leftover = tmp_path / "www" / "releases" / ".partial-20261101T000000Z-dead000"
    site(leftover, **{"index.html": "à moitié"})
    upload = put_online(target, site(tmp_path / "s2", **{"index.html": "deux"}), 2)
    assert upload.cleaned == ["20261101T000000Z-dead000"]
    assert upload.sent == ["index.html"]
    assert not leftover.exists()


def test_a_current_folder_that_is_not_a_link_is_explained(
    target: ReleaseDirTarget, tmp_path: Path
) -> None:
    site(tmp_path / "www" / "current", **{"index.html": "copié à la main"})
    with pytest.raises(DeployError, match="n’est pas un lien vers une publication"):
        target.state()


def test_rollback_with_nothing_older_says_so(target: ReleaseDirTarget, tmp_path: Path) -> None:
    put_online(target, site(tmp_path / "s1", **{"index.html": "un"}), 1)
    with pytest.raises(Exit, match="rien à défaire"):
        rollback(target, None, True, "Europe/Paris")
    with pytest.raises(Exit, match="n’existe pas"):
        rollback(target, "20260101T000000Z-abc1234", True, "Europe/Paris")


def test_the_switch_renames_a_new_link_over_the_old(
    target: ReleaseDirTarget, tmp_path: Path
) -> None:
    put_online(target, site(tmp_path / "s1", **{"index.html": "un"}), 1)
    inode = (tmp_path / "www" / "current").lstat().st_ino
    put_online(target, site(tmp_path / "s2", **{"index.html": "deux"}), 2)
    # A new link took the name: the old one was never modified in place (ln -sfn would unlink
    # the name first, leaving a moment without a site).
    assert (tmp_path / "www" / "current").lstat().st_ino != inode
    assert (tmp_path / "www" / "current").readlink() == Path("releases") / release(2).name
    assert list((tmp_path / "www").glob(".current-*")) == []
