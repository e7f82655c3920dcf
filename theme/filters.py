"""Jinja2 filters the theme uses, independent of the system locale (which CI may not have)."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


def jinja_filters(strings: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """The filters, bound to one language's strings."""

    def human_date(value: datetime.date | datetime.datetime | str) -> str:
        """`12 avril 2026` / `April 12, 2026`, whatever the machine's locale."""
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value[:10])
        day = str(value.day) + (strings["first_day_suffix"] if value.day == 1 else "")
        return strings["date_format_long"] % {
            "day": day,
            "month": strings["months"][value.month - 1],
            "year": value.year,
        }

    def plural(n: int, key: str) -> str:
        """`3 articles`: picks the singular or plural form of strings[key]."""
        forms = strings[key]
        # French says "0 article", English "0 articles".
        singular = n == 1 or (n == 0 and strings["zero_is_singular"])
        return (forms["one"] if singular else forms["other"]) % {"n": n}

    return {
        "human_date": human_date,
        "reading_minutes": reading_minutes,
        "plural": plural,
    }


def reading_minutes(html: str) -> int:
    """Minutes to read an HTML text at WORDS_PER_MINUTE, at least 1."""
    words = len(_TAG.sub(" ", html or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
