"""Checking content without building: articles' headers and the images pages show."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def markdown_sources(settings: dict[str, Any]) -> list[Path]:
    """The Markdown files of articles and pages, as Pelican finds them."""
    content = Path(settings["PATH"])
    return [
        path
        for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"])
        for path in sorted((content / folder).rglob("*.md"))
        # A folder named "x.md" holds no article: Pelican walks into it, and so do we.
        if path.is_file()
    ]


def article_problems(settings: dict[str, Any]) -> tuple[int, list[Any], list[Any]]:
    """Problems in articles and pages that would make Pelican skip them, with their lines,
    and warnings about what it would ignore (a mistyped header key, a link to no file)."""
    from ignored_input import file_problems, header_lines, known_keys, unread_files, unread_message
    from ignored_input.addresses import planned_clashes, planned_items, site_page_clashes
    from ignored_input.dates import build_date, dated_ahead, is_ahead
    from ignored_input.link_targets import draft_links
    from ignored_input.spellings import variant_spellings
    from incremental.writer import SITE_PAGE, SITE_PAGE_FIX
    from listings.errors import ContentError
    from pelican.contents import Article
    from pelican.readers import Readers

    sources = markdown_sources(settings)
    problems: list[ContentError] = []
    warnings: list[ContentError] = []
    known = known_keys(settings)
    for path in sources:
        errors, cautions = file_problems(path, settings, known)
        problems += [ContentError(path, e.line, e.message, e.hint) for e in errors]
        warnings += [ContentError(path, w.line, w.message, w.hint) for w in cautions]
    # Two files with one address: the build leaves the second out (ignored_input).
    planned = planned_items(sources, settings)
    for item, line, message, hint in planned_clashes(planned, settings):
        problems.append(ContentError(Path(item.source_path), line, message, hint))
    # The address of a page the site makes (/annonces/, /archives/): the build says so when
    # it writes the second of the two (incremental's writer).
    for item, line in site_page_clashes(planned, settings):
        message = f"son adresse /{item.url} est celle d’{SITE_PAGE} : l’une des deux manquera"
        problems.append(ContentError(Path(item.source_path), line, message, SITE_PAGE_FIX))
    # A link to a draft: it works in the preview, not on the published site (ignored_input).
    drafts = {Path(os.path.normpath(i.source_path)) for i in planned if i.status == "draft"}
    for path in sources if drafts else ():
        if Path(os.path.normpath(path)) not in drafts:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            warnings += [
                ContentError(path, w.line, w.message, w.hint)
                for w in draft_links(path, text, drafts, settings)
            ]
    # A category, tag or author written two ways: the lists show one (ignored_input).
    published = [
        item for item in planned if isinstance(item, Article) and item.status == "published"
    ]
    for spelling in variant_spellings(published):
        warnings.append(
            ContentError(spelling.source, spelling.line(), spelling.message, spelling.hint)
        )
    # Dated more than a month ahead, as Pelican reads the date (header, file name or
    # default): a slip of the year (ignored_input). The header is read again only then.
    today = build_date(settings)
    for item in published:
        if is_ahead(getattr(item, "date", None), today):  # no date: skip_problems says so
            path = Path(item.source_path)
            lines = header_lines(path.read_text(encoding="utf-8-sig", errors="replace"))
            warnings += [
                ContentError(path, p.line, p.message, p.hint)
                for p in dated_ahead(lines, item.date, today)
            ]
    problems += third_party_problems(sources, settings)
    extensions = set(Readers(settings).extensions) - {"static"}
    message, hint = unread_message(extensions)
    warnings += [
        ContentError(path, 0, message, hint) for path in unread_files(settings, extensions)
    ]
    return len(sources), problems, warnings


def third_party_problems(sources: list[Path], settings: dict[str, Any]) -> list[Any]:
    """What an article or a page makes visitors load from another site (a video's
    <iframe>): the build's SEO check reports it as an error, which stops `publish`."""
    from ignored_input.markdown_slips import prose_lines
    from listings.errors import ContentError
    from seo_checklist.privacy import THIRD_PARTY_FIX, third_parties_in_prose

    allowed = settings.get("SEO_THIRD_PARTY_HOSTS") or []
    problems = []
    for path in sources:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if "//" not in text:
            continue  # no absolute address at all
        prose = prose_lines(text)
        for line, message in third_parties_in_prose(prose, settings["SITEURL"], allowed):
            problems.append(
                ContentError(path, line, message.rstrip("."), THIRD_PARTY_FIX.rstrip("."))
            )
    return problems


def image_problems(settings: dict[str, Any], listings: list[Any]) -> list[Any]:
    """Images used by articles, pages and listings that the thumbnails plugin cannot render."""
    from ignored_input import header_lines
    from listings.errors import ContentError
    from thumbnails.check import image_problems as unusable_images
    from thumbnails.check import mention_line, referenced_images
    from thumbnails.settings import configure as configure_thumbnails

    configure_thumbnails(settings)
    content = Path(settings["PATH"])
    uses: dict[Path, set[Path]] = {}
    for page in markdown_sources(settings):
        text = page.read_text(encoding="utf-8", errors="replace")
        for image in referenced_images(page, text, settings):
            uses.setdefault(image, set()).add(page)
        # The sharing image of the header (theme's article.html), from content/.
        for _, key, value in header_lines(text):
            if key.lower() == "image" and value and not urlsplit(value).scheme:
                uses.setdefault((content / value.lstrip("/")).resolve(), set()).add(page)
    photos_root = content / settings["LISTING_PHOTOS_PATH"]
    for listing in listings:
        for photo in listing.photos:
            uses.setdefault((photos_root / photo.path).resolve(), set()).add(listing.source_path)

    def where(page: Path, image: Path) -> str:
        line = mention_line(page, image)
        return os.path.relpath(page, content.parent) + (f":{line}" if line else "")

    return [
        ContentError(
            image,
            0,
            f"{problem} (utilisée par " + ", ".join(where(page, image) for page in pages) + ")",
            problem.fix,
        )
        for image, pages, problem in unusable_images(uses, settings)
    ]
