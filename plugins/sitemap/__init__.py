"""sitemap.xml and robots.txt, from what the build actually wrote.

Rather than re-deriving the list of pages from Pelican's context (which knows nothing of the
pages other plugins write, such as listings), this plugin walks OUTPUT_PATH at the end of the
build and lists every HTML page that asks to be indexed. A page opts out the standard way,
with `<meta name="robots" content="noindex">` (expired listings, drafts, the 404 page), so
the sitemap can never name a page that tells search engines to ignore it.

Reading the head of every page took 0.2 s per build at 4,000 pages: what each page said is
kept between builds, by the file's stat signature (size, modification time, inode), in
SITEMAP_CACHE_PATH.

Settings (defaults in DEFAULTS, documented in README.md):
SITEMAP_SAVE_AS, ROBOTS_SAVE_AS, SITEMAP_EXCLUDE, SITEMAP_CACHE_PATH.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
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
    # Folder of what each page's <head> said, kept between builds; relative to the project
    # (PATH's parent). "" keeps nothing.
    "SITEMAP_CACHE_PATH": ".cache/sitemap",
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
    if not isinstance(settings["SITEMAP_CACHE_PATH"], str | Path):
        raise ValueError(
            "SITEMAP_CACHE_PATH must be a folder such as '.cache/sitemap' (or '' for none), "
            f"got {settings['SITEMAP_CACHE_PATH']!r}."
        )
    return settings


class HeadMemo:
    """What each page's <head> said (listed or not, date), by the file's stat signature.

    One JSON file per output folder. A file whose size, modification time and inode are the
    recorded ones holds the recorded bytes (the build writes atomically: a changed page is a
    new inode); any other is read again. An unreadable memo is an empty one."""

    VERSION = 1

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.old: dict[str, list[Any]] = {}
        self.new: dict[str, list[Any]] = {}
        if file is None:
            return
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("version") == self.VERSION:
                self.old = data["pages"]
        except (OSError, ValueError, KeyError, AttributeError):
            pass

    def entry(self, output: Path, name: str) -> tuple[bool, str | None]:
        """(listed, date) for the page `name` inside `output`."""
        path = output / name
        info = path.stat()
        mark = [info.st_size, info.st_mtime_ns, info.st_ino]
        known = self.old.get(name)
        if known is not None and known[:3] == mark:
            listed, date = bool(known[3]), known[4]
        else:
            listed, date = _read_head(path)
        self.new[name] = [*mark, listed, date]
        return listed, date

    def save(self) -> None:
        if self.file is None or self.new == self.old:
            return
        data = json.dumps({"version": self.VERSION, "pages": self.new}, sort_keys=True)
        try:
            write_if_changed(self.file, data.encode("utf-8"))
        except OSError as error:  # only the next build is slower
            logger.info("sitemap : mémoire non écrite dans %s (%s)", self.file, error)


def memo_file(settings: dict[str, Any]) -> Path | None:
    """Where the memo of this output folder lives; None when none is kept."""
    folder = settings.get("SITEMAP_CACHE_PATH")
    if not folder or not settings.get("PATH"):
        return None
    project = Path(settings["PATH"]).resolve().parent
    folder = Path(folder) if Path(folder).is_absolute() else project / folder
    output = str(Path(settings["OUTPUT_PATH"]).resolve())
    return folder / f"heads-{hashlib.sha256(output.encode()).hexdigest()[:12]}.json"


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


def _read_head(path: Path) -> tuple[bool, str | None]:
    """Whether the page at `path` may be listed, and its last modification date."""
    metas = _metas(_head(path))
    robots = metas.get("robots", "").lower().replace(",", " ").split()
    listed = "noindex" not in robots and "none" not in robots
    date = metas.get("article:modified_time") or metas.get("article:published_time") or ""
    return listed, date[:10] if _DATE.match(date) else None


def page_entries(
    output: Path, exclude: list[str], memo: HeadMemo | None = None
) -> Iterator[tuple[str, tuple[str, str | None] | None]]:
    """Each HTML file in path order, with (URL path, date) if it is listed, else None."""
    memo = memo or HeadMemo(None)
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
            yield file, None  # excluded: stays excluded when rewritten
            continue
        yield file, _entry(file, *memo.entry(output, file))


def _entry(file: str, listed: bool, date: str | None) -> tuple[str, str | None] | None:
    if not listed:
        return None
    return "/" + (file[: -len("index.html")] if file.endswith("index.html") else file), date


def sitemap_xml(siteurl: str, pages: Iterable[tuple[str, str | None]]) -> bytes:
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


# The pages listed by the last write_files in this process, for each output folder: file →
# (URL path, date) or None when not listed. write_files(written=…) continues from it.
_listed: dict[str, dict[str, tuple[str, str | None] | None]] = {}


def write_files(settings: dict[str, Any], written: list[str] | None = None) -> None:
    """Write sitemap.xml and robots.txt into OUTPUT_PATH for the pages built there.

    `written`: the only files rewritten since the last call in this process (a partial
    build, commands/resident.py): only their <head> is read again."""
    output = Path(settings["OUTPUT_PATH"])
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    sitemap = settings["SITEMAP_SAVE_AS"]
    if sitemap:
        key = str(output.resolve())
        exclude = list(settings["SITEMAP_EXCLUDE"])
        listed = _listed.pop(key, None)
        pages_written = [file for file in written or [] if file.endswith(".html")]
        if listed is None or written is None or not set(pages_written) <= listed.keys():
            memo = HeadMemo(memo_file(settings))
            listed = dict(page_entries(output, exclude, memo))
            memo.save()
        else:
            patterns = [re.compile(p) for p in exclude]
            for file in pages_written:
                if not any(p.search(file) for p in patterns):
                    listed[file] = _entry(file, *_read_head(output / file))
        pages = [entry for _file, entry in sorted(listed.items()) if entry is not None]
        write_if_changed(output / sitemap, sitemap_xml(siteurl, pages))
        _listed[key] = listed
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
