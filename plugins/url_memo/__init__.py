"""Content addresses worked out once per object while Pelican writes the site.

Pelican derives an article's or page's `url` and `save_as` in `get_url_setting`: it copies
the metadata (`url_format`), makes the source path relative to PATH (two abspath and a
relpath), slugifies the author and category, and formats the setting, dates included.
Nothing of it is kept: templates read `.url` many times per page (lists, neighbours, menus,
structured data) and the incremental plugin reads it to fingerprint links, 45,000 times in
a 4,185-page build, about 1 s of it.

While the generators write (from `all_generators_finalized` to `finalized`), nothing changes
what an address is made of: the metadata, source path, status and language are set, and
Pelican itself never moves a file whose address was read (`Static.attach_to`). So this
plugin keeps each object's answer for each key for that phase, and only that phase: while
contents are read and linked, Pelican's method runs as usual. The properties `url` and
`save_as` still run, with their side effects (a static file notes it was referenced).

It also empties Pelican's own memos at the end of each build. `Content.get_content` and
`get_summary` are memoised by Pelican in a dict that belongs to the class and is keyed by
the object: every article of every build stays alive through it, and with each article
the whole context it points to. A process that builds more than once (`pelican
--autoreload`, a build server, a test) grew by about 40 MB per build at 4,000 pages.

No settings.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.contents import Content

_pelican_get_url_setting = Content.get_url_setting
# Methods Pelican memoises for the life of the process (pelican.utils.memoized).
PELICAN_MEMOS = ("get_content", "get_summary")
# (id(content), key) → (content, address), during the writing phase only. The content is
# kept in the entry so that its id cannot be given to another object while the entry lives.
_memo: dict[tuple[int, str], tuple[Any, str]] | None = None


def _get_url_setting(self: Content, key: str) -> str:
    memo = _memo
    if memo is None:
        return _pelican_get_url_setting(self, key)
    known = memo.get((id(self), key))
    if known is not None and known[0] is self:
        return known[1]
    value = _pelican_get_url_setting(self, key)
    memo[(id(self), key)] = (self, value)
    return value


def _start(generators: Any) -> None:
    global _memo
    _memo = {}


def _stop(pelican: Any) -> None:
    """Forget this plugin's memo and empty Pelican's: emptying a memo is always safe, as
    anything asked again is computed again."""
    global _memo
    _memo = None
    for name in PELICAN_MEMOS:
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()


def register() -> None:
    """Pelican entry point."""
    Content.get_url_setting = _get_url_setting
    # Also stopped when a build starts: one that failed while writing sent no `finalized`.
    signals.initialized.connect(_stop)
    signals.all_generators_finalized.connect(_start)
    signals.finalized.connect(_stop)
