"""Formatting pasted from a word processor or a web page into an article.

Markdown keeps raw HTML as it is. A paragraph pasted with its code from Word or from a
site (`<p class="MsoNormal" style="margin:0cm">`, `<o:p></o:p>`, `<font face="Calibri">`)
keeps its fonts, sizes and margins on the page, unlike the rest of the site, and the next
editor finds it hard to change. Listings remove such HTML (listings/render.py); an article
is the editor's own, so it is published as written, with a warning that names the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_slips import prose_lines

# What a word processor or a copied page leaves: Word's classes and tags, inline styles,
# <font>. Not the style="text-align: …" Markdown writes itself for a table: it is read in
# the source, not in the HTML.
PASTED = re.compile(r"""\bclass\s*=\s*["']?Mso|<o:p\b|\bstyle\s*=|<font\b""", re.IGNORECASE)
# A word each of PASTED's forms holds, in lower case. Testing them on the lowered text first
# is six times faster on an article than the regex alone (42 against 245 µs, measured on
# the bench's articles): a case-insensitive alternation gives the regex engine no literal
# to skip ahead to, and every article's HTML goes through this test at every build.
_PASTED_WORDS = ("mso", "<o:p", "style", "<font")


@dataclass(frozen=True)
class PastedFormatting:
    """The lines of a source that hold pasted formatting (the first is the warning's)."""

    lines: tuple[int, ...]

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def message(self) -> str:
        where = ""
        if len(self.lines) > 1:
            where = f" (lignes {', '.join(map(str, self.lines[:8]))}"
            where += ", …)" if len(self.lines) > 8 else ")"
        return (
            'du HTML copié d’un traitement de texte ou d’un site (style=, class="Mso…", '
            f"<font>) : sa mise en forme ne suit pas celle du site{where}"
        )

    @property
    def hint(self) -> str:
        return (
            "remplacez-le par du texte en Markdown (**gras**, listes, ## intertitres) : collez "
            "sans mise en forme (Ctrl+Maj+V)"
        )


def may_hold_pasted(html: str) -> bool:
    """Whether `html` (an article's, as Markdown made it) holds pasted formatting."""
    lowered = html.lower()
    return any(word in lowered for word in _PASTED_WORDS) and PASTED.search(html) is not None


def pasted_formatting(text: str) -> list[PastedFormatting]:
    """One item for the lines of `text` (a Markdown source) that hold pasted formatting
    outside code, or none."""
    lines = tuple(number for number, line in prose_lines(text) if PASTED.search(line))
    return [PastedFormatting(lines)] if lines else []
