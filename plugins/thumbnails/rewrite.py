"""Rewrite the `<img>` of an article or page into responsive `<picture>` markup.

The article is tokenised with the standard library's HTMLParser (so an `<img` inside a
comment, a script or an attribute is not taken for an image) and only the `<img>` tags are
replaced, in place: the rest of the HTML stays byte for byte as Markdown wrote it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .images import ImageTooLarge

if TYPE_CHECKING:  # only a type here: service.py imports check.py, which imports us
    from .service import ThumbnailService

# Pelican's link syntax: {static}/x is relative to the content root, {static}x to the page.
_PELICAN_LINK = re.compile(r"^(?:\{static\}|\|static\||\{filename\}|\|filename\|)")


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


def rewrite(html: str, page: Path, service: ThumbnailService) -> str:
    """Every local image becomes a `<picture>`; the first one loads eagerly (it is on screen)."""
    if "<img" not in html:
        return html
    parts: list[str] = []
    done = 0  # how much of `html` is already in `parts`
    for index, (start, end, img) in enumerate(find_images(html)):
        source = source_for(img.get("src", ""), page, service.content_root, service.source_root)
        if source is None:
            continue
        extra = {name: img[name] for name in ("title", "class") if img.get(name)}
        if "class" in extra:
            extra["class"] = " ".join(extra["class"].split())
        markup = service.picture(
            source, img.get("alt", ""), eager=index == 0, page=page, extra=extra
        )
        if markup is None and not isinstance(service.source(source), ImageTooLarge):
            continue  # broken: keep the link to the original, which stays published
        # Too big to serve safely (no markup): leave it out, the alt text goes too.
        parts += [html[done:start], str(markup or "")]
        done = end
    return "".join([*parts, html[done:]]) if parts else html


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
