"""Partial builds, for a process that keeps Pelican's objects between builds (livereload).

After a full build, the generators, their context and every call the writer received are
still in memory. When only the text of an article changed, `swap` puts the re-read article
in place of the old object everywhere those hold it, and `rewrite` makes again only the
writer calls that can show it; in them, a page is rendered only if what its template can
read reaches the article (`Reach`), the same reach a fingerprint (digest.py) follows.
Every other page, feed and file stays as the last build left it.

What decides whether a partial build is allowed (nothing but an article's text changed, so
no address, title, date, tag or neighbour changed) is the caller's: see
commands/resident.py. When in doubt, it builds fully.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from .digest import REFERENCE_ATTRIBUTES, SKIPPED_ATTRIBUTES

# Values that hold nothing: not walked (most of what a content object holds is text).
_LEAVES = frozenset({str, int, float, bool, bytes, type(None), datetime.date, datetime.datetime})
_NOT_WALKED = SKIPPED_ATTRIBUTES | REFERENCE_ATTRIBUTES


@functools.cache
def _kind(kind: type) -> str:
    """ "content" for Pelican's content classes (articles, pages…), "page" for a paginator's
    page, "" for anything else: what Pelican and the plugins keep besides content
    (settings, the Jinja environment, readers) is never walked."""
    name = f"{kind.__module__}.{kind.__qualname__}"
    if name.startswith("pelican.contents.") and hasattr(kind, "__dict__"):
        return "content"
    return "page" if name == "pelican.paginator.Page" else ""


def _leaf(value: Any) -> bool:
    return type(value) in _LEAVES or isinstance(value, str)


class CannotSwap(Exception):
    """The old object is held somewhere `swap` cannot replace it (a tuple, a set)."""


def swap(roots: list[Any], old: Any, new: Any) -> int:
    """Replace `old` by `new` wherever `roots` hold it: in lists, dict values, and the
    attributes of content objects. Returns how many places were changed."""
    seen: set[int] = set()
    changed = 0
    todo = list(roots)
    while todo:
        value = todo.pop()
        if id(value) in seen or value is new:
            continue
        seen.add(id(value))
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item is old:
                    value[index] = new
                    changed += 1
                elif not _leaf(item):
                    todo.append(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key is old:
                    raise CannotSwap("a dictionary key")
                if item is old:
                    value[key] = new
                    changed += 1
                elif not _leaf(item):
                    todo.append(item)
        elif isinstance(value, tuple | set | frozenset):
            if any(item is old for item in value):
                raise CannotSwap(type(value).__name__)
            todo.extend(item for item in value if not _leaf(item))
        elif _kind(type(value)) == "content":
            for name, item in vars(value).items():
                if name in ("settings", "_context") or _leaf(item):
                    continue
                if item is old:
                    setattr(value, name, new)
                    changed += 1
                else:
                    todo.append(item)
    return changed


class Reach:
    """Whether a value reaches one of `targets` the way its fingerprint would (digest.py):
    through lists, dictionaries, the items of a paginator's page, and a content object's own
    attributes (not through `prev_article` and the like, which show only a neighbour's
    title and address, nor through a paginator, fingerprinted by its size)."""

    def __init__(self, targets: list[Any]) -> None:
        self._targets = {id(target) for target in targets}
        self._memo: dict[int, bool] = {}
        self._keep: list[Any] = []  # the ids in _memo stay those of live objects

    def __call__(self, value: Any) -> bool:
        if _leaf(value):
            return False
        if id(value) in self._targets:
            return True
        known = self._memo.get(id(value))
        if known is not None:
            return known
        self._memo[id(value)] = False  # a cycle does not reach more than its parts
        self._keep.append(value)
        found = any(self(item) for item in self._parts(value))
        self._memo[id(value)] = found
        return found

    @staticmethod
    def _parts(value: Any) -> list[Any]:
        if isinstance(value, list | tuple | set | frozenset):
            return list(value)
        if isinstance(value, dict):
            return list(value.values())
        kind = _kind(type(value))
        # As digest.py: a page by its items, a paginator by its size only.
        if kind == "page":
            return [value.object_list]
        if kind == "content":
            return [
                item
                for name, item in vars(value).items()
                if not _leaf(item) and name not in _NOT_WALKED
            ]
        return []


def reaches(call: tuple[str, tuple[Any, ...], dict[str, Any]], reach: Reach, names: Any) -> bool:
    """Whether a recorded writer call can show a target: one of its own arguments reaches
    it, or a shared context variable its template reads does (`names`: those variables,
    None when they cannot be known)."""
    method, args, kwargs = call
    if method == "write_feed":
        return reach(args[:1]) or reach(kwargs.get("elements"))
    own = list(args[3:]) + list(kwargs.values())
    if any(reach(value) for value in own):
        return True
    context = args[2] if len(args) > 2 else kwargs.get("context", {})
    if names is None:
        return True
    return any(reach(context[name]) for name in names if name in context)
