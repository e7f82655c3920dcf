"""`{filename}` links to a file that is there but that the published site will not have.

Pelican resolves `[la fête]({filename}/articles/2026-06-21-fete.md)` to the address of the
article it names. links.py reports a link to a file that does not exist; two links to a file
that does exist still lead nowhere on the published site:

- **a draft** (`Status: draft`): the local build writes it under /brouillons/, so the link
  works in the preview, but the production build (publishconf.py) publishes no draft. The
  editor learned it only from the SEO check of `invoke publish`, by a page address;
- **a file that is not published**: an article Pelican skipped (no title, a date it cannot
  read), a listing with an error. Pelican said "Unable to find '…'" in English, without the
  article, and left `{filename}` in the page.

`unpublished_links()` finds them in the HTML Pelican read (before it replaces the links), so
a build reads no file for them; only a link found reads its source again, for the line.
`draft_links()` finds the first kind in a source's text, for `invoke check`, which builds
nothing (a listing with an error is reported by its own check there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .links import MARKED, SOURCE_SUFFIXES, addresses, marked_links
from .source import shown


@dataclass(frozen=True)
class UnpublishedLink:
    """A `{filename}` link to a source that is a draft, or that is not published."""

    line: int
    written: str  # "{filename}2026-06-21-fete.md", as the source writes it
    target: str  # what Pelican looks up, and names in its "Unable to find" message
    file: Path  # content/articles/2026-06-21-fete.md, as editors see it
    draft: bool

    @property
    def message(self) -> str:
        if self.draft:
            return (
                f"le lien « {self.written} » vise un brouillon (Status: draft) : il marche "
                "dans l’aperçu, mais le site publié n’a pas cette page"
            )
        return f"le lien « {self.written} » vise {self.file}, qui n’est pas publié : il reste mort"

    @property
    def hint(self) -> str:
        if self.draft:
            return f"publiez d’abord {self.file} (Status: published), ou retirez le lien"
        return f"corrigez {self.file} (voyez les messages qui le nomment), ou retirez le lien"


def filename_links(settings: dict[str, Any]) -> re.Pattern[str]:
    """The links Pelican replaces in a content's HTML (Content._get_intrasite_link_regex,
    from the public INTRASITE_LINK_REGEX setting): groups `what`, `path` (as written) and
    `value` (after the marker)."""
    return re.compile(
        r"""<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*"""
        rf"""(?P<quote>["'])(?P<path>{settings["INTRASITE_LINK_REGEX"]}(?P<value>.*?))"""
        r"""(?P=quote)"""
    )


def _source_keys(instance: Any, value: str) -> list[str]:
    """The keys Pelican tries in `generated_content` for a link's `value`, in its order
    (Content._link_replacer): the path, then unquoted, then HTML-unescaped."""
    keys = []
    for path in (
        urlsplit(value).path,
        unquote(urlsplit(value).path),
        urlsplit(unescape(value)).path,
    ):
        if path.startswith("/"):
            keys.append(path[1:])
        else:
            keys.append(instance.get_relative_source_path(str(Path(instance.relative_dir) / path)))
    return keys


def unpublished_links(
    contents: Iterable[Any], context: dict[str, Any], settings: dict[str, Any]
) -> list[tuple[Any, UnpublishedLink]]:
    """Each `{filename}` link of `contents` (articles and pages) to a draft, or to a file of
    the content folder that nothing published, with the content that writes it. `context`
    is Pelican's: its `generated_content` maps a source path from PATH to what was read,
    drafts included, and `static_content` the static files, which Pelican also links with
    `{filename}`."""
    generated = context.get("generated_content", {})
    static = context.get("static_content", {})
    regex = filename_links(settings)
    root = Path(settings["PATH"])
    found = []
    for instance in contents:
        html = getattr(instance, "_content", None) or ""
        if "filename" not in html:
            continue  # most pages: not one such link
        dead: list[tuple[str, Path, bool]] = []
        for match in regex.finditer(html):
            if match["what"] != "filename" or not urlsplit(match["value"]).path:
                continue
            keys = _source_keys(instance, match["value"])
            target = next((generated[key] for key in keys if key in generated), None)
            if target is None and any(key in static for key in keys):
                continue  # a static file: Pelican links it all the same
            if target is not None:
                if getattr(target, "status", None) != "draft":
                    continue  # a published article, page or listing
                file, draft = Path(target.source_path), True
            elif (root / keys[0]).is_file():
                file, draft = root / keys[0], False
                if file.suffix.lower() not in SOURCE_SUFFIXES:
                    continue  # a document: links.DocumentLink gives the {static} link
            else:
                continue  # no such file: links.py says so
            dead.append((match["value"], file, draft))
        if dead:
            found += [(instance, link) for link in _as_written(instance, dead, settings)]
    return found


def _as_written(
    instance: Any, dead: list[tuple[str, Path, bool]], settings: dict[str, Any]
) -> list[UnpublishedLink]:
    """The links `dead` ((what follows the marker, file, draft)) with their lines, as the
    source of `instance` writes them (line 0 when the source cannot be read again)."""
    try:
        text = Path(instance.source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    lines: dict[str, tuple[int, str]] = {}
    for number, written, _attribute in addresses(text):
        marked = MARKED.match(written)
        if marked:
            lines.setdefault(unescape(written[marked.end() :]), (number, written))
    found = []
    for value, file, draft in dead:
        number, written = lines.get(unescape(value), (0, f"{{filename}}{value}"))
        found.append(UnpublishedLink(number, written, value, shown(file, settings), draft))
    return found


def draft_links(
    path: Path, text: str, drafts: set[Path], settings: dict[str, Any]
) -> list[UnpublishedLink]:
    """Without a build: the `{filename}` links of `text` (the source at `path`) to one of
    `drafts` (paths of the sources that are drafts, as `marked_links` resolves them)."""
    return [
        UnpublishedLink(number, written, target, shown(file, settings), draft=True)
        for number, written, marker, target, file in marked_links(
            path, text, Path(settings["PATH"])
        )
        if "filename" in marker and file in drafts
    ]
