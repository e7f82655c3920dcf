"""The value to write, from what an editor wrote instead (listings' hints.py)."""

from __future__ import annotations

import pytest
from listings.hints import date_hint, key_hint, kind_hint, phone_hint, price_hint, shape_hint


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2 novembre 2026", "écrivez 2026-11-02"),
        ("1er Mai 2026", "écrivez 2026-05-01"),
        ("samedi 7 févr. 2026", "écrivez 2026-02-07"),
        ("02/11/2026", "écrivez 2026-11-02"),  # day first, as written in France
        ("2.11.2026", "écrivez 2026-11-02"),
        ("2026-11-2", "écrivez 2026-11-02"),
        ("31/02/2026", None),  # no such day: the rule stands alone
        ("2 brumaire 2026", None),
        ("bientôt", None),
    ],
)
def test_a_date_written_otherwise_gets_the_date_to_write(written: str, hint: str | None) -> None:
    assert date_hint(written, with_time=False) == hint


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("16 janvier 2027 à 15h", "écrivez 2027-01-16T15:00"),
        ("16/01/2027 14h30", "écrivez 2027-01-16T14:30"),
        ("2027-01-16 9:05", "écrivez 2027-01-16T09:05"),
        ("16 janvier 2027", "écrivez la date et l’heure, par exemple 2027-01-16T14:30"),
    ],
)
def test_an_event_time_written_otherwise_gets_the_time_to_write(written: str, hint: str) -> None:
    assert date_hint(written, with_time=True) == hint


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("35 €", "écrivez 35 "),
        ("€ 35", "écrivez 35 "),
        ("12,50 euros", "écrivez 12.50 "),
        ("12.5 EUR", "écrivez 12.5 "),
        ("1.250.000", "écrivez 1250000 (un nombre seul : sans €, sans point ni espace entre"),
        ("1.250,50 €", "écrivez 1250.50 "),
        ("1 250 €", "écrivez 1250 "),  # a space, or a no-break one, between the thousands
        ("1\u202f250", "écrivez 1250 "),
        ("1.2500", None),
        ("Gratuit", "écrivez 0 "),
        ("à débattre", "retirez la ligne « price »"),
        ("entre 10 et 20 €", None),
        ("35 € ou 30 € si retiré", None),
    ],
)
def test_a_price_written_otherwise_gets_the_number_to_write(
    written: str, start: str | None
) -> None:
    hint = price_hint(written)
    assert hint == start if start is None else hint is not None and hint.startswith(start)


def test_an_editors_word_for_a_kind_is_the_sites_kind_it_means() -> None:
    kinds = ["offre", "demande", "don", "échange", "bénévolat", "événement"]
    assert kind_hint("Vente", kinds) == "offre"
    assert kind_hint("à donner", kinds) == "don"
    assert kind_hint("troc", kinds) == "échange"
    assert kind_hint("recherche", ["offre", "événement"]) is None  # not one of this site's
    assert kind_hint("brocante", kinds) is None


def test_a_key_written_in_french_or_misspelt_is_the_key_it_means() -> None:
    keys = ["title", "kind", "category", "location", "price", "photos"]
    assert key_hint("Prix", keys) == "price"
    assert key_hint("lieu", keys) == "location"
    assert key_hint("code  postal", ["postcode"]) == "postcode"
    assert key_hint("tittle", keys) == "title"  # a spelling slip
    assert key_hint("courriel", ["email", "phone", "url"]) == "email"
    assert key_hint("prix", ["email", "phone", "url"]) is None  # not a key of this level
    assert key_hint("couleur", keys) is None


def test_a_list_or_a_contact_written_as_one_line_gets_the_lines_to_write() -> None:
    assert shape_hint("tags", "vélo, enfants") == "écrivez « tags: [vélo, enfants] »"
    assert shape_hint("photos", "annonces/a.jpg; annonces/b.jpg").endswith(
        "en retrait : « - annonces/a.jpg » « - annonces/b.jpg »"
    )
    contact = {
        text: (shape_hint("contact", text) or "").rpartition("« ")[2]
        for text in ("paul@example.org", "06 12 34 56 78", "www.tilleuls.fr", "Paul")
    }
    assert contact == {
        "paul@example.org": "email: paul@example.org »",
        "06 12 34 56 78": 'phone: "06 12 34 56 78" »',
        "www.tilleuls.fr": "url: https://www.tilleuls.fr »",
        "Paul": "",  # nothing says how to reach Paul: the rule stands alone
    }
    assert shape_hint("title", "a, b") is None


def test_a_phone_written_otherwise_gets_the_number_to_write() -> None:
    assert phone_hint("+33 (0)6 12 34 56 78") == (
        'écrivez « phone: "+33 6 12 34 56 78" », sans le (0) : depuis l’étranger, on ne le '
        "compose pas"
    )
    assert phone_hint("06/12/34/56/78") == (
        'écrivez « phone: "06 12 34 56 78" », sans parenthèses ni barres'
    )
    assert phone_hint("(01) 99 00 12 34") == (
        'écrivez « phone: "01 99 00 12 34" », sans parenthèses ni barres'
    )
    assert phone_hint("06 12 34 56 78 le soir") == (
        'écrivez « phone: "06 12 34 56 78" » : le reste (« le soir ») va dans la description'
    )
    assert phone_hint("appelez Paul") is None
    assert phone_hint("12") is None
