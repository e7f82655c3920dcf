"""Running Pelican in this process, with settings checked and problems counted for editors."""

from __future__ import annotations

import collections
import datetime
import logging
import re
import sys
from pathlib import Path
from typing import Any

from invoke import Exit


class ProblemCounter(logging.Handler):
    """Counts the warnings and errors logged during a build, to end with a verdict."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors = 0
        self.warnings = 0
        # Problems by the top package of the logger that reported them ("pelican",
        # "listings", "seo_checklist"…): livereload's worker needs to know whose they are.
        self.sources: collections.Counter[str] = collections.Counter()

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
        else:
            self.warnings += 1
        self.sources[record.name.split(".")[0]] += 1


def forget_logged_warnings() -> None:
    """Make this process report every warning again, as a new process would.

    Pelican's loggers drop a warning whose exact text was already logged, and remember it for
    the life of the process (pelican.log.LimitFilter). Within one build that spares editors
    the same line a hundred times; but a process that builds again (livereload's worker, the
    tests) would then keep quiet about a problem still there, and count fewer warnings than a
    fresh `invoke build`. Its LOG_FILTER setting (`_ignore`) is left as it is.
    """
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def load_settings(settings_file: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings from `settings_file` with `overrides`, checked for our own values."""
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file), override=overrides or {})
    except (ValueError, OSError) as error:
        # Pelican and our theme say what is wrong; the traceback would only hide it.
        raise Exit(f"Réglages invalides ({settings_file.name}) : {error}", code=2) from None
    build_date = settings.get("BUILD_DATE", "")
    try:
        datetime.date.fromisoformat(str(build_date))
    except ValueError:
        raise Exit(
            f"BUILD_DATE = {build_date!r} n’est pas une date : écrivez-la AAAA-MM-JJ, "
            "par exemple 2026-11-23.",
            code=2,
        ) from None
    return settings


class _EditorFormatter(logging.Formatter):
    """One line per problem, in French, whole (never wrapped), and never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{_LEVEL_WORDS.get(record.levelname, record.levelname)} {record.getMessage()}"


_LEVEL_WORDS = {"WARNING": "ATTENTION", "ERROR": "ERREUR", "CRITICAL": "ERREUR"}


def run_pelican(settings: dict[str, Any]) -> ProblemCounter:
    """One build, in this process. Returns the count of problems Pelican and plugins logged."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_EditorFormatter())
    init_logging(level=logging.WARNING, name="pelican", handler=handler)
    counter = ProblemCounter()
    logging.getLogger().addHandler(counter)
    forget_logged_warnings()
    pelican_module = sys.modules["pelican"]
    english_console = pelican_module.console
    pelican_module.console = _FrenchConsole(english_console)
    try:
        try:
            # Plugins check their settings at `initialized`, sent by the constructor.
            pelican = Pelican(settings)
        except ValueError as error:
            raise Exit(f"Réglages invalides (pelicanconf.py) : {error}", code=2) from None
        pelican.run()
    finally:
        pelican_module.console = english_console
        logging.getLogger().removeHandler(counter)
    return counter


# Pelican.run() ends by printing this, in English, through its `console` (not a logger).
_DONE = re.compile(
    r"Done: Processed (\d+) articles?, (\d+) drafts?, (\d+) hidden articles?, (\d+) pages?, "
    r"(\d+) hidden pages? and (\d+) draft pages? in ([\d.]+) seconds\."
)


def done_line(text: str) -> str:
    """Pelican's closing "Done: Processed …" line in French, or `text` as it is if it is
    another line (or a Pelican version that words it otherwise)."""
    found = _DONE.fullmatch(" ".join(text.split()))
    if found is None:
        return text
    articles, drafts, hidden, pages, hidden_pages, draft_pages = map(int, found.groups()[:6])
    seconds = found.group(7).replace(".", ",")
    line = f"Contenu : {articles} article(s) et {pages} page(s)"
    # Editors look here for what they marked `Status: draft` or `Status: hidden`.
    groups = (
        ((drafts, "brouillon(s) d’article"), (draft_pages, "brouillon(s) de page")),
        ((hidden, "article(s) caché(s)"), (hidden_pages, "page(s) cachée(s)")),
    )
    meanings = ("aperçu seulement, jamais mis en ligne", "en ligne, absents des listes")
    for group, meaning in zip(groups, meanings, strict=True):
        counted = [f"{count} {what}" for count, what in group if count]
        if counted:
            line += f" ; {' et '.join(counted)} ({meaning})"
    return f"{line} ; lu et écrit en {seconds} s."


class _FrenchConsole:
    """Pelican's rich console, with its one line about every build said in French.

    Everything else (tracebacks in DEBUG, settings listings) goes to the real console."""

    def __init__(self, console: Any) -> None:
        self._console = console

    def print(self, *objects: Any, **options: Any) -> None:
        if len(objects) == 1 and isinstance(objects[0], str):
            french = done_line(objects[0])
            if french != objects[0]:
                print(french, flush=True)
                return
        self._console.print(*objects, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)
