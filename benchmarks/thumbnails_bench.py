"""Thumbnail throughput: our pipeline against a plain one-at-a-time Pillow loop.

Both make the same renditions (THUMBNAIL_WIDTHS × WebP and JPEG, same qualities) of the same
phone-size photos (3000×2000, some with EXIF orientation 6), generated with a fixed seed.
Ours runs as a build does: plan, then encode in a process pool with JPEG draft mode; then a
second, warm run shows what an unchanged build costs.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from thumbnails.service import ThumbnailService  # noqa: E402
from thumbnails.settings import DEFAULTS, configure  # noqa: E402


def make_photos(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` photo-like JPEGs of 3000×2000 (every third stored rotated, EXIF orientation 6)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        base = Image.linear_gradient("L").resize((300, 200))
        levels = [rng.randint(40, 255) for _ in range(3)]
        colour = Image.merge("RGB", [base.point(lambda v, k=k: v * k // 255) for k in levels])
        noise = Image.effect_noise((300, 200), rng.randint(20, 60)).convert("RGB")
        small = Image.blend(colour, noise, 0.35).filter(ImageFilter.SMOOTH)
        photo = small.resize((3000, 2000), Image.Resampling.BICUBIC)
        detail = Image.effect_noise((3000, 2000), 25).convert("RGB")
        photo = Image.blend(photo, detail, 0.12)
        exif = Image.Exif()
        if index % 3 == 0:
            photo = photo.transpose(Image.Transpose.ROTATE_90)
            exif[0x0112] = 6
        path = folder / f"photo-{index:03d}.jpg"
        photo.save(path, "JPEG", quality=88, exif=exif.tobytes())
        paths.append(path)
    return paths


def plain_pillow_loop(paths: list[Path], widths: list[int], quality: dict[str, int]) -> int:
    """The obvious code: one image at a time, full decode, every rendition."""
    made = 0
    for path in paths:
        with Image.open(path) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
        for width in sorted({min(w, upright.width) for w in widths}):
            height = round(upright.height * width / upright.width)
            resized = upright.resize((width, height), Image.Resampling.LANCZOS)
            for fmt in ("WEBP", "JPEG"):
                buffer = io.BytesIO()
                options = (
                    {"quality": quality["webp"], "method": 4}
                    if fmt == "WEBP"
                    else {"quality": quality["jpeg"], "optimize": True, "progressive": True}
                )
                resized.save(buffer, fmt, **options)
                made += 1
    return made


def our_pipeline(paths: list[Path], content: Path, output: Path) -> tuple[int, int]:
    """A build's worth of our plugin: plan every picture, then finish (encode + publish)."""
    settings: dict[str, Any] = configure({"PATH": str(content), "SITEURL": ""})
    service = ThumbnailService(settings)
    for path in paths:
        service.picture(path, "photo")
    stats = service.finish(output)
    return stats.encoded, stats.reused


def run(count: int = 24, repeats: int = 3) -> dict[str, Any]:
    """Median seconds of each approach over `repeats` runs, and images per second."""
    widths, quality = DEFAULTS["THUMBNAIL_WIDTHS"], DEFAULTS["THUMBNAIL_QUALITY"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = root / "content"
        paths = make_photos(content / "images", count)
        plain, ours, warm = [], [], []
        encoded = reused = warm_encoded = 0
        for attempt in range(repeats):
            start = time.perf_counter()
            plain_pillow_loop(paths, widths, quality)
            plain.append(time.perf_counter() - start)

            cache = root / ".cache"  # a cold cache each time: measure the encoding itself
            if cache.exists():
                import shutil

                shutil.rmtree(cache)
            start = time.perf_counter()
            encoded, _ = our_pipeline(paths, content, root / f"out-{attempt}")
            ours.append(time.perf_counter() - start)

            start = time.perf_counter()
            warm_encoded, reused = our_pipeline(paths, content, root / f"out-{attempt}")
            warm.append(time.perf_counter() - start)
    plain_s, ours_s, warm_s = (statistics.median(x) for x in (plain, ours, warm))
    return {
        "photos": count,
        "renditions_per_photo": encoded // count,
        "plain_pillow_seconds": round(plain_s, 3),
        "babillard_seconds": round(ours_s, 3),
        "babillard_warm_seconds": round(warm_s, 3),
        "plain_pillow_images_per_second": round(count / plain_s, 2),
        "babillard_images_per_second": round(count / ours_s, 2),
        "speedup": round(plain_s / ours_s, 2),
        "warm_run_encoded": warm_encoded,
        "warm_run_reused": reused,
    }
