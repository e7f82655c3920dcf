"""sitemap.xml and robots.txt, from what the build actually wrote.

Rather than re-deriving the list of pages from Pelican's context (which knows nothing of the
pages other plugins write, such as listings), this plugin walks OUTPUT_PATH at the end of the
build and lists every HTML page that asks to be indexed. A page opts out the standard way,
with `<meta name="robots" content="noindex">` (expired listings, drafts, the 404 page), so
the sitemap can never name a page that tells search engines to ignore it.

Settings (defaults in DEFAULTS, documented in README.md):
SITEMAP_SAVE_AS, ROBOTS_SAVE_AS, SITEMAP_EXCLUDE.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Where the two files go, relative to OUTPUT_PATH ("" writes none of that file).
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    # Regular expressions on the output path ("2026/x/index.html") of pages to leave out.
    "SITEMAP_EXCLUDE": [],
}

_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_META = re.compile(rb"<meta\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Enough bytes to hold any <head> our theme writes, JSON-LD included.
_HEAD_BYTES = 64 * 1024


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in defaults and check the values; ValueError names the setting and the fix."""
    for name, default in DEFAULTS.items():
        settings.setdefault(name, list(default) if isinstance(default, list) else default)
    for name in ("SITEMAP_SAVE_AS", "ROBOTS_SAVE_AS"):
        value = settings[name]
        if not isinstance(value, str) or value.startswith("/") or ".." in Path(value).parts:
            raise ValueError(f"{name} must be a path inside the output folder, got {value!r}.")
    patterns = settings["SITEMAP_EXCLUDE"]
    if isinstance(patterns, str) or not isinstance(patterns, list | tuple):
        raise ValueError(
            f"SITEMAP_EXCLUDE must be a list of regular expressions, got {patterns!r}."
        )
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            raise ValueError(
                f"SITEMAP_EXCLUDE: {pattern!r} is not a regular expression: {error}."
            ) from None
    return settings


def _metas(head: bytes) -> dict[str, str]:
    """name/property → content of the <meta> tags in `head` (first one wins)."""
    found: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {m[0].lower(): (m[1] or m[2]) for m in _ATTR.findall(tag)}
        key = (attrs.get(b"name") or attrs.get(b"property") or b"").decode("utf-8", "replace")
        if key:
            found.setdefault(key.lower(), attrs.get(b"content", b"").decode("utf-8", "replace"))
    return found


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(_HEAD_BYTES)
    end = _HEAD_END.search(data)
    return data[: end.start()] if end else data


def indexable_pages(output: Path, exclude: list[str]) -> Iterator[tuple[str, str | None]]:
    """(URL path, last modification date or None) of each page to list, in path order."""
    patterns = [re.compile(p) for p in exclude]
    files: list[str] = []
    for folder, dirs, names in os.walk(output):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, output)
        files.extend(
            name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")
            for name in names
            if name.endswith(".html")
        )
    for file in sorted(files):
        if any(p.search(file) for p in patterns):
            continue
        metas = _metas(_head(output / file))
        robots = metas.get("robots", "").lower().replace(",", " ").split()
        if "noindex" in robots or "none" in robots:
            continue
        date = metas.get("article:modified_time") or metas.get("article:published_time") or ""
        path = "/" + (file[: -len("index.html")] if file.endswith("index.html") else file)
        yield path, date[:10] if _DATE.match(date) else None


def sitemap_xml(siteurl: str, pages: Iterator[tuple[str, str | None]]) -> bytes:
    """The sitemap protocol's XML for `pages` (https://www.sitemaps.org/protocol.html)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, date in pages:
        lastmod = f"<lastmod>{date}</lastmod>" if date else ""
        lines.append(f"  <url><loc>{escape(siteurl + path)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots_txt(siteurl: str, sitemap: str) -> bytes:
    """Everything may be crawled; the sitemap's address is given in full."""
    lines = ["User-agent: *", "Allow: /"]
    if sitemap:
        lines += ["", f"Sitemap: {siteurl}/{sitemap}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically, and only when the bytes differ (unchanged files keep their mtime)."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_files(settings: dict[str, Any]) -> None:
    """Write sitemap.xml and robots.txt into OUTPUT_PATH for the pages built there."""
    output = Path(settings["OUTPUT_PATH"])
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    sitemap = settings["SITEMAP_SAVE_AS"]
    if sitemap:
        pages = indexable_pages(output, list(settings["SITEMAP_EXCLUDE"]))
        write_if_changed(output / sitemap, sitemap_xml(siteurl, pages))
    if settings["ROBOTS_SAVE_AS"]:
        write_if_changed(output / settings["ROBOTS_SAVE_AS"], robots_txt(siteurl, sitemap))


def _initialized(pelican: Any) -> None:
    configure(pelican.settings)


def _finalized(pelican: Any) -> None:
    write_files(pelican.settings)


def register() -> None:
    """Pelican entry point."""
    from pelican import signals

    signals.initialized.connect(_initialized)
    # `finalized` comes after every generator and writer: output/ is complete.
    signals.finalized.connect(_finalized)
