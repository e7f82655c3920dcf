"""Header lines Pelican reads, but not as the editor meant them.

- **Tags written as on social networks, or with semicolons**: `Tags: #vélo #atelier` or
  `Tags: vélo; atelier`. Pelican splits tags at commas only, so either is one tag, with
  its « # » or « ; », and its own page.
- **A page with a category or tags**: in content/pages/ (the menu's fixed pages: À propos,
  Contact…), `Category:` and `Tags:` are read and nothing shows them. The file is most
  likely an article saved in the wrong folder: it is not in the blog, the home page or the
  feeds, and it takes a place in the menu.

- **Two categories on one line**: `Category: Culture, Vie du quartier`. An article has one
  category; Pelican makes a new one of the whole line, with its own page, apart from
  « Culture » and « Vie du quartier ».
- **A key written twice**: `Title:` on two lines (a header copied and completed). Only the
  first counts (header_keys.py makes it so for every key, as Pelican does for its own).

Each is a warning on its line, with what to write.
"""

from __future__ import annotations

import re

from .header_keys import meta_key
from .skipped import Problem

_TAG_SEPARATORS = re.compile(r"[#;,]")
# Keys that only articles use.
ARTICLE_ONLY_KEYS = ("category", "tags")


def tag_slips(lines: list[tuple[int, str, str]]) -> list[Problem]:
    """The `Tags:` line of the header `lines` (source.header_lines) when it writes « # » or
    « ; »: Pelican does not split there."""
    found = []
    for number, key, value in lines:
        if key.lower() != "tags" or not ("#" in value or ";" in value):
            continue
        tags = [part.strip() for part in _TAG_SEPARATORS.split(value) if part.strip()]
        found.append(
            Problem(
                number,
                f"« {key}: {value} » : les étiquettes se séparent par des virgules, sans « # » "
                "ni « ; » (sinon elles n’en font qu’une)",
                f"écrivez « {key}: {', '.join(tags)} »",
            )
        )
    return found


def category_slips(lines: list[tuple[int, str, str]]) -> list[Problem]:
    """The `Category:` line of the header `lines` when it names several categories."""
    found = []
    for number, key, value in lines:
        if key.lower() != "category" or not (";" in value or "," in value):
            continue
        names = [part.strip() for part in re.split(r"[;,]", value) if part.strip()]
        if len(names) < 2:
            continue
        found.append(
            Problem(
                number,
                f"« {key}: {value} » : un article n’a qu’une catégorie ; cette ligne en crée une "
                "nouvelle, à part des autres",
                f"gardez-en une, « {key}: {names[0]} », et mettez les autres dans « Tags: »",
            )
        )
    return found


def article_keys_in_page(lines: list[tuple[int, str, str]]) -> list[Problem]:
    """The first `Category:` or `Tags:` line of a page's header `lines`: pages have none."""
    for number, key, _value in lines:
        if key.lower() in ARTICLE_ONLY_KEYS:
            return [
                Problem(
                    number,
                    f"une page n’a ni catégorie ni étiquettes : « {key} » est ignorée ; si ce "
                    "fichier est un article, il n’est ni dans le blog ni sur la page d’accueil, "
                    "et il prend une place dans le menu",
                    "un article se range dans content/articles/ (content/pages/ est pour les "
                    "pages fixes du menu : À propos, Contact…) ; sinon, retirez cette ligne",
                )
            ]
    return []


def repeated_keys(lines: list[tuple[int, str, str]]) -> list[Problem]:
    """Each line of the header `lines` whose key an earlier line already wrote."""
    first: dict[str, int] = {}
    found = []
    for number, key, _value in lines:
        folded = meta_key(key).lower()
        if not folded:
            continue  # not a key meta reads, even made readable (header_keys.py)
        if folded not in first:
            first[folded] = number
            continue
        found.append(
            Problem(
                number,
                f"la clé « {key} » est déjà écrite ligne {first[folded]} : seule la première "
                "compte, cette ligne est ignorée",
                "gardez une seule ligne (retirez celle-ci, ou reportez ce qu’elle dit dans "
                f"la ligne {first[folded]})",
            )
        )
    return found
