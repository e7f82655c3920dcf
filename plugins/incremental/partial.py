"""Partial builds, for a process that keeps Pelican's objects between builds (livereload).

After a full build, the generators, their context and every call the writer received are
still in memory. When only the text of an article, a page or a listing changed, `swap`
puts the re-read object in place of the old one everywhere those hold it; `reaches` tells
which writer calls can show it, and the caller makes those again; in them, a page is
rendered only if what its template can read reaches the object (`Reach`): the same reach a
fingerprint (digest.py) follows, so a partial build renders at least what a full
incremental build would. Every other page, feed and file stays as the last build left it.

What decides whether a partial build is allowed (nothing but the text changed, so no
address, title, date, tag or neighbour changed) is the caller's: see commands/resident.py.
When in doubt, it builds fully.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import functools
import pathlib
from typing import Any

from .digest import REFERENCE_ATTRIBUTES, SKIPPED_ATTRIBUTES, is_neighbour_page

_NOT_WALKED = SKIPPED_ATTRIBUTES | REFERENCE_ATTRIBUTES
_SCALARS = (
    str, bytes, int, float, decimal.Decimal, type(None), pathlib.PurePath,
    datetime.date, datetime.time, datetime.timedelta, datetime.tzinfo,
)  # fmt: skip


@functools.cache
def _kind(kind: type) -> str:
    """How a value of this type is fingerprinted (digest.py), hence walked here:
    "leaf" (holds no other object, or is fingerprinted by name: scalars, Pelican's
    categories and tags, Jinja objects, a paginator by its size), "list", "dict", "page" (a
    paginator's page: its items), "content" (Pelican's articles, pages…: their own
    attributes), "dataclass" (its fields), or "unknown" (not fingerprinted: a page showing
    it is rendered on every build)."""
    name = f"{kind.__module__}.{kind.__qualname__}"
    if issubclass(kind, _SCALARS) or name.startswith(("pelican.urlwrappers.", "jinja2.")):
        return "leaf"
    if name == "pelican.paginator.Paginator":
        return "leaf"
    if issubclass(kind, list | tuple | set | frozenset):
        return "list"
    if issubclass(kind, dict):
        return "dict"
    if name == "pelican.paginator.Page":
        return "page"
    if name.startswith("pelican.contents.") and hasattr(kind, "__dict__"):
        return "content"
    if dataclasses.is_dataclass(kind):
        return "dataclass"
    return "unknown"


def _leaf(value: Any) -> bool:
    kind = type(value)
    if kind is str:  # most of what is walked: a fast path before the kind's lookup
        return True
    found = _kind(kind)
    if found != "unknown":
        return found == "leaf"
    # Filters and template globals: fingerprinted by name, their code is in the build's.
    return callable(value) and hasattr(value, "__qualname__")


class CannotSwap(Exception):
    """The old object is held somewhere `swap` cannot replace it (a tuple, a set)."""


def swap(roots: list[Any], old: Any, new: Any) -> int:
    """Replace `old` by `new` wherever `roots` hold it: in lists, dict values, and the
    attributes of content objects and dataclasses. Returns how many places were changed."""
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
        elif _kind(type(value)) in ("content", "dataclass"):
            for name, item in _fields(value).items():
                if name in ("settings", "_context") or _leaf(item):
                    continue
                if item is old:
                    try:
                        setattr(value, name, new)
                    except dataclasses.FrozenInstanceError:
                        raise CannotSwap(type(value).__name__) from None
                    changed += 1
                else:
                    todo.append(item)
    return changed


def _fields(value: Any) -> dict[str, Any]:
    """A content object's attributes, a dataclass's fields (its __dict__ when it has one: the
    fields and maybe more, quicker to get)."""
    held = getattr(value, "__dict__", None)
    if held is not None:
        return held
    return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}


class Reach:
    """Whether a value reaches one of `targets` the way its fingerprint would (digest.py):
    through lists, dictionaries, the items of a paginator's page, a dataclass's fields and a
    content object's own attributes (not through `prev_article` and the like, which show
    only a neighbour's title and address, nor through a paginator, fingerprinted by its
    size). A value the fingerprint cannot take counts as reaching: a full build renders the
    page that shows it every time, so must a partial one."""

    def __init__(self, targets: list[Any]) -> None:
        self._targets = {id(target) for target in targets}
        self._memo: dict[int, bool] = {}
        self._shared: dict[tuple[int, frozenset[str]], bool] = {}
        self._keep: list[Any] = []  # the ids in _memo and _shared stay those of live objects

    def variable(self, name: str, value: Any) -> bool:
        """Whether the template variable `name` reaches a target: a neighbouring list page
        does not (its fingerprint is its address: digest.is_neighbour_page)."""
        return not is_neighbour_page(name, value) and self(value)

    def context(self, context: dict[str, Any], names: frozenset[str]) -> bool:
        """Whether one of the variables `names` of `context` reaches a target. Writer calls
        share their generator's context, and the calls of one template the same names: one
        answer per pair, rather than going over some twenty variables again for each of the
        3,000 calls of a 3,000-page site (a third of what `reaches` cost a livereload
        rebuild there)."""
        key = (id(context), names)
        found = self._shared.get(key)
        if found is None:
            found = any(self.variable(name, context[name]) for name in names if name in context)
            self._shared[key] = found
            self._keep.append(context)
        return found

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
        kind = _kind(type(value))
        found = kind == "unknown" or any(self(item) for item in _parts(value, kind))
        self._memo[id(value)] = found
        return found


def _parts(value: Any, kind: str) -> list[Any]:
    if kind == "list":
        return list(value)
    if kind == "dict":
        return list(value.values())
    if kind == "page":
        return [value.object_list]
    if kind == "dataclass":
        return list(_fields(value).values())
    # content
    return [
        item for name, item in vars(value).items() if name not in _NOT_WALKED and not _leaf(item)
    ]


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
    return reach.context(context, names)
