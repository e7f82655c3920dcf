"""Run every check on a built site: `check_site(output, settings)` returns a Report.

This is the one entry point for both uses: the plugin calls it at the end of a build, and
`invoke seo` (or any script) can call it on an output folder without running Pelican.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from .cache import PageCache
from .registry import NOINDEX, NOT_FOUND, Check, Context, Finding, all_checks
from .report import Report
from .settings import configure
from .site import Site


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
    if not output.is_dir():
        raise FileNotFoundError(f"No built site in {output}: build it first (invoke build).")
    started = time.perf_counter()
    if cache is None and cache_folder is not None:
        cache = PageCache(cache_folder, output)
    site = Site.load(output, str(settings.get("SITEURL") or ""), settings["SEO_WORKERS"], cache)
    if cache is not None:
        cache.save()
    findings, checked = run_checks(site, settings)
    return Report(findings, checked, time.perf_counter() - started)


def run_checks(site: Site, settings: dict[str, Any]) -> tuple[list[Finding], int]:
    """All findings for `site`, with the number of pages checked."""
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
        for check in page_checks:
            if check.id in opted_out or (skipped and check.skip & skipped):
                continue
            findings.extend(finding(check, url, message) for message in check.func(page, ctx))
    for check in active:
        if not check.site_wide:
            continue
        for url, message in check.func(ctx):
            page = site.pages.get(url)
            if url in ctx.excluded or (page is not None and check.id in page.ignored):
                continue
            findings.append(finding(check, url, message))
    return findings, len(site.pages) - len(ctx.excluded)
