"""The incremental plugin's fingerprints: equal inputs agree, different inputs never do."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from incremental.digest import Digester
from markupsafe import Markup


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (["ab", "c"], ["a", "bc"]),  # the same characters, split otherwise
        ("1", 1),
        (None, "None"),
        (True, 1),
        (1, 1.0),
        ({"a": "b"}, {"b": "a"}),
        ([["a"], "b"], ["a", ["b"]]),
        (datetime.date(2026, 11, 23), "datetime.date(2026, 11, 23)"),
        (b"x", "x"),
    ],
)
def test_different_values_have_different_fingerprints(one, other) -> None:
    digester = Digester("/work/projet")
    assert digester.of(one) != digester.of(other)


def test_equal_values_agree_and_markup_is_text() -> None:
    one, other = Digester(), Digester()
    value = {"title": "Fête", "tags": ["été", "jardin"], "when": datetime.date(2026, 6, 21)}
    assert one.of(value) == other.of(dict(reversed(value.items())))
    assert one.of([Markup("<b>x</b>")]) == one.of(["<b>x</b>"])


def test_paths_inside_the_project_do_not_depend_on_where_it_lives() -> None:
    here, there = Digester("/home/ana/site"), Digester("/srv/clone/site/")
    assert here.of(["/home/ana/site/content/a.md"]) == there.of(["/srv/clone/site/content/a.md"])
    assert here.of(Path("/home/ana/site")) == there.of(Path("/srv/clone/site"))
    # A sibling folder whose name merely starts like the project's is not inside it.
    assert here.of("/home/ana/site2/a.md") != there.of("/srv/clone/site2/a.md")


def test_an_unknown_object_cannot_be_fingerprinted() -> None:
    class Opaque:
        pass

    assert Digester().of({"x": Opaque()}) is None


def test_a_neighbouring_list_page_is_fingerprinted_by_its_address() -> None:
    from pelican.paginator import Paginator
    from pelican.settings import read_settings

    settings = read_settings()  # Pelican's defaults, pagination patterns made rules

    def second_page(items: list[str], name: str = "index") -> object:
        paginator = Paginator(f"{name}.html", name, items, settings, per_page=1)
        return paginator.page(2)

    digester = Digester()
    # Its items changed, its address did not: the page that links to it is unchanged.
    one, other = second_page(["a", "b"]), second_page(["a", "c"])
    assert digester.of_variable("articles_next_page", one) == digester.of_variable(
        "articles_next_page", other
    )
    # As the current page, its items are what the template shows.
    assert digester.of_variable("articles_page", one) != digester.of_variable(
        "articles_page", other
    )
    # Another address: another fingerprint.
    moved = second_page(["a", "b"], "tag/x")
    assert digester.of_variable("articles_next_page", one) != digester.of_variable(
        "articles_next_page", moved
    )
