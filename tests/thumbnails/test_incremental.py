"""The image cache: a second build encodes nothing; a setting change redoes only its part."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageOps

from tests.support import copy_project, tree_hashes

pytestmark = pytest.mark.slow

OLD_WIDTHS = [400, 800, 1200, 1600]  # pelicanconf's default THUMBNAIL_WIDTHS
NEW_WIDTHS = [400, 800, 1000, 1600]


def _invoke(project: Path, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _stats(project: Path) -> dict:
    return json.loads((project / ".cache" / "thumbnails" / "last-build.json").read_text())


def _used_sources(project: Path) -> list[Path]:
    """The images the demo shows: in articles' and pages' bodies, and listing photos."""
    sys.path.insert(0, str(project / "plugins"))
    from thumbnails.check import referenced_images

    settings = {"PATH": str(project / "content"), "THUMBNAIL_SOURCE_PATH": "images"}
    used: set[Path] = set()
    for page in (project / "content").rglob("*.md"):
        used |= referenced_images(page, page.read_text(encoding="utf-8"), settings)
    for listing in (project / "content" / "listings").glob("*.yaml"):
        for line in listing.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- annonces/"):
                used.add((project / "content" / "images" / line.strip()[2:]).resolve())
    return sorted(used)


def _sharing_sources(project: Path) -> set[Path]:
    """Files that get one 1200×630 sharing rendition each: articles' `Image:`, each listing's
    first photo, and the site's default SOCIAL_IMAGE."""
    content = project / "content"
    found = {(content / "images" / "articles" / "panneau-annonces.jpg").resolve()}
    assert 'SOCIAL_IMAGE = "images/articles/panneau-annonces.jpg"' in (
        project / "pelicanconf.py"
    ).read_text(encoding="utf-8")
    for listing in (content / "listings").glob("**/*.yaml"):
        photos = yaml.safe_load(listing.read_text(encoding="utf-8")).get("photos") or []
        if photos:
            found.add((content / "images" / photos[0]).resolve())
    for article in (project / "content" / "articles").glob("*.md"):
        for line in article.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            if line.lower().startswith("image:"):
                found.add((project / "content" / line.split(":", 1)[1].strip()).resolve())
    return found


def _width_sets(source: Path, widths: list[int]) -> set[int]:
    with Image.open(source) as image:
        width = ImageOps.exif_transpose(image).width
    return {min(w, width) for w in widths}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("thumbs") / "project")
    _invoke(project, "build", "--build-date", "2026-11-23")
    return project


def test_first_build_encodes_every_rendition(project: Path) -> None:
    stats = _stats(project)
    sources = _used_sources(project)
    sharing = _sharing_sources(project)
    expected = sum(2 * len(_width_sets(source, OLD_WIDTHS)) for source in sources)
    assert stats["sources"] == len(set(sources) | sharing)
    assert stats["encoded"] == expected + len(sharing)
    assert stats["reused"] == 0
    assert stats["problems"] == []


def test_second_build_and_rebuild_encode_nothing(project: Path) -> None:
    before = tree_hashes(project / "output")
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "output" / "images" / "r").iterdir()}
    # Nothing changed: the build is skipped as a whole (commands/build_inputs.py).
    assert "Rien n’a changé" in _invoke(project, "build", "--build-date", "2026-11-23")
    # A new file that no page uses: Pelican and the plugin run, and encode nothing.
    (project / "content" / "notes.txt").write_text("Pas une page.\n", encoding="utf-8")
    _invoke(project, "build", "--build-date", "2026-11-23")
    stats = _stats(project)
    assert stats["encoded"] == 0
    assert stats["reused"] == stats["published"] > 0
    assert tree_hashes(project / "output") == before
    # Unchanged renditions are not even rewritten: deploys see them as unchanged.
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes

    _invoke(project, "rebuild", "--build-date", "2026-11-23")
    assert _stats(project)["encoded"] == 0
    assert tree_hashes(project / "output") == before


def test_changing_widths_reencodes_only_the_affected_renditions(project: Path) -> None:
    sources = _used_sources(project)
    new = sum(2 * len(_width_sets(s, NEW_WIDTHS) - _width_sets(s, OLD_WIDTHS)) for s in sources)
    kept = sum(2 * len(_width_sets(s, NEW_WIDTHS) & _width_sets(s, OLD_WIDTHS)) for s in sources)
    kept += len(_sharing_sources(project))  # sharing images do not depend on the widths
    assert new > 0
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nTHUMBNAIL_WIDTHS = {NEW_WIDTHS}\n")
    _invoke(project, "build", "--build-date", "2026-11-23")
    stats = _stats(project)
    assert stats["encoded"] == new
    assert stats["reused"] == kept
    published = [p.name for p in (project / "output" / "images" / "r").iterdir()]
    for source in sources:
        widths = {
            int(name.rsplit("-", 2)[1].removesuffix("w"))
            for name in published
            if name.startswith(f"{source.stem}-") and name.rsplit("-", 2)[1] != "partage"
        }
        # Exactly the new widths: the renditions no page uses any more are gone.
        assert widths == _width_sets(source, NEW_WIDTHS), source.name
