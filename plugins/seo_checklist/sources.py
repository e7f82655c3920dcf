"""Which source file made each page, so that a finding logged by a build names the file an
editor opens, and the line when the finding quotes what that line holds.

The checks read only the built HTML (they also run on any output folder, without Pelican).
During a build, Pelican knows each article's, page's and listing's source file and address
(`context["generated_content"]`, which the listings plugin fills too): `page_sources`
keeps that map at `all_generators_finalized`, and `source_of` looks a finding's page up in it.
"""

from __future__ import annotations

import re
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
    for text in wanted:
        for number, line in enumerate(lines, start=1):
            if text in line:
                return number
    return 0
