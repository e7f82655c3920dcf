"""Two articles or pages with one address: the first keeps it, the other is left out with
an error that names both files and the fix.

An article's address comes from its year and its slug (the file name after the date, or a
`Slug:` line); a page's from its title or `Slug:`. A yearly event named the same way twice
in one year (`2026-03-07-reunion-du-bureau.md`, `2026-09-12-reunion-du-bureau.md`) gives
two articles one address, and Pelican stops the whole build with a traceback when it writes
the second. Here, before anything is listed or written, the one that had the address first
(published before hidden before draft, then the older, then by file name) keeps it; the
other is left out of the site, and said so:

    ERREUR content/articles/2026-09-12-reunion-du-bureau.md : son adresse
    /2026/reunion-du-bureau/ est déjà celle de content/articles/2026-03-07-reunion-du-bureau.md :
    non publié → renommez le fichier (par exemple 2026-09-12-reunion-du-bureau-septembre.md)
    ou ajoutez la ligne « Slug: reunion-du-bureau-septembre »

A page that takes the address of one the site makes itself (a page titled « Annonces » or
« Archives », a `Slug: 2025`) is caught by the incremental plugin's writer when the second
of the two is written; `invoke check` finds it before (`site_page_clashes`).

Pelican's own English warnings about items sharing a slug ("There are 2 items … with lang
fr", "There are 2 original (not translated) items …") are dropped (skipped.py): on its own,
a shared slug is harmless (`2025-06-07-fete-des-voisins.md` and
`2026-06-06-fete-des-voisins.md` have two addresses), and a shared address is said here.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican.readers import parse_path_metadata
from pelican.utils import slugify

from .dates import MONTHS
from .source import header_lines, shown

logger = logging.getLogger(__name__)

# The lists of ArticlesGenerator and PagesGenerator that Pelican writes, each item at its
# save_as. First the ones whose items keep an address when they share it.
ARTICLE_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations",
)  # fmt: skip
PAGE_LISTS = (
    "pages", "translations", "hidden_pages", "hidden_translations", "draft_pages",
    "draft_translations",
)  # fmt: skip
_STATUS_RANK = {"published": 0, "hidden": 1, "draft": 2}


def clashes(items: Iterable[Any]) -> list[tuple[Any, Any]]:
    """(kept, left out) for each item whose save_as another item has: the kept one is the
    first by status, then date, then source path (see the module's doc)."""
    by_address: dict[str, list[Any]] = {}
    for item in items:
        save_as = getattr(item, "save_as", "")
        if save_as:  # an empty save_as is not written
            by_address.setdefault(_normalised(save_as), []).append(item)
    found = []
    for group in by_address.values():
        if len(group) > 1:
            group.sort(key=_precedence)
            found += [(group[0], other) for other in group[1:]]
    return found


def _normalised(save_as: str) -> str:
    return re.sub(r"/+", "/", save_as.replace("\\", "/")).lstrip("/").lower()


def _precedence(item: Any) -> tuple[int, str, str]:
    date = getattr(item, "date", None)
    return (
        _STATUS_RANK.get(getattr(item, "status", ""), 3),
        date.isoformat() if date is not None else "",
        str(getattr(item, "source_path", "")),
    )


def leave_out_clashes(generator: Any, lists: tuple[str, ...]) -> None:
    """Removes from the generator's `lists` (in place: its context holds the same lists)
    every item whose address another one keeps, with an error for each."""
    held = [getattr(generator, name, None) or [] for name in lists]
    found = clashes(item for items in held for item in items)
    if not found:
        return
    left_out = {id(other) for _, other in found}
    for items in held:
        items[:] = [item for item in items if id(item) not in left_out]
    taken = {_normalised(item.save_as) for items in held for item in items}
    for kept, other in found:
        line, message, fix = described(kept, other, generator.settings, taken)
        where = shown(Path(other.source_path), generator.settings)
        logger.error("%s%s : %s → %s", where, f":{line}" if line else "", message, fix)


def described(
    kept: Any, other: Any, settings: dict[str, Any], taken: set[str]
) -> tuple[int, str, str]:
    """What to say of `other`, left out for `kept`: its line (0: the file name), the
    message and the fix, which names a slug no address in `taken` has."""
    line, fix = _fix(other, settings, taken)
    where = shown(Path(kept.source_path), settings)
    return line, f"son adresse /{other.url} est déjà celle de {where} : non publié", fix


def _fix(item: Any, settings: dict[str, Any], taken: set[str]) -> tuple[int, str]:
    """The line to change (0: the file name) and what to write, with a free slug."""
    slug = item.slug
    date = getattr(item, "date", None)
    # The month, made a slug as Pelican makes one: "2026-09-12-reunion-septembre.md".
    month = MONTHS[date.month - 1] if hasattr(date, "month") else ""
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    suggestion = f"{slug}-{slugify(month, regex_subs=subs)}" if month else f"{slug}-2"
    base, number = suggestion, 2
    while _normalised(item.save_as.replace(slug, suggestion)) in taken:
        number += 1
        suggestion = f"{base}-{number}"
    path = Path(item.source_path)
    keys = _key_lines(path)
    if "slug" in keys:
        return keys["slug"], f"changez cette ligne, par exemple « Slug: {suggestion} »"
    relative = os.path.relpath(path, settings["PATH"])
    if parse_path_metadata(relative, settings).get("slug") == slug:  # the name gives it
        renamed = path.name.replace(slug, suggestion, 1)
        return 0, (
            f"renommez le fichier (par exemple {renamed}) ou ajoutez la ligne "
            f"« Slug: {suggestion} »"
        )
    return keys.get("title", 0), (
        f"changez le titre, ou ajoutez la ligne « Slug: {suggestion} » pour garder ce titre"
    )


def _key_lines(path: Path) -> dict[str, int]:
    """Each header key of the file at `path` (lower case) → the line that gives its value:
    the first that writes it, as the build reads a key written twice (header_keys.py)."""
    try:
        lines = header_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}
    return {key.lower(): number for number, key, _ in reversed(lines)}


