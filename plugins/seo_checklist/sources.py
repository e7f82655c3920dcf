"""Which source file made each page, so that a finding logged by a build names the file an
editor opens, and the line when the finding quotes what that line holds.

The checks read only the built HTML (they also run on any output folder, without Pelican).
During a build, Pelican knows each article's, page's and listing's source file and address
(`context["generated_content"]`, which the listings plugin fills too): `page_sources`
keeps that map at `all_generators_finalized`, and `source_of` looks a finding's page up in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .registry import Finding

# What a message quotes that an editor wrote: « a title », or an address as written in the
# page (which is also the source's, unless Pelican rewrote it: `{filename}…` links).
_QUOTED = re.compile(r"« (.+?) »")
_ADDRESS = re.compile(r"(?:https?://|/|#)[^\s«»]*[^\s«».,;:)]")
# Checks of what a header line gives: the line to change, by the key that starts it
# (an article's `Title:`, a listing's `title:`).
_HEADER_KEYS = {"title": ("title",), "description": ("summary", "description")}
# Of the lines that hold what a finding quotes, the one it is about: for an image, written
# without a description (`![](…)`, `alt=""`), or without alt at all; for a second <h1>, a
# Markdown "# heading" (the first <h1> is the page's title, from its Title: line).
_PREFERRED = {
    "h1-multiple": re.compile(r"^\s{0,3}#(?!#)|<h1\b", re.IGNORECASE),
    "img-alt-empty": re.compile(r"!\[\s*\]|\balt\s*=\s*(\"\"|'')"),
    "img-alt-missing": re.compile(r"<img\b(?![^>]*\balt\s*=)", re.IGNORECASE),
}


def page_sources(context: Mapping[str, Any]) -> dict[str, Path]:
    """Page address ("/2026/fete/", as findings name pages) → its source file."""
    found: dict[str, Path] = {}
    for content in context.get("generated_content", {}).values():
        url = getattr(content, "url", None)
        source = getattr(content, "source_path", None)
        if isinstance(url, str) and source:
            found["/" + url.lstrip("/")] = Path(source)
    return found


def source_of(finding: Finding, sources: Mapping[str, Path], root: Path) -> str:
    """`content/articles/x.md:12` (relative to `root` when under it): the file that made the
    finding's page, with the first line holding something the message quotes; just the
    file when no line does (or it cannot be read); "" for a page no source made (a list
    of articles, a tag's page)."""
    source = sources.get(finding.page)
    if source is None:
        return ""
    path = source.resolve()
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    line = _line_of(path, finding)
    return f"{shown}:{line}" if line else shown


def _line_of(path: Path, finding: Finding) -> int:
    keys = _HEADER_KEYS.get(finding.check_id.split("-")[0], ())
    quoted = [*_QUOTED.findall(finding.message), *_ADDRESS.findall(finding.message)]
    wanted = [text for text in quoted if len(text.strip("/#")) >= 3]
    if not keys and not wanted:
        return 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    for number, line in enumerate(lines, start=1):
        key, colon, _value = line.partition(":")
        if colon and key.strip().lower() in keys:
            return number
    preferred = _PREFERRED.get(finding.check_id)

    def best(found: list[int]) -> int:
        # Of several lines, the one written as the finding says: of two lines naming one
        # photo, the one without a description; of a title and a "# heading", the heading.
        chosen = [n for n in found if preferred and preferred.search(lines[n - 1])]
        return (chosen or found)[0]

    for text in wanted:
        found = [number for number, line in enumerate(lines, start=1) if text in line]
        if found:
            return best(found)
    # An image the page shows under another name than the source's: a thumbnail named
    # after its photo ("/images/r/plan-parcelles-800w-4440ab2d95.jpg" for plan-parcelles.jpg).
    slugs = [_slug(line) for line in lines]  # once, for every stem of every address
    for text in wanted:
        for stem in _stems(text):
            named = re.compile(rf"(?<![a-z0-9]){re.escape(stem)}\.[a-z0-9]{{2,5}}(?![a-z0-9])")
            found = [n for n, slug in enumerate(slugs, start=1) if named.search(slug)]
            if found:
                return best(found)
    return 0


def _stems(address: str) -> list[str]:
    """The names a file at `address` may be derived from, longest first, as slugs: for
    ".../plan-parcelles-800w-4440ab2d95.jpg", "plan-parcelles-800w-4440ab2d95",
    "plan-parcelles-800w", "plan-parcelles", "plan" (a line must name it as a file: plan.jpg)."""
    name = address.rsplit("/", 1)[-1]
    stem, dot, _suffix = name.rpartition(".")
    if not dot:
        return []
    parts = _slug(stem).split("-")
    found = ["-".join(parts[:count]) for count in range(len(parts), 0, -1)]
    return [stem for stem in found if len(stem) >= 3]


def _slug(text: str) -> str:
    """`text` as file names become slugs: lower case, without accents, with "-" for every
    run of other characters than letters, digits and dots."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]+", "-", plain)
