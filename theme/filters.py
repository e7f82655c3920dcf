"""Jinja2 filters the theme uses, independent of the system locale (which CI may not have)."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any

WORDS_PER_MINUTE = 200
CURRENCY_SYMBOLS = {"EUR": "€", "CHF": "CHF", "CAD": "$", "USD": "$", "GBP": "£"}
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

    def human_datetime(value: datetime.datetime) -> str:
        """`samedi 12 décembre 2026 à 14 h 00`."""
        return strings["datetime_format"] % {
            "weekday": strings["weekdays"][value.weekday()],
            "date": human_date(value),
            "hour": f"{value.hour:02d}",
            "minute": f"{value.minute:02d}",
        }

    def money(value: float, currency: str = "EUR") -> str:
        """`45,50 €`, `120 €`: cents only when there are some."""
        amount = f"{value:.2f}" if value % 1 else f"{value:.0f}"
        return strings["money_format"] % {
            "amount": amount.replace(".", strings["decimal_mark"]),
            "symbol": CURRENCY_SYMBOLS.get(currency, currency),
        }

    return {
        "human_date": human_date,
        "human_datetime": human_datetime,
        "money": money,
        "reading_minutes": reading_minutes,
        "plural": plural,
    }


def reading_minutes(html: str) -> int:
    """Minutes to read an HTML text at WORDS_PER_MINUTE, at least 1."""
    words = len(_TAG.sub(" ", html or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
