"""What the thumbnails' cache keys are made of."""

from __future__ import annotations

from thumbnails import images
from thumbnails.images import Spec


def test_renditions_are_keyed_by_the_imaging_libraries_too(monkeypatch) -> None:
    spec = Spec(800, 533, "webp", 80)
    first = spec.key("0" * 64)
    monkeypatch.setattr(images, "LIBRARIES", "Pillow 99.0.0, pillow-heif 9.9")
    upgraded = spec.key("0" * 64)
    assert upgraded != first
    monkeypatch.setattr(images, "RENDER_VERSION", "another")
    assert spec.key("0" * 64) not in (first, upgraded)
