"""incremental/partial.py: putting a re-read article in place of the old, and finding what
reaches it the way its fingerprint would."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from incremental.partial import CannotSwap, Reach, reaches, swap
from pelican.contents import Article
from pelican.paginator import Paginator


def _article(title: str) -> Article:
    return Article("<p>texte</p>", metadata={"title": title, "date": datetime.datetime(2026, 1, 1)})


def test_swap_replaces_the_old_object_in_lists_dicts_and_content_attributes() -> None:
    old, new, other = _article("Ancien"), _article("Nouveau"), _article("Voisin")
    other.prev_article = old
    other.translations = [old]
    by_tag = {"vélo": [other, old]}
    roots = [{"articles": [old, other], "tags": by_tag, "article": old}, [other]]
    assert swap(roots, old, new) == 5
    assert roots[0]["articles"] == [new, other] and roots[0]["article"] is new
    assert by_tag["vélo"][1] is new
    assert other.prev_article is new and other.translations == [new]


def test_swap_refuses_what_it_cannot_change_in_place() -> None:
    old, new = _article("Ancien"), _article("Nouveau")
    with pytest.raises(CannotSwap):
        swap([{"categories": [("Vie", old)]}], old, new)


def test_reach_follows_what_a_fingerprint_follows() -> None:
    target, neighbour, listed = _article("Cible"), _article("Voisin"), _article("Liste")
    neighbour.prev_article = target  # a neighbour shows the target's title and address only
    listed.translations = [target]  # a translation is fingerprinted in full
    reach = Reach([target])
    assert reach({"a": [[target]]})
    assert not reach([neighbour])
    assert reach(listed)
    paginator = Paginator(
        "index.html", "index", [target, neighbour], {"DEFAULT_ORPHANS": 0}, per_page=1
    )
    assert not reach(paginator)  # fingerprinted by its size
    assert reach(paginator.page(1)) and not reach(paginator.page(2))


def test_a_neighbouring_list_page_does_not_reach_its_items() -> None:
    # Page 1 links to page 2 (`articles_next_page`): it shows page 2's address, not its items.
    target, other = _article("Cible"), _article("Autre")
    paginator = Paginator(
        "index.html", "index", [other, target], {"DEFAULT_ORPHANS": 0}, per_page=1
    )
    second = paginator.page(2)
    reach = Reach([target])
    assert not reach.variable("articles_next_page", second)
    assert not reach.variable("listings_previous_page", second)
    assert reach.variable("articles_page", second)  # the current page: its items show
    assert reach.variable("articles_next_page", [target])  # not a page: followed as usual


def test_reaches_reads_only_the_variables_a_template_reads() -> None:
    target, other = _article("Cible"), _article("Autre")
    context = {"articles": [target, other], "SITENAME": "x"}
    call = ("write_file", ("page.html", None, context), {"article": other})
    assert not reaches(call, Reach([target]), frozenset({"article", "SITENAME"}))
    assert reaches(call, Reach([target]), frozenset({"article", "articles"}))
    assert reaches(call, Reach([target]), None)  # unknown variables: when in doubt, render
    feed = ("write_feed", ([other, target], context, "feeds/all.atom.xml"), {})
    assert reaches(feed, Reach([target]), None)


def test_the_shared_context_is_walked_once_per_template(monkeypatch) -> None:
    # Thousands of writer calls share one context and, per template, one set of names.
    target, other = _article("Cible"), _article("Autre")
    context = {"articles": [other], "tags": {"vélo": [target]}, "SITENAME": "x"}
    names = frozenset({"articles", "tags", "SITENAME", "absent"})
    reach = Reach([target])
    walked: list[str] = []
    real = reach.variable
    monkeypatch.setattr(
        reach, "variable", lambda name, value: walked.append(name) or real(name, value)
    )
    calls = [("write_file", (f"{n}.html", None, context), {"article": other}) for n in range(3)]
    assert reaches(calls[0], reach, names)
    first = list(walked)
    assert "tags" in first and "absent" not in first  # until one reaches, in any order
    assert reaches(calls[1], reach, names) and reaches(calls[2], reach, names)
    assert walked == first  # the other calls: answered without a walk
    fewer = frozenset({"articles", "SITENAME"})  # another template: its own answer
    assert not reaches(calls[0], reach, fewer)
    assert sorted(walked[len(first) :]) == ["SITENAME", "articles"]


def test_reach_and_swap_follow_dataclasses_and_doubt_what_no_fingerprint_takes() -> None:
    @dataclasses.dataclass
    class Card:  # a plugin's object holding an article (digest.py takes its fields)
        article: Article
        label: str

    class Opaque:  # nothing digest.py can fingerprint: its page is rendered every build
        pass

    target, other = _article("Cible"), _article("Autre")
    card = Card(target, "carte")
    assert Reach([target])(card) and not Reach([target])(Card(other, "x"))
    assert Reach([target])(Opaque())  # when in doubt, rendered, as a full build does
    assert not Reach([target])(_article)  # a function, fingerprinted by its name
    new = _article("Nouvelle")
    assert swap([[card]], target, new) == 1 and card.article is new
