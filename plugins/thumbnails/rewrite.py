"""Rewrite the `<img>` of an article or page into responsive `<picture>` markup."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from .images import ImageTooLarge
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
        base = content_root if path.startswith("/") else page.parent
    else:
        # A plain /images/x.jpg: static files keep their path from content/ to output/.
        base = content_root if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    return target if target.is_relative_to(source_root) else None


def rewrite(html: str, page: Path, service: ThumbnailService) -> str:
    """Every local image becomes a `<picture>`; the first one loads eagerly (it is on screen)."""
    if "<img" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for index, img in enumerate(soup.find_all("img")):
        source = source_for(img.get("src", ""), page, service.content_root, service.source_root)
        if source is None:
            continue
        extra = {name: str(img[name]) for name in ("title", "class") if img.get(name)}
        if isinstance(img.get("class"), list):
            extra["class"] = " ".join(img["class"])
        markup = service.picture(
            source, str(img.get("alt", "")), eager=index == 0, page=page, extra=extra
        )
        if markup is None:
            if not isinstance(service.source(source), ImageTooLarge):
                continue  # broken: keep the link to the original, which stays published
            img.decompose()  # too big to serve safely: leave it out, the alt text goes too
        else:
            img.replace_with(BeautifulSoup(markup, "html.parser"))
        changed = True
    return str(soup) if changed else html
