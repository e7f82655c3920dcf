"""Python-Markdown's smarty extension, without its work on text it cannot change.

smarty turns `--`, `...` and straight quotes into –, … and curly quotes. It does so in a
pass of its own after Markdown's inline pass: 18 regular expressions tried on every piece of
text of the page, one after the other. On the benchmark's articles that pass doubled the
cost of converting an article (about 2.6 ms without it, 5 ms with it). Yet each of those
expressions needs a straight quote, two dashes, three dots or a doubled angle bracket to
match. This extension is smarty with a gate: a page, or a piece of text, holding none of
them is left as it is; any other goes through smarty's own code, unchanged. So the HTML is
smarty's to the byte (tests/test_quick_smarty.py compares them).

Text typed with typographic apostrophes (’, as phones and word processors write them) gains
the most; text full of straight quotes still runs every expression where one appears.

As a Pelican plugin, it puts itself in place of `markdown.extensions.smarty` (or `smarty`)
in the MARKDOWN setting, with the same options, so `pelicanconf.py` goes on naming smarty.
As a Markdown extension (`quick_smarty`), it takes smarty's options.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

NAME = "quick_smarty"
SMARTY_NAMES = ("markdown.extensions.smarty", "smarty")

# What every smarty expression needs to match: a straight quote (quotes, decade
# abbreviations), two dashes (en and em dashes), three dots (ellipsis), « << » or « >> »
# (angled quotes). If smarty gains an expression, the comparison test tells.
_TRIGGER = re.compile(r"['\"]|--|\.\.\.|<<|>>")


def _may_change(text: Any) -> bool:
    return bool(text) and not isinstance(text, AtomicString) and _TRIGGER.search(text) is not None


class _GatedInlineProcessor(InlineProcessor):
    """smarty's inline pass, skipped where none of its expressions can match."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        # The pass reads only elements' text and tails: a page with no trigger anywhere is
        # returned as is, without walking it piece by piece.
        if not any(_may_change(node.text) or _may_change(node.tail) for node in tree.iter()):
            return tree
        return super().run(tree, ancestors)

    # InlineProcessor.__handleInline, which applies every pattern to one piece of text (the
    # name Python gives a double-underscore method, so that InlineProcessor's calls land
    # here). A piece without a trigger would come back unchanged from all 18 patterns.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if not _may_change(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


class QuickSmartyExtension(SmartyExtension):
    """SmartyExtension whose pass skips text it cannot change."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        plain = md.treeprocessors["smarty"]
        gated = _GatedInlineProcessor(md)
        gated.inlinePatterns = plain.inlinePatterns
        md.treeprocessors.register(gated, "smarty", 6)  # replaces smarty's, same priority


def makeExtension(**kwargs: Any) -> QuickSmartyExtension:
    return QuickSmartyExtension(**kwargs)


def use_quick_smarty(settings: dict[str, Any]) -> None:
    """Put this extension where MARKDOWN names smarty, with its options, in the same place
    of the list (the order of extensions decides that of processors of equal priority)."""
    markdown = settings.get("MARKDOWN")
    if not isinstance(markdown, dict):
        return
    configs = markdown.get("extension_configs")
    if isinstance(configs, dict) and any(name in configs for name in SMARTY_NAMES):
        markdown["extension_configs"] = {
            (NAME if name in SMARTY_NAMES else name): value for name, value in configs.items()
        }
    extensions = markdown.get("extensions")
    if isinstance(extensions, list):
        markdown["extensions"] = [NAME if e in SMARTY_NAMES else e for e in extensions]


def _initialized(pelican: Any) -> None:
    use_quick_smarty(pelican.settings)


def register() -> None:
    """Pelican entry point: at `initialized`, before any reader exists."""
    from pelican import signals

    signals.initialized.connect(_initialized)
