"""Fingerprints of what a template is given, so an unchanged page need not be rendered again.

`Digester.of(value)` reduces any value a template can receive to a short hash. Objects are
fingerprinted by what they hold, once per build (memoised by identity: during the writing
phase nothing changes them). What is deliberately left out, and why it is safe:

- `settings` and `_context` attributes: every setting is in the build-wide fingerprint.
- Other content objects reached through a content object (an article's `prev_article`) and
  paginators: only their identity and title (`_reference`); the list pages before and after
  the current one (`articles_next_page`…): only their name, address and number. Templates
  show a neighbour's title and address, not its text; they show the articles of the
  current page through `articles_page.object_list`, whose items are fingerprinted in full.

An object of a kind not handled here makes the digest `None`: the page is then always
rendered (when in doubt, rebuild).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import hashlib
import pathlib
from typing import Any

# Attributes of content objects that are not theirs to fingerprint (see the module's doc).
SKIPPED_ATTRIBUTES = frozenset({"settings", "_context", "_summary"})
# Attributes holding other content objects: fingerprinted by reference only.
REFERENCE_ATTRIBUTES = frozenset({"prev_article", "next_article", "paginator"})
# Template variables naming the list pages before and after this one (Pelican's
# `articles_previous_page`, `listings_next_page`…): templates link to them, and do not show
# their items. Fingerprinted by name, address and number only, like `prev_article`:
# otherwise an edited article would render again the list pages on either side of its own.
NEIGHBOUR_PAGE_SUFFIXES = ("_previous_page", "_next_page")


def is_neighbour_page(name: str, value: Any) -> bool:
    """Whether the template variable `name` holds a neighbouring list page (see above)."""
    kind = type(value)
    return name.endswith(NEIGHBOUR_PAGE_SUFFIXES) and (
        f"{kind.__module__}.{kind.__qualname__}" == "pelican.paginator.Page"
    )


# Exact types whose repr() is their fingerprint (checked by identity first: the fast path).
_PLAIN = frozenset({type(None), bool, int, float})


class Unhashable(Exception):
    """A value this module cannot fingerprint safely."""


class Digester:
    """Fingerprints values; one instance per build (it memoises objects by identity)."""

    def __init__(self, project: str = "") -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}
        # Paths inside the project are fingerprinted relative to it: a moved or freshly
        # cloned project keeps its caches.
        self._root = project.rstrip("/")

    def of(self, value: Any) -> bytes | None:
        """A fingerprint of `value` (bytes), or None if it cannot be taken."""
        try:
            return self._digest(value)
        except (Unhashable, RecursionError):
            return None

    def of_variable(self, name: str, value: Any) -> bytes | None:
        """A fingerprint of the template variable `name`: `of(value)`, except for a
        neighbouring list page, taken by reference (is_neighbour_page)."""
        if is_neighbour_page(name, value):
            return _h(b"n", self._digest([value.name, value.url, value.number]))
        return self.of(value)

    def _digest(self, value: Any) -> bytes:
        # Scalars are given as tagged bytes, not hashed: the compound holding them hashes
        # them with a length prefix (_h), which keeps the encoding unambiguous. Hashing each
        # of the ~300,000 scalars of a 3,000-page site on its own was most of the cost.
        kind = type(value)
        if kind is str or isinstance(value, str):  # Markup too
            root = self._root
            if root and value.startswith(root) and value[len(root) : len(root) + 1] in ("", "/"):
                value = "<project>" + value[len(root) :]
            return b"t" + value.encode("utf-8", "surrogatepass")
        if kind in _PLAIN or isinstance(value, bool | int | float | decimal.Decimal):
            return b"s" + repr(value).encode()
        if isinstance(value, bytes):
            return b"b" + value
        if isinstance(value, pathlib.PurePath):
            return self._digest(str(value))
        if isinstance(value, datetime.date | datetime.time | datetime.timedelta | datetime.tzinfo):
            return b"d" + repr(value).encode()
        key = id(value)
        known = self._memo.get(key)
        if known is not None and known[0] is value:
            return known[1]
        result = self._compound(value)
        # Keep a reference so the id cannot be reused by another object during the build.
        self._memo[key] = (value, result)
        return result

    def _compound(self, value: Any) -> bytes:
        if isinstance(value, list | tuple):
            return _h(b"l", *(self._digest(item) for item in value))
        if isinstance(value, dict):
            items = sorted((self._digest(k), self._digest(v)) for k, v in value.items())
            return _h(b"m", *(part for pair in items for part in pair))
        if isinstance(value, set | frozenset):
            return _h(b"e", *sorted(self._digest(item) for item in value))
        if callable(value) and hasattr(value, "__qualname__"):
            # Filters, template globals: their code is in the build-wide fingerprint.
            return _h(b"f", f"{value.__module__}.{value.__qualname__}".encode())
        kind = type(value)
        name = f"{kind.__module__}.{kind.__qualname__}"
        if name == "pelican.paginator.Paginator":
            return _h(b"P", self._digest([value.name, value.url, value.count, value.per_page]))
        if name == "pelican.paginator.Page":
            parts = [value.name, value.url, value.number, value.object_list]
            return _h(b"G", self._digest(parts), self._reference(value.paginator))
        if name.startswith("pelican.urlwrappers."):
            return _h(b"U", name.encode(), self._digest([value.name, value.slug]))
        if name.startswith("jinja2."):
            return _h(b"j", name.encode())  # Undefined and friends
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
            return _h(b"D", name.encode(), self._digest(fields))
        if hasattr(value, "__dict__") and name.startswith("pelican.contents."):
            # `content` is the HTML with {filename} links resolved: it changes when a linked
            # article moves, which its raw text does not show. Its `url` and `save_as` are
            # left out: Pelican derives them from its attributes (digested here) and the
            # settings (in the build-wide fingerprint), and deriving them costs a slugify.
            resolved = getattr(value, "content", None)
            return _h(b"C", name.encode(), self._content(vars(value)), self._digest(resolved))
        raise Unhashable(name)

    def _content(self, attributes: dict[str, Any]) -> bytes:
        parts = []
        for attribute in sorted(attributes):
            if attribute in SKIPPED_ATTRIBUTES:
                continue
            value = attributes[attribute]
            if attribute in REFERENCE_ATTRIBUTES:
                digest = self._reference(value)
            else:
                digest = self._digest(value)
            parts += [attribute.encode(), digest]
        return _h(b"c", *parts)

    def _reference(self, value: Any) -> bytes:
        if value is None:
            return b"-"
        fields = [getattr(value, name, None) for name in ("url", "save_as", "title")]
        return _h(b"r", type(value).__qualname__.encode(), self._digest(fields))


def _h(tag: bytes, *parts: bytes) -> bytes:
    digest = hashlib.blake2b(tag, digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(4, "little"))
        digest.update(part)
    return digest.digest()


def digest_files(paths: list[pathlib.Path], root: pathlib.Path) -> str:
    """One fingerprint for files' contents and paths (relative to `root` when inside it)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(root) if path.is_relative_to(root) else path
        digest.update(str(name).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
