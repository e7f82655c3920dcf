"""Checking content without building: articles' headers and the images pages show."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

DATED_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-")


def article_problems(settings: dict[str, Any]) -> tuple[int, list[Any], list[Any]]:
    """Problems in articles and pages that would make Pelican skip them, with their lines,
    and warnings about what it would ignore (a mistyped header key)."""
    from ignored_input import (
        header_lines,
        known_keys,
        unknown_keys,
        unread_files,
        unread_message,
    )
    from listings.errors import ContentError
    from pelican.readers import Readers
    from pelican.utils import get_date

    content = Path(settings["PATH"])
    sources = [
        path
        for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"])
        for path in sorted((content / folder).rglob("*.md"))
    ]
    problems: list[ContentError] = []
    warnings: list[ContentError] = []
    known = known_keys(settings)
    for path in sources:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.append(
                ContentError(
                    path,
                    0,
                    "ce fichier n’est pas écrit en UTF-8",
                    "enregistrez-le en UTF-8 depuis votre éditeur de texte",
                )
            )
            continue
        warnings += [
            ContentError(path, unknown.line, unknown.message(), unknown.hint())
            for unknown in unknown_keys(text, known)
        ]
        header = {key.lower(): (number, value) for number, key, value in header_lines(text)}
        if not header.get("title", (0, ""))[1]:
            problems.append(
                ContentError(
                    path,
                    1,
                    "il manque le titre",
                    "ajoutez en première ligne « Title: Le titre de l’article »",
                )
            )
        if "date" in header:
            number, value = header["date"]
            try:
                get_date(value)
            except ValueError:
                problems.append(
                    ContentError(
                        path,
                        number,
                        f"« Date » : « {value} » n’est pas une date",
                        "écrivez AAAA-MM-JJ HH:MM, par exemple 2026-11-23 18:30",
                    )
                )
        elif path.is_relative_to(content / "articles") and not DATED_NAME.match(path.name):
            problems.append(
                ContentError(
                    path,
                    1,
                    "l’article n’a pas de date",
                    "nommez le fichier AAAA-MM-JJ-titre.md ou ajoutez « Date: … »",
                )
            )
    extensions = set(Readers(settings).extensions) - {"static"}
    message, hint = unread_message(extensions)
    warnings += [
        ContentError(path, 0, message, hint) for path in unread_files(settings, extensions)
    ]
    return len(sources), problems, warnings


def image_problems(settings: dict[str, Any], listings: list[Any]) -> list[Any]:
    """Images used by articles, pages and listings that the thumbnails plugin cannot render."""
    from listings.errors import ContentError
    from thumbnails.check import image_problems as unusable_images
    from thumbnails.check import referenced_images
    from thumbnails.settings import configure as configure_thumbnails

    configure_thumbnails(settings)
    content = Path(settings["PATH"])
    uses: dict[Path, set[Path]] = {}
    for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]):
        for page in sorted((content / folder).rglob("*.md")):
            text = page.read_text(encoding="utf-8", errors="replace")
            for image in referenced_images(page, text, settings):
                uses.setdefault(image, set()).add(page)
    photos_root = content / settings["LISTING_PHOTOS_PATH"]
    for listing in listings:
        for photo in listing.photos:
            uses.setdefault((photos_root / photo.path).resolve(), set()).add(listing.source_path)
    return [
        ContentError(
            image,
            0,
            f"{problem} (utilisée par "
            + ", ".join(os.path.relpath(page, content.parent) for page in pages)
            + ")",
            "remplacez-la par une photo JPEG, PNG, WebP ou HEIC lisible",
        )
        for image, pages, problem in unusable_images(uses, settings)
    ]
