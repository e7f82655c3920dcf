"""Find the images pages use that cannot be rendered, without building (for `invoke check`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .images import ImageMissing, ImageProblem, inspect
from .rewrite import source_for

# Markdown images and HTML <img>; the path is what the page wrote. A Markdown address is
# read as Python-Markdown does: in <…>, or up to the closing parenthesis (pairs inside
# are kept, "photo(1).jpg"), spaces included ("ma photo.jpg") but not a title ("Titre"),
# on one line, and only if the parenthesis closes there: "![a](x.jpg" with no ")" is text
# on the page, not an image, and must not run into the next line's.
_ADDRESS = r"<([^>\n]+)>|((?:[^()\s]|\([^()\n]*\)|[ \t]+(?=[^\"'()\s]))+)"
_MARKDOWN_IMAGE = re.compile(rf"!\[[^\]]*\]\([ \t]*(?:{_ADDRESS})(?=[^\n]*\))")
_HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc=[\"']([^\"']+)")


def referenced_images(page: Path, text: str, settings: dict[str, Any]) -> set[Path]:
    """The local images a Markdown or HTML page shows."""
    content_root = Path(settings["PATH"]).resolve()
    source_root = (content_root / settings["THUMBNAIL_SOURCE_PATH"]).resolve()
    found = set()
    for match in (*_MARKDOWN_IMAGE.finditer(text), *_HTML_IMAGE.finditer(text)):
        address = next(group for group in match.groups() if group)
        source = source_for(address, page.resolve(), content_root, source_root)
        if source is not None:
            found.add(source)
    return found


def image_problems(
    uses: dict[Path, set[Path]], settings: dict[str, Any]
) -> Iterable[tuple[Path, list[Path], ImageProblem]]:
    """(image, pages using it, problem) for each used image that cannot be rendered; the
    problem's str() says what is wrong, its `fix` what to do."""
    for image in sorted(uses):
        try:
            if not image.is_file():
                raise ImageMissing
            inspect(image, settings["THUMBNAIL_MAX_PIXELS"])
        except ImageProblem as problem:
            yield image, sorted(uses[image]), problem


def mention_line(page: Path, image: Path) -> int | None:
    """The first line of the source `page` that names `image`'s file, if it does.

    Messages about an image name the page that shows it; in a long article, the line is what
    the editor needs. Only called for an image with a problem, so reading the file is cheap.
    """
    try:
        text = page.read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return None
    # The name as the page wrote it (the image's path comes from there), or %-encoded; a whole
    # name, so that a missing "semis.jpg" is not found in "autre-semis.jpg".
    names = "|".join(re.escape(name) for name in {image.name, quote(image.name)})
    whole = re.compile(rf"(?<![\w.%-])(?:{names})(?![\w-])")
    for number, line in enumerate(text.splitlines(), 1):
        if whole.search(line):
            return number
    return None
