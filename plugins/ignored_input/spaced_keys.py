"""A header key written with a space before its colon (`Title : Fête`), read as `Title:`.

French typography puts a space before « : », and editors type it. Python-Markdown's `meta`
extension, which reads Pelican's headers, ends the header at the first line it does not
recognise: `Title : Fête` made Pelican skip the article for want of a title, and a later
`Date : …` line made the rest of the header into text on the page. This Markdown extension
takes the spaces out of the header's key lines just before `meta` reads them; the checks
(source.header_lines) already read such a line as its key.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# The name Markdown imports the extension by, in the MARKDOWN setting: a string, so that the
# setting pickles (parallel Markdown workers) and reads the same in every build (caches).
NAME = "ignored_input.spaced_keys"

# meta's key line (markdown.extensions.meta.META_RE), with spaces before the colon: ordinary,
# no-break and narrow no-break spaces, as word processors and phones type them.
_SPACED_KEY = re.compile(r"^([ ]{0,3}[A-Za-z0-9_-]+)[ \t\u00a0\u202f]+:")
# meta also reads a header between "---" and "---" (or "..."): markdown.extensions.meta.
_YAML_START = re.compile(r"^-{3}(\s.*)?")
_YAML_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")


class _JoinColons(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        start = 1 if lines and _YAML_START.match(lines[0]) else 0
        for index in range(start, len(lines)):
            if not lines[index].strip() or _YAML_END.match(lines[index]):
                break  # where meta's header ends
            lines[index] = _SPACED_KEY.sub(r"\1:", lines[index], count=1)
        return lines


class SpacedKeysExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # meta runs at 27 and normalize_whitespace at 30: in between, on clean lines.
        md.preprocessors.register(_JoinColons(md), "spaced_keys", 28)


def makeExtension(**kwargs: Any) -> SpacedKeysExtension:
    return SpacedKeysExtension(**kwargs)


def read_spaced_keys(settings: dict[str, Any]) -> None:
    """Add the extension to the MARKDOWN setting (once: the setting may be reused)."""
    settings["MARKDOWN"].setdefault("extension_configs", {}).setdefault(NAME, {})
