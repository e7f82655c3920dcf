"""One category, tag or author written two ways in two articles.

Pelican files `Category: vie du quartier` and `Category: Vie du quartier` under one address
(/categorie/vie-du-quartier/), since both make one slug, and the lists show one of the two
names, whichever it met first. A lower-case slip in one article can rename the category on
every list of the site, and nothing says why. The same goes for a tag (`Jardin`, `jardin`)
and an author (`Claire martin`).

Each article that writes a name otherwise than most articles do gets a warning with the
line and the name to write; on a tie, the name that sorts first (capitals first) is the
one to keep:

    ATTENTION content/articles/2026-11-20-fete.md:3 : la catégorie « vie du quartier » :
    3 autres articles l’écrivent « Vie du quartier », et le site les range sous une seule de
    ces écritures → écrivez « Vie du quartier », comme eux
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .source import header_lines

# The article's attribute, the header keys that write it, and the name of one in French.
TAXONOMIES = (
    ("category", ("category",), "la catégorie"),
    ("tags", ("tags",), "l’étiquette"),
    ("authors", ("author", "authors"), "l’auteur"),
)


@dataclass(frozen=True)
class Spelling:
    """An article that writes a category, tag or author otherwise than most do."""

    item: Any  # the article
    keys: tuple[str, ...]  # the header keys that write it, lower case
    what: str  # « la catégorie »
    written: str
    usual: str
    others: int  # how many articles write it `usual`

    @property
    def message(self) -> str:
        others = (
            "un autre article l’écrit"
            if self.others == 1
            else f"{self.others} autres articles l’écrivent"
        )
        return (
            f"{self.what} « {self.written} » : {others} « {self.usual} », et le site les range "
            "sous une seule de ces écritures"
        )

    @property
    def hint(self) -> str:
        return f"écrivez « {self.usual} », comme {'lui' if self.others == 1 else 'eux'}"

    @property
    def source(self) -> Path:
        return Path(self.item.source_path)

    def line(self) -> int:
        """The header line of the article's source that writes it; 1 if none does (a
        category from the folder or DEFAULT_CATEGORY) or the file cannot be read."""
        try:
            text = self.source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return 1
        for number, key, value in header_lines(text):
            if key.lower() in self.keys and self.written in value:
                return number
        return 1


def variant_spellings(articles: Iterable[Any]) -> list[Spelling]:
    """The articles that write a category, tag or author otherwise than most: one name per
    slug is kept, the one most articles write."""
    uses: dict[tuple[int, str], dict[str, list[Any]]] = {}
    for article in articles:
        for index, (attribute, _, _) in enumerate(TAXONOMIES):
            values = getattr(article, attribute, None) or []
            for value in values if isinstance(values, list) else [values]:
                names = uses.setdefault((index, value.slug), {})
                names.setdefault(value.name, []).append(article)
    found = []
    for (index, _), names in sorted(uses.items()):
        if len(names) < 2:
            continue
        usual = max(sorted(names), key=lambda name: len(names[name]))  # a tie: the first
        _, keys, what = TAXONOMIES[index]
        found += [
            Spelling(article, keys, what, name, usual, len(names[usual]))
            for name in sorted(names)
            if name != usual
            for article in names[name]
        ]
    return found
