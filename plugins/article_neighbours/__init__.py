"""Gives each article its chronological neighbours: `article.prev_article` / `article.next_article`.

Why a plugin and not a template loop: finding an article's place in the list from a template
is O(n) per page, so O(n²) per build; here it is one pass over the sorted list.
"""

from __future__ import annotations

from typing import Any

from pelican import signals


def link_neighbours(generator: Any) -> None:
    """Set prev_article (older) and next_article (newer) on every published article."""
    # generator.articles is sorted newest first (ARTICLE_ORDER_BY default: reversed-date).
    articles = sorted(generator.articles, key=lambda a: (a.date, a.source_path))
    for index, article in enumerate(articles):
        article.prev_article = articles[index - 1] if index > 0 else None
        article.next_article = articles[index + 1] if index + 1 < len(articles) else None


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_finalized.connect(link_neighbours)
