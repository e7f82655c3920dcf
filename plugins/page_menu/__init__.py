"""Gives templates the site's menu of pages as `menu_pages`: each page's title and address.

Why not loop over Pelican's `pages` in the menu: every page of the site shows the menu, and
the incremental plugin fingerprints what a template can read. Through `pages`, every page
would depend on the full text of every menu page, so one sentence changed in "À propos"
would render the whole site again. `menu_pages` holds only what a menu shows: a page's text
is then the input of that page alone. (A template must not name `pages` at all, not even
as a fallback: what it names is what its pages depend on.) The entries have the attributes
a menu reads from a page, so a theme's `{% for p in pages %}` becomes
`{% for p in menu_pages %}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican import signals


@dataclass(frozen=True)
class MenuEntry:
    """One page in the menu, as a template reads it (`p.title`, `p.url`, `p.save_as`,
    `p.slug`)."""

    title: str
    url: str
    save_as: str
    slug: str


def add_menu(generator: Any) -> None:
    """At `page_generator_finalized`: the published pages, in the generator's order."""
    generator.context["menu_pages"] = [
        MenuEntry(page.title, page.url, page.save_as, page.slug) for page in generator.pages
    ]


def register() -> None:
    """Pelican entry point."""
    signals.page_generator_finalized.connect(add_menu)
