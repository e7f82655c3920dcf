"""The theme's Python side: strings per language and locale-free filters."""

from __future__ import annotations

import datetime

import pytest

from theme import filters, strings


def test_every_language_has_every_string() -> None:
    keys = {lang: set(table) for lang, table in strings.STRINGS.items()}
    assert keys["fr"] == keys["en"]


def test_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"DEFAULT_LANG = 'de'.*Use one of: en, fr"):
        strings.for_language("de")


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("fr", datetime.date(2026, 4, 12), "12 avril 2026"),
        ("fr", datetime.datetime(2026, 8, 1, 10, 30), "1er août 2026"),
        ("fr", "2026-12-31", "31 décembre 2026"),
        ("en", datetime.date(2026, 4, 12), "April 12, 2026"),
    ],
)
def test_human_date(lang: str, value: object, expected: str) -> None:
    assert filters.jinja_filters(strings.for_language(lang))["human_date"](value) == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("fr", 0, "0 article"),
        ("fr", 1, "1 article"),
        ("fr", 2, "2 articles"),
        ("en", 0, "0 articles"),
        ("en", 1, "1 article"),
    ],
)
def test_plural(lang: str, n: int, expected: str) -> None:
    assert (
        filters.jinja_filters(strings.for_language(lang))["plural"](n, "articles_count") == expected
    )


def test_reading_minutes_counts_words_not_markup() -> None:
    assert filters.reading_minutes("") == 1
    assert filters.reading_minutes("<p>" + "mot " * 200 + "</p>") == 1
    assert filters.reading_minutes("<p class='x y z'>" + "mot " * 201 + "</p>") == 2
