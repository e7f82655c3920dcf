"""What description_to_html removes from a member's Markdown, and says it removed."""

from __future__ import annotations

import pytest
from listings.render import description_to_html


def _removed(text: str) -> list[str]:
    return [item.what for item in description_to_html(text)[1]]


def test_plain_markdown_loses_nothing() -> None:
    text = (
        'Un **vélo** *rouge*, [voir le club](https://club.example.org/ "Le club").\n\n'
        "## Détails\n\n- selle neuve\n- `<b>` s’écrit en code\n\n> Une citation.\n\n---\n"
    )
    html, removed = description_to_html(text)
    assert removed == []
    assert "<h3>Détails</h3>" in html and "&lt;b&gt;" in html


def test_a_numbered_list_keeps_its_first_number() -> None:
    html, removed = description_to_html("3. trois\n4. quatre\n")
    assert removed == []
    assert '<ol start="3">' in html


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("<script>alert(1)</script>", "<script> et son contenu"),
        ("Texte <span class='x'>gardé</span>", "la balise <span>"),
        ("![un vélo](velo.jpg)", "une image"),
        ('<a href="javascript:alert(1)">clic</a>', "un lien « javascript: »"),
        ("[clic](JavaScript:alert(1))", "un lien « javascript: »"),
        ('<a href="https://[zz]/">clic</a>', "un lien à l’adresse invalide « https://[zz]/ »"),
        ('<p onclick="alert(1)">Texte</p>', "l’attribut onclick de <p>"),
    ],
)
def test_each_removal_is_named(text: str, what: str) -> None:
    html, _ = description_to_html(text)
    assert _removed(text) == [what]
    assert "alert" not in html and "velo.jpg" not in html


def test_tags_inside_a_script_are_not_named_twice() -> None:
    assert _removed("<script>document.write('<img src=x>')</script>") == ["<script> et son contenu"]
