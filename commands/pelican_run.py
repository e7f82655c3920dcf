"""Running Pelican in this process, with settings checked and problems counted for editors."""

from __future__ import annotations

import collections
import datetime
import logging
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
    try:
        try:
            # Plugins check their settings at `initialized`, sent by the constructor.
            pelican = Pelican(settings)
        except ValueError as error:
            raise Exit(f"Réglages invalides (pelicanconf.py) : {error}", code=2) from None
        pelican.run()
    finally:
        logging.getLogger().removeHandler(counter)
    return counter
