"""Header lines Markdown's `meta` extension would stop at, written so that it reads on.

`meta`, which reads Pelican's headers, ends the header at the first line that is not
`Key: value` with a key of ASCII letters, digits, `_` or `-` and the colon right after it.
Every header line after that one became text on the page, and its keys were lost. Editors
write two such lines:

- `Title : Fête`: French typography puts a space before « : ». With `Title`, Pelican
  skipped the article for want of a title.
- `Résumé: …`, `Mots clés: …`: a key in French. That line is meant to be ignored (the plugin
  warns, with the key to write: `unknown_keys`), but not the lines after it.

Just before `meta` reads the header, this extension joins each key to its colon and writes
a key `meta` cannot read as its ASCII form (`Resume`, `Mots-cles`). `meta` then reads the
whole header: an unknown key stays unknown (Pelican keeps it, nothing reads it), and the
warning about it stands. A "key" of more than two words is left as it is: it is rather a
sentence written under the header without a blank line, which Markdown shows as text.

A value continued on an indented line (`Title: Une fête` then `    pour tous`) is joined to
its key's line: meta made a list of the two, which Pelican showed as the title
['Une fête', 'pour tous'] and split wrongly into tags.

A key written a second time (`Title:` twice, `Image:` twice) is renamed `Title--repeated`:
only the first counts, as Pelican has it for Tags:, Date: and its other keys. Without this,
a second Title: made the title a list, shown as ['Fête', 'Repas'], and a second Image: a
list the theme could not read. Nothing reads the renamed key; being unknown, it sends the
file to the plugin's checks, which warn with both lines (header_values.repeated_keys).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# The name Markdown imports the extension by, in the MARKDOWN setting: a string, so that the
# setting pickles (parallel Markdown workers) and reads the same in every build (caches).
NAME = "ignored_input.header_keys"

# A key line as `meta` finds them (at most 3 spaces before it: 4 continue the value above),
# with any spaces before the colon: ordinary, no-break and narrow no-break ones.
_KEY_LINE = re.compile(r"^([ ]{0,3})([^\s:][^:]*?)[ \t\u00a0\u202f]*:(.*)$")
_NOT_KEY = re.compile(r"[^A-Za-z0-9_-]+")
# meta also reads a header between "---" and "---" (or "..."): markdown.extensions.meta.
_YAML_START = re.compile(r"^-{3}(\s.*)?")
_YAML_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# What a key written a second time becomes (lower case, as meta gives keys).
REPEATED = "--repeated"
# A line that continues the value above it, for meta: four spaces or more.
_CONTINUED = re.compile(r"^[ ]{4,}\S")


def readable_key(key: str) -> str:
    """`key` as `meta` can read it: « Résumé » → Resume, « Mots clés » → Mots-cles ("" if
    nothing of it is left)."""
    ascii_only = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return _NOT_KEY.sub("-", ascii_only).strip("-")


def meta_key(written: str) -> str:
    """The key `meta` reads for a header line's key as written (readable_key), or "" for
    what is not a key: more than two words are a sentence, not a key."""
    return readable_key(written) if len(written.split()) <= 2 else ""


class _ReadableHeader(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        start = 1 if lines and _YAML_START.match(lines[0]) else 0
        seen: set[str] = set()
        header: list[str] = lines[:start]
        end = len(lines)
        after_key = False  # the line above is a key's, or continues one
        for index in range(start, len(lines)):
            line = lines[index]
            if not line.strip() or _YAML_END.match(line):
                end = index
                break  # where meta's header ends
            if after_key and _CONTINUED.match(line):
                # One value, not a list: meta would make ["Une fête", "pour tous"] of it.
                header[-1] = f"{header[-1].rstrip()} {line.strip()}"
                continue
            found = _KEY_LINE.match(line)
            key = meta_key(found[2]) if found is not None else ""
            after_key = bool(key)
            if found is not None and key:
                if key.lower() in seen:
                    key += REPEATED
                seen.add(key.lower())
                line = f"{found[1]}{key}:{found[3]}"
            header.append(line)
        return header + lines[end:]


class HeaderKeysExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # meta runs at 27 and normalize_whitespace at 30: in between, on clean lines.
        md.preprocessors.register(_ReadableHeader(md), "header_keys", 28)


def makeExtension(**kwargs: Any) -> HeaderKeysExtension:
    return HeaderKeysExtension(**kwargs)


def read_header_keys(settings: dict[str, Any]) -> None:
    """Add the extension to the MARKDOWN setting (once: the setting may be reused)."""
    settings["MARKDOWN"].setdefault("extension_configs", {}).setdefault(NAME, {})
