"""Images and links that Markdown leaves as text, for a slip in their syntax.

`![Le plan]({static}/images/plan.jpg)` is an image; written `![Le plan] ({static}/…)`, with
a space before the parenthesis (as French typography would have it), or with the closing
parenthesis forgotten, it is text: the page shows the brackets, the marker and the path,
and no image. Markdown says nothing, and nor did the build.

`markdown_slips()` finds them in a source, outside code (fenced, indented or `inline`).
Given the HTML Markdown made of the source, it keeps only those the HTML shows as text, so
a build warns only about what visitors see; `invoke check`, which converts nothing, reads
the source alone. A space before a parenthesis that holds no address (`[sic] (voir plus
bas)`) is prose, not a slip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# "[label](" or "[label] (", with "!" for an image: what starts an image or a link.
_OPENING = re.compile(r"(?P<bang>!?)\[(?P<label>[^\]\n]*)\](?P<space>[ \t]+)?\(")
# What an address starts with: a Pelican marker, a path, a scheme, or a file name.
_ADDRESS = re.compile(
    r"\s*(?:[{|](?:filename|static|attach)[}|]|[/.#]|[a-z][\w+.-]*:|[\w-]+\.[a-z0-9]{2,4}\b)",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")
# Code in HTML, whose text is meant as written.
_HTML_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class MarkdownSlip:
    """An image or a link written with a space before its parenthesis, or without the
    parenthesis that closes it: its line and what the source writes."""

    line: int
    written: str  # "![Le plan] ({static}/images/plan.jpg)"
    image: bool
    spaced: bool  # a space before "(", else the ")" is missing
    suggestion: str  # "![Le plan]({static}/images/plan.jpg)"

    @property
    def message(self) -> str:
        what = "une image" if self.image else "un lien"
        why = (
            "Markdown n’en lit pas avec une espace entre ] et ("
            if self.spaced
            else "la parenthèse de l’adresse n’est pas fermée"
        )
        return f"« {self.written} » n’est pas {what} mais du texte sur la page : {why}"

    @property
    def hint(self) -> str:
        if self.spaced:
            return f"écrivez « {self.suggestion} », sans espace"
        return f"fermez la parenthèse juste après l’adresse : « {self.suggestion} »"


def markdown_slips(text: str, html: str | None = None) -> list[MarkdownSlip]:
    """The images and links of `text` (a Markdown source) that Markdown leaves as text;
    with `html`, only those that it shows as text."""
    shown = _HTML_CODE.sub("", html) if html is not None else None
    if shown is not None and "](" not in shown and "] (" not in shown:
        return []  # the common case: every bracket became a link or an image
    found = []
    prose = prose_lines(text)
    for index, (number, line) in enumerate(prose):
        for match in _OPENING.finditer(line):
            rest = line[match.end() :]
            spaced = match["space"] is not None
            if spaced and not _ADDRESS.match(rest):
                continue  # "[sic] (voir plus bas)": prose
            if not spaced and _closing(rest + _paragraph_after(prose, index)) >= 0:
                continue  # a well-formed image or link (Markdown reads an address on two lines)
            # The address and its ")" when the slip is the space, else the rest of the line.
            end = _closing(rest) if spaced else -1
            address = rest[: end + 1] if end >= 0 else rest.rstrip()[:60]
            # "] (" or "](" and the address, as the HTML shows them: the label may have
            # been changed by typography (smarty's quotes).
            joint = match[0][match[0].rindex("]") :]
            if shown is not None and escape(joint + address, quote=False) not in shown:
                continue  # Markdown made something of it after all (an address on two lines)
            opening = line[match.start() : match.end()]
            if spaced:
                suggestion = re.sub(r"\][ \t]+\($", "](", opening) + address
            else:  # the address is the first word: what follows is the sentence
                suggestion = f"{opening}{address.split(None, 1)[0] if address.strip() else ''})"
            found.append(
                MarkdownSlip(number, opening + address, bool(match["bang"]), spaced, suggestion)
            )
    return found


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(number, line) of the lines Markdown reads as prose: not the header, not code (its
    inline code spans blanked)."""
    lines = text.splitlines()
    start = 0
    if lines and ":" in lines[0] and not lines[0].startswith((" ", "\t")):
        start = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    found = []
    fence = ""
    blank_before = True
    for index in range(start, len(lines)):
        line = lines[index]
        opening = _FENCE.match(line)
        # Indented after a blank line (or after such code): a code block.
        indented_code = blank_before and line.startswith(("    ", "\t"))
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif not indented_code:
            found.append((index + 1, _INLINE_CODE.sub(lambda m: " " * len(m[0]), line)))
        blank_before = not line.strip() or indented_code
    return found


def _paragraph_after(prose: list[tuple[int, str]], index: int) -> str:
    """The lines that follow `prose[index]` in its paragraph, joined."""
    following = []
    for (number, line), (before, _) in zip(prose[index + 1 :], prose[index:], strict=False):
        if not line.strip() or number != before + 1:
            break
        following.append(line)
    return "\n".join(following)


def _closing(rest: str) -> int:
    """Where the ")" that closes the address starting `rest` is (those inside pair up:
    "x(1).jpg"), or -1."""
    depth = 0
    for index, char in enumerate(rest):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
    return -1
