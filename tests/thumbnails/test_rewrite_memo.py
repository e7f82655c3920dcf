"""The memory of rewritten articles: reused only when every image gives the same answer."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from thumbnails.rewrite import RewriteMemo, rewrite
from thumbnails.service import ThumbnailService
from thumbnails.settings import configure

# The package exports a function named `rewrite`, which hides the module of that name.
rewrite_module = sys.modules["thumbnails.rewrite"]

HTML = (
    '<h2>Fête</h2><p><img alt="Le stand" src="{static}/images/photo.jpg"></p>'
    '<p><img alt="Ailleurs" src="https://example.org/x.jpg"></p>'
    '<p><img alt="Cassée" src="{static}/images/broken.jpg"></p>'
)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict]:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (1600, 1200), "teal").save(content / "images" / "photo.jpg")
    (content / "images" / "broken.jpg").write_bytes(b"not a JPEG at all")
    (content / "articles").mkdir()
    settings = configure({"PATH": str(content), "SITEURL": "", "OUTPUT_PATH": "out"})
    return content, settings


def _build(content: Path, settings: dict, out: Path) -> tuple[str, RewriteMemo, ThumbnailService]:
    service = ThumbnailService(settings)
    memo = RewriteMemo(service.cache_root, out)
    result = rewrite(HTML, content / "articles" / "fete.md", service, memo)
    memo.save()
    return result, memo, service


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    parses: list[int] = []
    real = rewrite_module._rewrite

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        parses.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(rewrite_module, "_rewrite", counting)
    return parses


def test_unchanged_article_is_not_parsed_again(site, tmp_path, monkeypatch, caplog) -> None:
    content, settings = site
    out = tmp_path / "out"
    first, memo, _ = _build(content, settings, out)
    assert "<picture>" in first and "broken.jpg" in first and "example.org" in first
    assert memo.reused == 0

    parses = _count_parses(monkeypatch)
    caplog.clear()
    second, memo, service = _build(content, settings, out)
    assert parses == [] and memo.reused == 1
    assert second == first
    # The side effects of a full rewrite still happen: renditions planned, problem reported.
    assert service._jobs and any("broken.jpg" in r.getMessage() for r in caplog.records)


def test_a_changed_image_is_parsed_again(site, tmp_path, monkeypatch) -> None:
    content, settings = site
    out = tmp_path / "out"
    first, _, _ = _build(content, settings, out)
    photo = content / "images" / "photo.jpg"
    Image.new("RGB", (900, 600), "orange").save(photo)  # other size: other markup

    parses = _count_parses(monkeypatch)
    second, memo, _ = _build(content, settings, out)
    assert parses == [1] and memo.reused == 0
    assert second != first and 'width="900"' in second
    # What the memory now holds is what a build with no memory gives.
    shutil.rmtree(ThumbnailService(settings).cache_root)
    fresh = rewrite(HTML, content / "articles" / "fete.md", ThumbnailService(settings))
    assert second == fresh


def test_a_damaged_memory_is_ignored(site, tmp_path) -> None:
    content, settings = site
    out = tmp_path / "out"
    first, memo, _ = _build(content, settings, out)
    memo.path.write_bytes(b"\x80\x05 not a pickle")
    second, memo, _ = _build(content, settings, out)
    assert second == first and memo.reused == 0