def planned_items(paths: list[Path], settings: dict[str, Any]) -> list[Any]:
    """Without a build (`invoke check`): the articles and pages Pelican would make of the
    files at `paths`, from their names and headers (not their text)."""
    return [item for item in (_planned(path, settings) for path in paths) if item]


def planned_clashes(
    planned: list[Any], settings: dict[str, Any]
) -> list[tuple[Any, int, str, str]]:
    """Of `planned_items`, those Pelican would leave out (`clashes`), each with
    `described`'s line, message and fix."""
    found = clashes(planned)
    left_out = {id(other) for _, other in found}
    taken = {_normalised(item.save_as) for item in planned if id(item) not in left_out}
    return [(other, *described(kept, other, settings, taken)) for kept, other in found]


def site_page_clashes(planned: list[Any], settings: dict[str, Any]) -> list[tuple[Any, int]]:
    """Without a build (`invoke check`): the planned articles and pages whose address is
    one the site gives a page of its own (the list of articles, of listings, the archives,
    a year's archive…), each with the line that makes its address. The build finds them
    when it writes the second of the two (incremental's writer, which words the error)."""
    own = {
        _normalised(value)
        for name, value in settings.items()
        if name.endswith("_SAVE_AS") and isinstance(value, str) and value and "{" not in value
    }
    years = settings.get("YEAR_ARCHIVE_SAVE_AS") or ""
    own |= {
        _normalised(years.format(date=item.date))
        for item in planned
        if years and getattr(item, "status", "") == "published" and hasattr(item, "date")
    }
    found = []
    for item in planned:
        if _normalised(item.save_as) not in own:
            continue
        keys = _key_lines(Path(item.source_path))
        found.append((item, keys.get("slug") or keys.get("title") or 0))
    return found


def _planned(path: Path, settings: dict[str, Any]) -> Any | None:
    """The article or page Pelican would make of the file at `path`, without its text, as
    pelican.readers.Readers.read_file does; None if Pelican would skip it."""
    from pelican.contents import Article, Page
    from pelican.readers import METADATA_PROCESSORS, default_metadata

    def process(name: str, value: Any) -> Any:
        processor = METADATA_PROCESSORS.get(name)
        return processor(value, settings) if processor else value

    content = Path(settings["PATH"])
    try:
        text = path.read_text(encoding="utf-8-sig")
        relative = str(path.relative_to(content))
        metadata = dict(default_metadata(settings=settings, process=process))
        metadata.update(parse_path_metadata(relative, settings=settings, process=process))
        # A key written twice: the first counts (header_keys.py), hence reversed.
        lines = reversed(header_lines(text))
        metadata.update({key.lower(): process(key.lower(), v) for _, key, v in lines})
    except (OSError, UnicodeDecodeError, ValueError, TypeError):
        return None  # skip_problems says why Pelican would skip it
    # What processors give for an empty value (Pelican's private _DISCARD) is left out, as
    # Readers.read_file does.
    discard = METADATA_PROCESSORS["slug"]("", settings)
    metadata = {key: value for key, value in metadata.items() if value is not discard}
    under_pages = any(path.is_relative_to(content / f) for f in settings.get("PAGE_PATHS", []))
    kind = Page if under_pages else Article
    try:
        item = kind("", metadata=metadata, settings=settings, source_path=str(path))
        item.save_as  # noqa: B018 - computed here, where a failure is caught
    except Exception:  # Pelican would not make it either: the other checks say why
        return None
    if getattr(item, "status", "") not in _STATUS_RANK or not getattr(item, "title", ""):
        return None
    return item
