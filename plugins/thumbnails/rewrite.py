"""Rewrite the `<img>` of an article or page into responsive `<picture>` markup.

The article is tokenised with the standard library's HTMLParser (so an `<img` inside a
comment, a script or an attribute is not taken for an image) and only the `<img>` tags are
replaced, in place: the rest of the HTML stays byte for byte as Markdown wrote it.

Tokenising each article is the costly part, and it would be repeated on every
build for articles that did not change. `RewriteMemo` remembers, per article HTML, which
images it asked the service for and what came back. Next time the same questions are asked
again (cheap, and with the same side effects: renditions planned, problems reported), and
only when every answer is the same is the remembered result used without parsing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .images import ImageTooLarge
from .service import ThumbnailService

logger = logging.getLogger(__name__)

# Pelican's link syntax: {static}/x is relative to the content root, {static}x to the page.
_PELICAN_LINK = re.compile(r"^(?:\{static\}|\|static\||\{filename\}|\|filename\|)")
# One image's question to the service, and its answer: the markup, or KEEP (broken image:
# the link stays) or DROP (too large to serve: the <img> goes).
_Call = tuple[str, str, bool, tuple[tuple[str, str], ...], str]
KEEP, DROP = "\0keep", "\0drop"


def _code_digest() -> str:
    # This file is the rewriter, on the standard library's HTML tokeniser: a change to
    # either may change every result.
    code = Path(__file__).read_bytes() + b"\0" + sys.version.encode()
    return hashlib.sha256(code).hexdigest()


class RewriteMemo:
    """(article HTML, page, roots) → (calls, rewritten HTML), for the articles of the last build.

    One file per output folder (local and production builds differ in their URLs), holding
    only the last build's entries, so it cannot grow without end.
    """

    def __init__(self, folder: Path, output: Path) -> None:
        tag = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:12]
        self.path = folder / f"rewrites-{tag}.pickle"
        self.version = _code_digest()
        self.old: dict[str, tuple[list[_Call], str]] = {}
        self.new: dict[str, tuple[list[_Call], str]] = {}
        self.reused = 0
        try:
            with self.path.open("rb") as handle:
                version, entries = pickle.load(handle)
            if version == self.version:
                self.old = entries
        except FileNotFoundError:
            pass
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            # Only a shortcut: when it cannot be read, parse every article again.
            logger.debug("Images : mémoire des réécritures illisible, ignorée (%s)", self.path)

    def save(self) -> None:
        """Write this build's entries atomically, unless they are exactly those on disk."""
        if self.new.keys() == self.old.keys() and self.reused == len(self.new):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".rewrites.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self.version, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.path)
        except OSError as error:
            logger.warning("Images : réécritures non mémorisées (%s) : %s", self.path, error)


def source_for(src: str, page: Path, content_root: Path, source_root: Path) -> Path | None:
    """The local file an `<img src>` points to, if it is one of our images."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site's image, or a data: URI
    path = unquote(parts.path)
    marker = _PELICAN_LINK.match(path)
    if marker:
        path = path[marker.end() :]
    # {static}/x and a plain /images/x.jpg (static files keep their path from content/ to
    # output/) start at the content root; anything else is relative to the page.
    base = content_root if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    return target if target.is_relative_to(source_root) else None


def _ask(
    service: ThumbnailService,
    source: Path,
    alt: str,
    eager: bool,
    page: Path,
    extra: dict[str, str],
) -> str:
    """The service's answer for one image: its markup, KEEP or DROP (see _Call)."""
    markup = service.picture(source, alt, eager=eager, page=page, extra=extra)
    if markup is not None:
        return str(markup)
    return DROP if isinstance(service.source(source), ImageTooLarge) else KEEP


def rewrite(
    html: str, page: Path, service: ThumbnailService, memo: RewriteMemo | None = None
) -> str:
    """Every local image becomes a `<picture>`; the first one loads eagerly (it is on screen)."""
    if "<img" not in html:
        return html
    key = ""
    if memo is not None:
        roots = f"{page}\0{service.content_root}\0{service.source_root}\0"
        key = hashlib.sha256((roots + html).encode("utf-8", "surrogatepass")).hexdigest()
        known = memo.old.get(key)
        if known is not None and _replay(known[0], page, service):
            memo.new[key] = known
            memo.reused += 1
            return known[1]
    calls: list[_Call] = []
    result = _rewrite(html, page, service, calls)
    if memo is not None:
        memo.new[key] = (calls, result)
    return result


def _replay(calls: list[_Call], page: Path, service: ThumbnailService) -> bool:
    """Ask every remembered question again; True when every answer is the remembered one."""
    same = True
    for source, alt, eager, extra, answer in calls:
        # Every question is asked even after a difference: the service's side effects
        # (renditions planned, problems reported) must be those of a full rewrite.
        if _ask(service, Path(source), alt, eager, page, dict(extra)) != answer:
            same = False
    return same


class _ImageFinder(HTMLParser):
    """Finds each `<img>` tag: where it starts and ends in the text, and its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, dict[str, str]]] = []
        # Offset of the start of each line: HTMLParser reports (line, column).
        self._lines = [0]
        self._lines += [m.end() for m in re.finditer("\n", html)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        line, column = self.getpos()
        start = self._lines[line - 1] + column
        text = self.get_starttag_text() or ""
        # An attribute without a value (`<img alt src=…>`) reads as "", the last of a
        # repeated attribute wins: what a browser does.
        values = {name: value or "" for name, value in attrs}
        self.found.append((start, start + len(text), values))


def find_images(html: str) -> list[tuple[int, int, dict[str, str]]]:
    """(start, end, attributes) of every `<img>` tag of `html`, in order."""
    finder = _ImageFinder(html)
    finder.feed(html)
    finder.close()
    return finder.found


def _rewrite(html: str, page: Path, service: ThumbnailService, calls: list[_Call]) -> str:
    parts: list[str] = []
    done = 0  # how much of `html` is already in `parts`
    for index, (start, end, img) in enumerate(find_images(html)):
        source = source_for(img.get("src", ""), page, service.content_root, service.source_root)
        if source is None:
            continue
        extra = {name: img[name] for name in ("title", "class") if img.get(name)}
        if "class" in extra:
            extra["class"] = " ".join(extra["class"].split())
        alt, eager = img.get("alt", ""), index == 0
        answer = _ask(service, source, alt, eager, page, extra)
        calls.append((str(source), alt, eager, tuple(extra.items()), answer))
        if answer == KEEP:
            continue  # broken: keep the link to the original, which stays published
        # DROP: too big to serve safely: leave it out, the alt text goes too.
        parts += [html[done:start], "" if answer == DROP else answer]
        done = end
    return "".join([*parts, html[done:]]) if parts else html
