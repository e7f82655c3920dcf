"""Rewrite the `<img>` of an article or page into responsive `<picture>` markup, and its
links to a photo (`[la photo en grand]({static}/images/x.jpg)`) to the photo's largest
rendition: the original is not published, so a link to it would lead nowhere.

The article is tokenised with the standard library's HTMLParser (so an `<img` inside a
comment, a script or an attribute is not taken for an image) and only the `<img>` tags and
the `href` of those links are replaced, in place: the rest of the HTML stays byte for byte as
Markdown wrote it.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .images import ImageProblem, ImageTooLarge

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


# The value of a start tag's href attribute, quoted (what Markdown writes, and most HTML);
# not that of a data-href.
_HREF = re.compile(r"""((?<![\w-])href\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# Cheap test before parsing: can the HTML hold a link to a photo at all? Most articles link
# only to pages; they are not parsed for it. "href" in lower case, as Markdown writes it: a
# literal first lets the regex engine skip ahead (13 times faster than the whole pattern
# ignoring case, 6 µs for a page of 8 kB).
_PHOTO_HREF = re.compile(r"""href\s*=\s*["']?[^"'\s>]*\.(?i:jpe?g|png|webp|gif|hei[cf]|avif)\b""")


def rewrite(html: str, page: Path, service: ThumbnailService) -> str:
    """Every local image becomes a `<picture>`; the first one loads eagerly (it is on screen).
    A link to a local photo leads to its largest rendition."""
    tags = ("img",) if "<img" in html else ()
    tags += ("a",) if _PHOTO_HREF.search(html) else ()
    if not tags:
        return html
    parts: list[str] = []
    done = 0  # how much of `html` is already in `parts`
    images = 0
    for tag, start, end, attributes in find_tags(html, tags):
        if tag == "a":
            replaced = _link(html[start:end], attributes, page, service)
            if replaced is not None:
                parts += [html[done:start], replaced]
                done = end
            continue
        images += 1
        img = attributes
        source = source_for(img.get("src", ""), page, service.content_root, service.source_root)
        if source is None:
            continue
        extra = {name: img[name] for name in ("title", "class") if img.get(name)}
        if "class" in extra:
            extra["class"] = " ".join(extra["class"].split())
        markup = service.picture(
            source, img.get("alt", ""), eager=images == 1, page=page, extra=extra
        )
        if markup is None and not isinstance(service.source(source), ImageTooLarge):
            continue  # broken: keep the link to the original, which stays published
        # Too big to serve safely (no markup): leave it out, the alt text goes too.
        parts += [html[done:start], str(markup or "")]
        done = end
    return "".join([*parts, html[done:]]) if parts else html


def _link(
    tag: str, attributes: dict[str, str], page: Path, service: ThumbnailService
) -> str | None:
    """The `<a>` start tag `tag` with its href set to the largest rendition of the local
    photo it links to; None to leave it as written (not a photo of ours, or a broken one,
    which stays published as it is)."""
    source = source_for(attributes.get("href", ""), page, service.content_root, service.source_root)
    if source is None or not source.is_file() or isinstance(service.source(source), ImageProblem):
        return None  # not ours, not there (ignored_input says so), or a PDF: published as it is
    url = service.full_size(source, page=page)
    href = _HREF.search(tag)
    if url is None or href is None:
        return None
    value = escape(url, quote=True)
    return f"{tag[: href.start(3)]}{value}{tag[href.end(3) :]}"


class _TagFinder(HTMLParser):
    """Finds each start tag named in `tags`: its name, where it starts and ends in the
    text, and its attributes."""

    def __init__(self, html: str, tags: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.found: list[tuple[str, int, int, dict[str, str]]] = []
        # Offset of the start of each line: HTMLParser reports (line, column).
        self._lines = [0]
        self._lines += [m.end() for m in re.finditer("\n", html)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.tags:
            return
        line, column = self.getpos()
        start = self._lines[line - 1] + column
        text = self.get_starttag_text() or ""
        # An attribute without a value (`<img alt src=…>`) reads as "", the last of a
        # repeated attribute wins: what a browser does.
        values = {name: value or "" for name, value in attrs}
        self.found.append((tag, start, start + len(text), values))


def find_tags(html: str, tags: tuple[str, ...]) -> list[tuple[str, int, int, dict[str, str]]]:
    """(name, start, end, attributes) of every start tag of `html` named in `tags`, in order."""
    finder = _TagFinder(html, tags)
    finder.feed(html)
    finder.close()
    return finder.found


def find_images(html: str) -> list[tuple[int, int, dict[str, str]]]:
    """(start, end, attributes) of every `<img>` tag of `html`, in order."""
    return [(start, end, attributes) for _, start, end, attributes in find_tags(html, ("img",))]
