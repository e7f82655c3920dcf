"""An editor's file as both checks read it: its header lines, its path as editors see it."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def header_lines(text: str) -> list[tuple[int, str, str]]:
    """(line, key as written, value) of each `Key: value` line of a Markdown header, up to
    the first blank line. Indented lines continue the line before: they have no key."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if colon and key.strip() and line[0] not in " \t":
            found.append((number, key.strip(), value.strip()))
    return found


def shown(path: Path, settings: dict[str, Any]) -> Path:
    """`content/articles/x.md`: relative to the folder holding PATH, as editors see it."""
    root = Path(settings["PATH"]).resolve().parent
    path = path.resolve()
    return path.relative_to(root) if path.is_relative_to(root) else path
