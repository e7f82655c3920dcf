"""`{filename}` links to a file that does not exist, with the line that writes them.

An article links to another by its file: `[la fête]({filename}2026-06-21-fete.md)`. When
that file is renamed, or the name mistyped, Pelican leaves the link as written (a dead link
on the page) and says only "Unable to find '2026-06-21-fete.md', skipping url replacement.",
without naming the article. `broken_links()` finds those links in a source's text, as
Pelican resolves them (from the content folder when the path starts with `/`, else from the
source's own folder); the plugin warns with the file and the line, and drops Pelican's
line for the links it named.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Pelican's default INTRASITE_LINK_REGEX markers, {filename} and the older |filename|, then
# the path up to what ends it in Markdown or in an HTML attribute.
LINK = re.compile(r"(?:\{filename\}|\|filename\|)([^\s)\"'>\]]+)")


@dataclass(frozen=True)
class BrokenLink:
    """A link to a source file that is not there: its line, the link as written."""

    line: int
    written: str  # "{filename}2026-06-21-fete.md"
    target: str  # what Pelican looks up, and names in its own message

    @property
    def message(self) -> str:
        return f"le lien « {self.written} » vise un fichier qui n’existe pas : il reste mort"

    @property
    def hint(self) -> str:
        if self.target.startswith("#"):
            return f"pour un endroit de la même page, écrivez seulement ({self.target})"
        return (
            "écrivez le chemin exact du fichier visé depuis content/, par exemple "
            "{filename}/articles/2026-06-21-fete.md, ou retirez le lien"
        )


def broken_links(path: Path, text: str, content_root: Path) -> list[BrokenLink]:
    """The `{filename}` links of `text` (the source at `path`) whose file does not exist."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "filename" not in line:
            continue
        for match in LINK.finditer(line):
            target = match.group(1)
            file = unquote(unescape(urlsplit(target).path))
            base = content_root if file.startswith("/") else path.parent
            # No file ("{filename}#programme"): Pelican finds nothing either.
            if not file or not Path(os.path.normpath(base / file.lstrip("/"))).is_file():
                found.append(BrokenLink(number, match.group(0), target))
    return found
