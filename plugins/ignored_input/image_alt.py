"""Images without a description: `![]({static}/images/plan.jpg)`.

What is written between the brackets becomes the image's `alt`, the text a screen reader
says in its place and a browser shows when the photo does not load. Left empty, the image
says nothing to those who do not see it (WCAG 1.1.1). Pelican warns "Empty alt attribute
for image plan.jpg in /…/fete.md", in English and without the line; this module finds the
line in the source, with the image as written, and the plugin says it in French instead.
Pelican's line is dropped only for an image found here (`names_image`); the SEO checklist
names every one in the built pages too.

`<img alt="" role="presentation">` (or `aria-hidden="true"`) in HTML is an image meant to
be passed over: it is not reported. Markdown has no way to say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_slips import prose_lines

# Pelican's own test (pelican.readers.find_empty_alt), on the HTML it read: an <img> whose
# alt is "" or ''. Cheap, so a build reads no source for an article without one.
EMPTY_ALT_HTML = re.compile(r"""<img\b[^>]*\balt=(["'])\1""", re.IGNORECASE)
# Pelican's message (its log filter limits it: the plugin's filter runs first).
PELICAN_EMPTY_ALT = "Empty alt attribute for image %s in %s"

# "![](" or "![ ][ref]": a Markdown image with nothing between its brackets.
_MARKDOWN = re.compile(r"!\[[ \t]*\](?=[(\[])")
_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True)
class EmptyAlt:
    """An image with an empty description: its line and how the source writes it."""

    line: int
    written: str  # "![]({static}/images/plan.jpg)" or '<img src="plan.jpg" alt="">'
    markdown: bool

    @property
    def message(self) -> str:
        return (
            f"l’image « {self.written} » n’a pas de description : un lecteur d’écran n’en dit "
            "rien, et qui ne la voit pas ignore ce qu’elle montre"
        )

    @property
    def hint(self) -> str:
        if self.markdown:
            described = "![Ce que montre la photo]" + self.written[self.written.index("]") + 1 :]
            return f"écrivez entre les crochets ce qu’elle montre, en une phrase : « {described} »"
        return (
            'écrivez dans alt="…" ce qu’elle montre, en une phrase ; une image purement '
            'décorative prend role="presentation"'
        )


def empty_alts(text: str) -> list[EmptyAlt]:
    """The images of `text` (a Markdown source), outside code, with an empty description."""
    found = []
    for number, line in prose_lines(text):
        if "![" in line:
            for match in _MARKDOWN.finditer(line):
                found.append(EmptyAlt(number, _image_as_written(line, match.start()), True))
        if "<img" in line.lower():
            for tag in _TAG.finditer(line):
                attributes = _attributes(tag[0])
                if attributes.get("alt") == "" and not _decorative(attributes):
                    found.append(EmptyAlt(number, tag[0], False))
    return found


def _image_as_written(line: str, start: int) -> str:
    """`![](address)` from `start` in `line`, up to its closing bracket or parenthesis."""
    rest = line[start:]
    opening = rest.index("]") + 1
    closing = ")" if rest[opening] == "(" else "]"
    end = rest.find(closing, opening + 1)
    return rest[: end + 1] if end >= 0 else rest.rstrip()


def _attributes(tag: str) -> dict[str, str]:
    return {
        match[1].lower(): next((value for value in match.groups()[1:] if value is not None), "")
        for match in _ATTRIBUTE.finditer(tag)
    }


def _decorative(attributes: dict[str, str]) -> bool:
    return attributes.get("role") == "presentation" or attributes.get("aria-hidden") == "true"


def names_image(found: list[EmptyAlt], name: str) -> bool:
    """Whether `found` holds the image Pelican names by its file name (`plan.jpg`)."""
    return any(re.search(rf"[/({{}}\s\"'=]{re.escape(name)}\b", item.written) for item in found)
