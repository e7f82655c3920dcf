"""The thumbnails plugin's settings: defaults in one dict, merged with the site's, checked once.

README.md in this folder documents each one; keep the two together.
"""

from __future__ import annotations

import difflib
import logging
from typing import Any

logger = logging.getLogger(__name__)

PREFIX = "THUMBNAIL_"

DEFAULTS: dict[str, Any] = {
    # Rendition widths in pixels; an image is never enlarged past its own width.
    "THUMBNAIL_WIDTHS": [400, 800, 1200, 1600],
    # The `sizes` attribute: how wide the image is shown, so the browser picks a width.
    "THUMBNAIL_SIZES": "(min-width: 48rem) 44rem, calc(100vw - 2rem)",
    "THUMBNAIL_QUALITY": {"webp": 75, "jpeg": 80},
    # Images above this many pixels are refused (decompression bombs, scanner monsters).
    "THUMBNAIL_MAX_PIXELS": 50_000_000,
    # Folder of the images inside PATH; images elsewhere are left alone.
    "THUMBNAIL_SOURCE_PATH": "images",
    # Where renditions go inside the output, and where they are cached between builds
    # (relative to the folder that holds the content folder).
    "THUMBNAIL_OUTPUT_PATH": "images/r",
    "THUMBNAIL_CACHE_PATH": ".cache/thumbnails",
    # The social-sharing image (og:image): cropped to fill exactly this size.
    "THUMBNAIL_SOCIAL_SIZE": [1200, 630],
    # Worker processes for encoding; 0 means one per core.
    "THUMBNAIL_WORKERS": 0,
    # Originals carry GPS positions and camera serials: they are not published, except
    # when an image cannot be rendered and the page links to it as it is.
    "THUMBNAIL_PUBLISH_ORIGINALS": False,
}


def _positive_int(name: str, value: Any, minimum: int = 1) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"{name} must be a whole number ≥ {minimum}, got {value!r}.")


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in defaults in `settings` (in place), check every value, and return the result."""
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    for name in sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        logger.warning(
            "Unknown setting %s%s", name, f" (did you mean {close[0]}?)" if close else ""
        )

    widths = settings["THUMBNAIL_WIDTHS"]
    if not isinstance(widths, list | tuple) or not widths:
        raise ValueError(
            f"THUMBNAIL_WIDTHS must be a list of widths such as [400, 800], got {widths!r}."
        )
    for width in widths:
        _positive_int("THUMBNAIL_WIDTHS", width, 16)
    settings["THUMBNAIL_WIDTHS"] = sorted(set(widths))
    quality = settings["THUMBNAIL_QUALITY"]
    if not isinstance(quality, dict) or set(quality) != {"webp", "jpeg"}:
        raise ValueError(
            f"THUMBNAIL_QUALITY must be {{'webp': 1–100, 'jpeg': 1–100}}, got {quality!r}."
        )
    for fmt, value in quality.items():
        if not isinstance(value, int) or not 1 <= value <= 100:
            raise ValueError(f"THUMBNAIL_QUALITY[{fmt!r}] must be 1–100, got {value!r}.")
    _positive_int("THUMBNAIL_MAX_PIXELS", settings["THUMBNAIL_MAX_PIXELS"], 10_000)
    _positive_int("THUMBNAIL_WORKERS", settings["THUMBNAIL_WORKERS"], 0)
    social = settings["THUMBNAIL_SOCIAL_SIZE"]
    if not (isinstance(social, list | tuple) and len(social) == 2):
        raise ValueError(f"THUMBNAIL_SOCIAL_SIZE must be [width, height], got {social!r}.")
    for value in social:
        _positive_int("THUMBNAIL_SOCIAL_SIZE", value, 16)
    for name in (
        "THUMBNAIL_SIZES",
        "THUMBNAIL_SOURCE_PATH",
        "THUMBNAIL_OUTPUT_PATH",
        "THUMBNAIL_CACHE_PATH",
    ):
        if not isinstance(settings[name], str) or not settings[name].strip():
            raise ValueError(f"{name} must be a non-empty text, got {settings[name]!r}.")
    return settings
