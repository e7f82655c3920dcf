"""Where worker processes cannot start, images are still encoded, one after the other."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PIL import Image
from thumbnails import service as service_module
from thumbnails.settings import configure


class _NoWorkers:
    def __init__(self, *args, **kwargs) -> None:
        pass

    def submit(self, *args, **kwargs):
        raise BrokenProcessPool("no processes in this sandbox")

    def shutdown(self, *args, **kwargs) -> None:
        pass


def test_images_are_encoded_without_workers(tmp_path: Path, monkeypatch) -> None:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    photos = []
    for name, colour in (("a.jpg", "teal"), ("b.jpg", "orange")):
        Image.new("RGB", (900, 600), colour).save(content / "images" / name)
        photos.append(content / "images" / name)
    monkeypatch.setattr(service_module, "ProcessPoolExecutor", _NoWorkers)
    settings = configure({"PATH": str(content), "SITEURL": "", "THUMBNAIL_WORKERS": 2})
    service = service_module.ThumbnailService(settings)
    for photo in photos:
        assert service.picture(photo, "photo") is not None
    stats = service.finish(tmp_path / "out")
    assert stats.encoded > 0 and not stats.problems
    assert stats.published == len(list((tmp_path / "out").rglob("*.*")))
