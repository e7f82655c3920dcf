"""Why Pelican leaves an article or a page out of the site, said so an editor can mend it.

Pelican skips a Markdown file whose title is missing, whose date it cannot read or whose
status it does not know, and says so in English, if at all: for a date it cannot read, the
whole message is "Could not process articles/x.md", without the line or the reason. An
editor who wrote `Date: 31/02/2026` or `Status: brouillon` has an article missing from the
site and nothing to go on.

`PelicanMessages` is a logging filter on Pelican's loggers: it recognises those messages by
their format strings, reads the file again, and logs instead, as errors, one line per
problem with its line and the fix:

    ERREUR content/articles/2026-11-20-fete.md:2 : « Date » : « 31/02/2026 » n’est pas une
    date : non publié → écrivez AAAA-MM-JJ HH:MM, par exemple 2026-11-23 18:30

`skip_problems()` is the same rules without a build, for a command that checks content
(`invoke check`). A failure the rules do not explain keeps Pelican's message, with the
reason Pelican leaves out.

The same filter drops Pelican's "Unable to find '…', skipping url replacement." and
"Cannot get modification stamp for …" for the links the plugin has already named with
their file and line (links.py), and its warnings about items sharing a slug (addresses.py
reports those that share an address, the only case that matters), and its "{filename} used
for linking to static content" for the documents the plugin has named (links.DocumentLink).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pelican.readers import parse_path_metadata
from pelican.utils import get_date

from .attach_links import CANNOT_RELOCATE, cannot_relocate
from .image_alt import PELICAN_EMPTY_ALT, EmptyAlt, empty_alts, names_image
from .link_targets import UnpublishedLink
from .links import BrokenLink, DocumentLink, linked_file
from .source import english_key, header_lines, shown

logger = logging.getLogger(__name__)

# Pelican 4.12's own messages (pelican/generators.py, pelican/contents.py).
COULD_NOT_PROCESS = "Could not process %s"
MISSING_PROPERTY = "Skipping %s: could not find information about '%s'"
UNKNOWN_STATUS = "Unknown status '%s' for file %s, skipping it. (Not in %s)"
UNABLE_TO_FIND = "Unable to find '%s', skipping url replacement."
STATIC_BY_FILENAME = "{filename} used for linking to static content %s in %s. Use {static} instead"
# pelican/cache.py: the static generator asks the date of each file a {static} link names.
NO_STAMP = "Cannot get modification stamp for %s\n\t%s"
# pelican/utils.py, process_translations: items sharing a slug (addresses.py says when
# that matters: when they share an address). The format strings end with one "\n%s" per
# item, hence a prefix.
SAME_SLUG = (
    'There are %s items "%s" with lang %s: ',
    "There are %s original (not translated) items %s: ",
)
PELICAN_LOGGERS = (
    "pelican.generators",
    "pelican.contents",
    "pelican.cache",
    "pelican.utils",
    "pelican.readers",  # "Empty alt attribute" (image_alt.py)
)

# Pelican.contents.Article/Page.allowed_statuses; "skip" is Pelican's own, not for editors.
STATUSES = ("published", "draft", "hidden", "skip")
# What a French-speaking editor writes instead.
FRENCH_STATUSES = {
    "publié": "published", "publiée": "published", "publie": "published",
    "publiee": "published", "publier": "published", "brouillon": "draft",
    "caché": "hidden", "cachée": "hidden", "cache": "hidden", "masqué": "hidden",
    "masquée": "hidden", "masque": "hidden",
}  # fmt: skip
STATUS_HINT = (
    "écrivez « Status: draft » (brouillon, non publié), « Status: published » (publié) ou "
    "« Status: hidden » (publié sans figurer dans les listes)"
)


@dataclass(frozen=True)
class Problem:
    """Why a file is left out: its line (0: the whole file), what is wrong, the fix."""

    line: int
    message: str
    hint: str


NOT_UTF8 = Problem(
    0, "ce fichier n’est pas écrit en UTF-8", "enregistrez-le en UTF-8 depuis votre éditeur"
)


def skip_problems(path: Path, text: str, settings: dict[str, Any]) -> list[Problem]:
    """What makes Pelican skip this article or page (`text`, the file at `path`)."""
    lines = header_lines(text)
    fields = {key.lower(): (number, value) for number, key, value in lines}
    problems = []
    if not fields.get("title", (0, ""))[1]:
        problems.append(_no_title(lines))
    if "date" in fields:
        number, value = fields["date"]
        try:
            get_date(value)
        except ValueError:
            problems.append(
                Problem(
                    number,
                    f"« Date » : « {value} » n’est pas une date",
                    "écrivez AAAA-MM-JJ HH:MM, par exemple 2026-11-23 18:30",
                )
            )
    elif _is_article(path, settings) and not _dated_elsewhere(path, settings):
        problems.append(
            Problem(
                1,
                "l’article n’a pas de date",
                "nommez le fichier AAAA-MM-JJ-titre.md ou ajoutez « Date: … »",
            )
        )
    if "status" in fields:
        number, value = fields["status"]
        status = value.strip().lower()
        if status not in STATUSES:
            meant = FRENCH_STATUSES.get(status)
            hint = f"écrivez « Status: {meant} »" if meant else STATUS_HINT
            problems.append(
                Problem(number, f"« Status » : « {value} » n’est pas un statut connu", hint)
            )
    return problems


def _no_title(lines: list[tuple[int, str, str]]) -> Problem:
    """The missing title, pointing at the `Titre:` line (of `header_lines`) if the editor
    wrote one, or at an empty `Title:`."""
    for number, key, value in lines:
        if key.lower() == "title" and not value:
            return Problem(
                number, "le titre est vide", "écrivez le titre après « Title: », sur cette ligne"
            )
        if english_key(key) == "title" and value:
            return Problem(
                number,
                f"il manque le titre (la clé « {key} » n’est pas lue)",
                f"écrivez « Title: {value} » (les clés s’écrivent en anglais)",
            )
    return Problem(1, "il manque le titre", "ajoutez en première ligne « Title: Le titre »")


def leave_out_untitled(generator: Any, lists: tuple[str, ...]) -> None:
    """Removes from the generator's `lists` (in place: its context holds the same lists)
    every item whose title is empty, with the error `invoke check` gives. Pelican skips a
    file without a `Title:` line, but publishes one whose `Title:` is empty: a page with an
    empty heading, and an empty link to it in every list."""
    for name in lists:
        items = getattr(generator, name, None) or []
        untitled = [item for item in items if not str(getattr(item, "title", "")).strip()]
        if not untitled:
            continue
        items[:] = [item for item in items if all(item is not other for other in untitled)]
        for item in untitled:
            path = Path(item.source_path)
            try:
                problem = _no_title(header_lines(path.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError):
                problem = _no_title([])
            logger.error(
                "%s:%d : %s : non publié → %s",
                shown(path, generator.settings),
                problem.line,
                problem.message,
                problem.hint,
            )


def _is_article(path: Path, settings: dict[str, Any]) -> bool:
    """Under ARTICLE_PATHS and not under PAGE_PATHS (pages need no date)."""
    return _under(path, settings.get("ARTICLE_PATHS", [""]), settings) and not is_page(
        path, settings
    )


def is_page(path: Path, settings: dict[str, Any]) -> bool:
    """Under PAGE_PATHS: Pelican reads it as a page."""
    return _under(path, settings.get("PAGE_PATHS", []), settings)


def _under(path: Path, folders: list[str], settings: dict[str, Any]) -> bool:
    content = Path(settings["PATH"]).resolve()
    path = path.resolve()
    return any(path.is_relative_to(content / folder) for folder in folders)


def _dated_elsewhere(path: Path, settings: dict[str, Any]) -> bool:
    """Whether the file name, its path or DEFAULT_DATE give the article its date."""
    if settings.get("DEFAULT_DATE"):
        return True
    content = Path(settings["PATH"]).resolve()
    resolved = path.resolve()
    relative = resolved.relative_to(content).as_posix() if resolved.is_relative_to(content) else ""
    try:  # FILENAME_METADATA and PATH_METADATA, matched as Pelican matches them
        return bool(parse_path_metadata(relative, settings).get("date"))
    except re.error:
        return False  # Pelican reports a broken pattern itself


class PelicanMessages(logging.Filter):
    """On Pelican's loggers: its messages about a skipped file become ours, and those about
    a link the plugin has named are dropped (module doc)."""

    def __init__(self) -> None:
        super().__init__()
        self.settings: dict[str, Any] | None = None  # this build's, set at `initialized`
        self.named_links: set[str] = set()  # targets of the broken links already said
        self.named_files: set[str] = set()  # and the files they look for
        self.named_documents: set[str] = set()  # documents linked with {filename}, said
        # The images without a description of the last file Pelican warned about.
        self._empty_alts: tuple[str, list[EmptyAlt]] = ("", [])

    def new_build(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.named_links = set()
        self.named_files = set()
        self.named_documents = set()
        self._empty_alts = ("", [])

    def named(self, links: Sequence[BrokenLink | UnpublishedLink | DocumentLink]) -> None:
        """These links are said, with their file and line: Pelican's lines about them are
        dropped."""
        for link in links:
            self.named_links.add(link.target)
            if isinstance(link, DocumentLink):
                self.named_documents.add(str(link.file))
            elif isinstance(link, BrokenLink) and link.file:
                self.named_files.add(str(link.file))

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if isinstance(record.msg, str) and record.msg.startswith(SAME_SLUG):
            return False
        if record.msg == UNABLE_TO_FIND and args:
            return args[0] not in self.named_links
        if record.msg == STATIC_BY_FILENAME and len(args) == 2 and self.settings is not None:
            root = Path(self.settings["PATH"])
            file = linked_file(unquote(str(args[0])), root / str(args[1]), root)
            return str(file) not in self.named_documents
        if record.msg == CANNOT_RELOCATE and self.settings is not None:
            said = cannot_relocate(args, self.settings)
            if said is not None:
                logger.warning("%s", said)
            return said is None
        if record.msg == PELICAN_EMPTY_ALT and len(args) == 2:
            return not self._empty_alt_named(str(args[1]), str(args[0]))
        if record.msg == NO_STAMP and args and self.settings is not None:
            file = os.path.normpath(Path(self.settings["PATH"]) / str(args[0]))
            return file not in self.named_files
        if self.settings is None or record.msg not in (
            COULD_NOT_PROCESS,
            MISSING_PROPERTY,
            UNKNOWN_STATUS,
        ):
            return True
        index = 1 if record.msg == UNKNOWN_STATUS else 0  # the file, in Pelican's arguments
        path = self._path(args[index] if len(args) > index else None)
        if path is None:
            return True
        problems = self._problems(path)
        where = shown(path, self.settings)
        if not problems:
            if record.msg != COULD_NOT_PROCESS:
                return True  # Pelican's message says what is missing, or which status
            # Pelican leaves the reason out (logger.exception, exc_info only with DEBUG):
            # the exception is still being handled here.
            error = sys.exc_info()[1]
            reason = f" ({type(error).__name__} : {error})" if error else ""
            logger.error(
                "%s : ce fichier n’a pas pu être lu%s : non publié → vérifiez son "
                "en-tête (Title:, Date:…) et sa mise en forme, puis lancez invoke check",
                where,
                reason,
            )
            return False
        for problem in problems:
            line = f":{problem.line}" if problem.line else ""
            logger.error(
                "%s%s : %s : non publié → %s",
                where,
                line,
                problem.message,
                problem.hint,
            )
        return False

    def _empty_alt_named(self, source: str, image: str) -> bool:
        """Whether the plugin says, with its line, the image without a description that
        Pelican found in `source` (image_alt.py): it reads the file at content_object_init,
        just after Pelican's messages, one per image, for that file."""
        if self._empty_alts[0] != source:
            try:
                text = Path(source).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return False
            self._empty_alts = (source, empty_alts(text))
        return names_image(self._empty_alts[1], image)

    def _path(self, source: Any) -> Path | None:
        """The file a message is about: Pelican gives a path relative to PATH ("Could not
        process") or a content object, whose str() is its source path."""
        if source is None or self.settings is None:
            return None
        path = Path(getattr(source, "source_path", None) or str(source))
        if not path.is_absolute():
            path = Path(self.settings["PATH"]) / path
        return path if path.is_file() else None

    def _problems(self, path: Path) -> list[Problem]:
        assert self.settings is not None
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            return [NOT_UTF8]
        except OSError:
            return []
        return skip_problems(path, text, self.settings)
