"""The table of checks: each one has a stable id, a severity, a one-line fix, and a function.

The check modules (`checks.py`, `address.py`, `links.py`, `jsonld.py`, `sitewide.py`,
`privacy.py`) register their functions here with the decorators below; `all_checks()` imports
them so the table is full.
Ids are a contract: reports, opt-outs (`SEO_IGNORE`, `babillard:seo-ignore`) and the
`invoke seo` task refer to them, so an id is never renamed, only retired.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .page import Page
    from .site import Site

SEVERITIES = ("error", "warning", "notice")
# Which pages a page check leaves alone. Content checks skip pages that ask search engines
# not to index them, and the 404 page has no address of its own to canonicalise or share.
NOINDEX = "noindex"
NOT_FOUND = "404"
CONTENT = frozenset({NOINDEX})
SHARED = frozenset({NOINDEX, NOT_FOUND})
EVERY_PAGE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem on one page: what was measured, and how to fix it."""

    check_id: str
    severity: str
    page: str
    message: str
    fix: str

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.page, SEVERITIES.index(self.severity), self.check_id, self.message)

    def as_dict(self) -> dict[str, str]:
        return {
            "check": self.check_id,
            "severity": self.severity,
            "page": self.page,
            "message": self.message,
            "fix": self.fix,
        }

    def line(self) -> str:
        """`page: [id] message → fix`, the form the terminal and the build log use."""
        return f"{self.page}: [{self.check_id}] {self.message} → {self.fix}"


@dataclass(frozen=True, slots=True)
class Check:
    """One entry of the table. `func` yields messages (page checks) or (page, message)."""

    id: str
    severity: str
    summary: str
    fix: str
    site_wide: bool
    skip: frozenset[str]
    func: Callable[..., Iterable[Any]]
    # A page check whose result depends on other files or pages (a link's target exists).
    # The others depend on the page and the settings alone, so their findings are kept with
    # the page between runs (engine.py); they are run with a Context that refuses the site.
    uses_site: bool = False


@dataclass
class Context:
    """What every check may read: the site, the settings and a few derived values."""

    site: Site
    settings: dict[str, Any]
    # SITEURL without its final slash; "" for a local build, where absolute URLs are unknown.
    siteurl: str
    article_patterns: list[re.Pattern[str]] = field(default_factory=list)
    listing_patterns: list[re.Pattern[str]] = field(default_factory=list)
    # URL paths of pages that SEO_EXCLUDE_PATTERNS leaves out.
    excluded: set[str] = field(default_factory=set)
    # Results that several checks share (the sitemap's addresses), computed once.
    cache: dict[str, Any] = field(default_factory=dict)

    def kind(self, page: Page) -> str:
        """ "home", "article", "listing", "404" or "page", from the page's URL path."""
        if page.url == "/":
            return "home"
        if page.is_404:
            return "404"
        path = page.url.lstrip("/")
        if any(p.search(path) for p in self.article_patterns):
            return "article"
        if any(p.search(path) for p in self.listing_patterns):
            return "listing"
        return "page"

    def missing(self, address: str, page_url: str) -> bool:
        """Whether `address` (an href or src of the page at `page_url`) is in this site and
        no file of the build is there."""
        target = self.site.target(address, page_url)
        return target is not None and self.site.file_for(target[0]) is None

    def absolute(self, path: str) -> str:
        """The public address of a root-relative path ("/2026/x/")."""
        return self.siteurl + path


CHECKS: dict[str, Check] = {}


def _add(check: Check) -> None:
    if check.id in CHECKS:
        raise RuntimeError(f"SEO check id {check.id!r} is registered twice.")
    if check.severity not in SEVERITIES:
        raise RuntimeError(f"SEO check {check.id!r}: unknown severity {check.severity!r}.")
    CHECKS[check.id] = check


def page_check(
    check_id: str,
    severity: str,
    summary: str,
    fix: str,
    skip: frozenset[str] = CONTENT,
    uses_site: bool = False,
) -> Callable[[Callable[..., Iterable[str]]], Callable[..., Iterable[str]]]:
    """Register `func(page, ctx)`, which yields one French message per problem on the page.

    `uses_site`: the check reads other files or pages through `ctx.site` (see Check)."""

    def decorate(func: Callable[..., Iterable[str]]) -> Callable[..., Iterable[str]]:
        _add(Check(check_id, severity, summary, fix, False, skip, func, uses_site))
        return func

    return decorate


def site_check(
    check_id: str, severity: str, summary: str, fix: str
) -> Callable[[Callable[..., Iterable[tuple[str, str]]]], Callable[..., Iterable[tuple[str, str]]]]:
    """Register `func(ctx)`, which yields (page URL path, message) across the whole site."""

    def decorate(
        func: Callable[..., Iterable[tuple[str, str]]],
    ) -> Callable[..., Iterable[tuple[str, str]]]:
        _add(Check(check_id, severity, summary, fix, True, EVERY_PAGE, func))
        return func

    return decorate


def all_checks() -> dict[str, Check]:
    """The full table, in registration order (imports the modules that fill it)."""
    from . import address, checks, jsonld, links, privacy, sitewide  # noqa: F401  (registers)

    return CHECKS
