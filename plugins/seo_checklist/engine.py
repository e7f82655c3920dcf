"""Run every check on a built site: `check_site(output, settings)` returns a Report.

This is the one entry point for both uses: the plugin calls it at the end of a build, and
`invoke seo` (or any script) can call it on an output folder without running Pelican.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import time
from pathlib import Path
from typing import Any

from .cache import PageCache
from .registry import NOINDEX, NOT_FOUND, Check, Context, Finding, all_checks
from .report import Report
from .settings import configure
from .site import Site

# The package's code: a change to any check may change any finding (see _rules).
_PACKAGE = Path(__file__).parent


class _Values(dict[str, Any]):
    # Fix texts name settings in braces; an unknown name stays as written.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def check_site(output: Path | str, settings: dict[str, Any] | None = None) -> Report:
    """Check every HTML page of the built site in `output` with Pelican-style `settings`.

    `settings` may hold only a few names (SITEURL, SEO_*); the defaults fill in the rest and
    the caller's dict is not changed. A bad SEO_* value raises ValueError.
    """
    return check_configured(Path(output), configure(dict(settings or {})))


def check_configured(
    output: Path,
    settings: dict[str, Any],
    cache_folder: Path | None = None,
    cache: PageCache | None = None,
) -> Report:
    """`check_site` for settings that `configure` has already filled in and checked.

    With `cache_folder`, pages whose bytes did not change since the last run there are not
    parsed again (see cache.py); the build and `invoke seo` use the report folder.
    """
    return check_loaded(output, settings, cache_folder, cache, None)[0]


def check_loaded(
    output: Path,
    settings: dict[str, Any],
    cache_folder: Path | None,
    cache: PageCache | None,
    memo: SiteMemo | None,
) -> tuple[Report, Site, PageCache | None]:
    """check_configured, also giving the site it loaded and the cache it used, and filling
    `memo` (run_checks): what a later check of a few rewritten pages continues from."""
    if not output.is_dir():
        raise FileNotFoundError(f"No built site in {output}: build it first (invoke build).")
    started = time.perf_counter()
    if cache is None and cache_folder is not None:
        cache = PageCache(cache_folder, output)
    site = Site.load(output, str(settings.get("SITEURL") or ""), settings["SEO_WORKERS"], cache)
    findings, checked = run_checks(site, settings, cache, memo)
    if cache is not None:
        cache.save()
    return Report(findings, checked, time.perf_counter() - started), site, cache


class _SiteRefused:
    """What a page-only check gets as `ctx.site`, `ctx.cache` and `ctx.excluded`.

    Such a check's findings are kept with the page (cache.py), so it must not depend on other
    pages: reading the site from it is a bug in the check's registration, made loud here.
    Only `target()` is allowed: where a link leads depends on the link and SITEURL alone.
    """

    def __init__(self, site: Site) -> None:
        self._site = site

    def target(self, href: str, base: str) -> tuple[str, str] | None:
        return self._site.target(href, base)

    def _refuse(self, *_args: Any) -> Any:
        raise RuntimeError("A page check without uses_site=True read the site (registry.py).")

    __getattr__ = __contains__ = __getitem__ = __iter__ = __setitem__ = _refuse


def _rules(settings: dict[str, Any], checks: list[Check]) -> str:
    """What page-only findings depend on besides the page: the checks' code and settings."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for key in sorted(settings):
        if key.startswith(("SEO_", "SITEURL")):
            digest.update(f"{key}={settings[key]!r}\0".encode())
    digest.update(" ".join(check.id for check in checks).encode())
    return digest.hexdigest()


SiteMemo = dict[str, tuple[Any, object, list[tuple[str, str]]]]


def run_checks(
    site: Site,
    settings: dict[str, Any],
    cache: PageCache | None = None,
    memo: SiteMemo | None = None,
) -> tuple[list[Finding], int]:
    """All findings for `site`, with the number of pages checked.

    The findings of checks that depend on a page alone are kept on the page
    (Page.kept_findings): a page from `cache` whose rules did not change is not checked
    again by them. The page checks that read the site are kept in `memo` (by URL, with the
    page and the site's shape, Site.shape), when given, for the next run in this process;
    the site-wide checks always run.
    """
    excluded_patterns = [re.compile(p) for p in settings["SEO_EXCLUDE_PATTERNS"]]
    ctx = Context(
        site=site,
        settings=settings,
        siteurl=site.siteurl,
        article_patterns=[re.compile(p) for p in settings["SEO_ARTICLE_PATTERNS"]],
        listing_patterns=[re.compile(p) for p in settings["SEO_LISTING_PATTERNS"]],
        excluded={
            url for url in site.pages if any(p.search(url.lstrip("/")) for p in excluded_patterns)
        },
    )
    values = _Values({k: v for k, v in settings.items() if k.startswith(("SEO_", "SITEURL"))})
    ignored = set(settings["SEO_IGNORE"])
    overrides: dict[str, str] = settings["SEO_SEVERITY"]
    active = [check for check in all_checks().values() if check.id not in ignored]
    fixes = {check.id: check.fix.format_map(values) for check in active}

    def finding(check: Check, page: str, message: str) -> Finding:
        severity = overrides.get(check.id, check.severity)
        return Finding(check.id, severity, page, message, fixes[check.id])

    findings: list[Finding] = []
    page_checks = [check for check in active if not check.site_wide]
    local_checks = [check for check in page_checks if not check.uses_site]
    refused = _SiteRefused(site)
    local_ctx = dataclasses.replace(ctx, site=refused, cache=refused, excluded=refused)
    rules = _rules(settings, local_checks)
    by_id = {check.id: check for check in page_checks}
    for url in sorted(site.pages):
        page = site.pages[url]
        if url in ctx.excluded:
            continue
        if page.unreadable:
            unreadable = all_checks()["page-unreadable"]
            if unreadable in active:
                findings.extend(finding(unreadable, url, m) for m in unreadable.func(page, ctx))
            continue
        opted_out = page.ignored
        skipped = {NOINDEX} if page.noindex else set()
        if page.is_404:
            skipped.add(NOT_FOUND)
        wanted = [c for c in page_checks if c.id not in opted_out and not c.skip & skipped]
        if page.kept_findings is None or page.kept_findings[0] != rules:
            found = [
                (check.id, message)
                for check in wanted
                if not check.uses_site
                for message in check.func(page, local_ctx)
            ]
            page.kept_findings = (rules, found)
            if cache is not None:
                cache.findings_changed = True
        findings.extend(
            finding(by_id[check_id], url, message) for check_id, message in page.kept_findings[1]
        )
        kept = memo.get(url) if memo is not None else None
        if kept is not None and kept[0] is page and kept[1] is site.shape:
            found = kept[2]
        else:
            found = [
                (check.id, message)
                for check in wanted
                if check.uses_site
                for message in check.func(page, ctx)
            ]
            if memo is not None:
                memo[url] = (page, site.shape, found)
        findings.extend(finding(by_id[check_id], url, m) for check_id, m in found)
    for check in active:
        if not check.site_wide:
            continue
        for url, message in check.func(ctx):
            page = site.pages.get(url)
            if url in ctx.excluded or (page is not None and check.id in page.ignored):
                continue
            findings.append(finding(check, url, message))
    return findings, len(site.pages) - len(ctx.excluded)
