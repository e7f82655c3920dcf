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
from pelican.generators import PagesGenerator


@dataclass(frozen=True)
class MenuEntry:
    """One page in the menu, as a template reads it (`p.title`, `p.url`, `p.save_as`,
    `p.slug`)."""

    title: str
    url: str
    save_as: str
    slug: str


def add_menu(generators: list[Any]) -> None:
    """At `all_generators_finalized`: the published pages, in the pages generator's order.

    Not at `page_generator_finalized`, whose other handlers may run after this one, in no
    set order: a page another plugin leaves out there (ignored_input: an empty title, an
    address taken twice) would stay in the menu, a link to nothing on every page."""
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            generator.context["menu_pages"] = [
                MenuEntry(page.title, page.url, page.save_as, page.slug) for page in generator.pages
            ]


def register() -> None:
    """Pelican entry point."""
    signals.all_generators_finalized.connect(add_menu)
