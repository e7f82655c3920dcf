"""Dates written day first, as French speakers do, that Pelican reads month first.

Pelican reads `Date:` and `Modified:` with dateutil, month first: `Date: 03/04/2026`, the
3rd of April to whoever wrote it, is published as the 4th of March, without a word. (When
the first number cannot be a month, `20/11/2026`, dateutil takes it as the day, so only a
date whose two first numbers could each be the month is at stake.) Each such date is an
error with what Pelican made of it and the two ways to write it unambiguously:

    ERREUR content/articles/2026-fete.md:2 : « Date » : « 03/04/2026 » se lit 4 mars 2026
    (le mois d’abord) : ambigu → écrivez 2026-04-03 pour le 3 avril (ou 2026-03-04 pour le
    4 mars)

A date more than a month after the build's date (the `BUILD_DATE` setting, when the site
has one) is a warning: `Date: 2027-04-12` for 2026 publishes the article now, at the top of
the home page until then (`dated_ahead`).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .skipped import Problem

DATE_KEYS = ("date", "modified")
# Two numbers of one or two digits, then the year: what dateutil reads month first.
_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\b")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip


def may_be_misread(day: int, month: int) -> bool:
    """Whether a date Pelican read as `day`/`month` could have been written the other way
    round: a build reads the header only for these."""
    return day <= 12 and month <= 12 and day != month


def misread_dates(lines: list[tuple[int, str, str]]) -> list[Problem]:
    """The header `lines` (source.header_lines) whose date Pelican reads month first while
    it could have been written day first."""
    problems = []
    for number, key, value in lines:
        if key.lower() not in DATE_KEYS:
            continue
        found = _DAY_MONTH_YEAR.match(value)
        if not found:
            continue
        first, second, year = (int(part) for part in found.groups())
        year += 2000 if year < 100 else 0  # dateutil: within 50 years of today
        if min(first, second) < 1 or not may_be_misread(day=second, month=first):
            continue  # 00/03/2026 is not a date: skip_problems says so
        rest = value[found.end() :]  # the time, if any, kept in the suggestions
        meant = f"{year}-{second:02d}-{first:02d}{rest}"  # day first: as the editor meant
        read = f"{year}-{first:02d}-{second:02d}{rest}"  # month first: as Pelican read it
        problems.append(
            Problem(
                number,
                f"« {key} » : « {value} » se lit {_day(second)} {MONTHS[first - 1]} {year} "
                "(le mois d’abord) : ambigu",
                f"écrivez {meant} pour le {_day(first)} {MONTHS[second - 1]} "
                f"(ou {read} pour le {_day(second)} {MONTHS[first - 1]})",
            )
        )
    return problems


def _day(number: int) -> str:
    return "1er" if number == 1 else str(number)


# Further ahead than this, a date is more likely a slip of the year than an article
# prepared in advance (that is what `Status: draft` is for).
AHEAD = datetime.timedelta(days=31)


def build_date(settings: dict[str, Any]) -> datetime.date | None:
    """The build's date (the BUILD_DATE setting, an ISO date), or None if the site has none."""
    try:
        return datetime.date.fromisoformat(str(settings["BUILD_DATE"]))
    except (KeyError, ValueError):
        return None


def is_ahead(date: Any, today: datetime.date | None) -> bool:
    """Whether `date` (a date or datetime) is more than AHEAD after `today`."""
    if today is None or not hasattr(date, "year"):
        return False
    day = date.date() if isinstance(date, datetime.datetime) else date
    return day - today > AHEAD


def dated_ahead(
    lines: list[tuple[int, str, str]], date: Any, today: datetime.date | None
) -> list[Problem]:
    """The `Date:` line of the header `lines` (0 when the date is in the file's name) when
    `date`, what Pelican read, is more than a month after `today`."""
    if today is None or not is_ahead(date, today):
        return []
    number = next((n for n, key, _ in lines if key.lower() == "date"), 0)
    return [
        Problem(
            number,
            f"la date {date:%Y-%m-%d} est dans plus d’un mois (la construction est du {today}) : "
            "l’article est publié dès maintenant, en tête de la page d’accueil",
            "vérifiez l’année ; pour préparer un article sans le publier, écrivez "
            "« Status: draft »",
        )
    ]
