"""The demo's images are ours: each one is exactly what scripts/make_demo_images.py draws."""

from __future__ import annotations

import subprocess
import sys

from tests.support import CONTENT, ROOT


def test_committed_images_are_the_scripts_output() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/make_demo_images.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_image_is_credited() -> None:
    credits = (CONTENT / "images" / "CREDITS.md").read_text(encoding="utf-8")
    images = [p for p in (CONTENT / "images").rglob("*") if p.suffix in (".jpg", ".png")]
    assert len(images) >= 10
    for image in images:
        assert f"`{image.relative_to(CONTENT / 'images')}`" in credits, image
