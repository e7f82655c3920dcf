"""Content URLs worked out once per object while Pelican writes the site.

Pelican derives an article's or page's `url` and `save_as` from its `url_format`: a copy of
its metadata, plus its source path made relative to PATH (two abspath and a relpath) and
the slugs of its author and category. `url_format` is a property, computed again at every
access, and templates read `.url` many times per page (lists, neighbours, menus, structured
data): 45,000 times in a 4,185-page build, about 0.8 s of it.

While the generators write (from `all_generators_finalized` to `finalized`), nothing changes
an object's metadata, source path or slugs, so this plugin keeps each object's `url_format`
for that phase, and only that phase: while contents are read and linked, Pelican's property
runs as usual. `url` and `save_as` themselves are still formatted at each access (they
depend on the status too, for drafts), which costs little.

No settings.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.contents import Content

_pelican_url_format = Content.url_format
# id(content) → (content, its url_format), during the writing phase only. The content is
# kept in the entry so that its id cannot be given to another object while the entry lives.
_memo: dict[int, tuple[Any, dict[str, Any]]] | None = None


def _url_format(self: Content) -> dict[str, Any]:
    memo = _memo
    if memo is None:
        return _pelican_url_format.fget(self)
    known = memo.get(id(self))
    if known is not None and known[0] is self:
        return known[1]
    value = _pelican_url_format.fget(self)
    memo[id(self)] = (self, value)
    return value


def _start(generators: Any) -> None:
    global _memo
    _memo = {}


def _stop(pelican: Any) -> None:
    global _memo
    _memo = None


def register() -> None:
    """Pelican entry point."""
    # Pelican's only use of url_format is `str.format(**self.url_format)`, which does not
    # change the dict: sharing one between accesses is safe.
    Content.url_format = property(_url_format, doc=_pelican_url_format.__doc__)
    # Also stopped when a build starts: one that failed while writing sent no `finalized`.
    signals.initialized.connect(_stop)
    signals.all_generators_finalized.connect(_start)
    signals.finalized.connect(_stop)
