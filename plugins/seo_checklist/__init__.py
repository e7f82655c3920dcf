"""SEO checklist: reads every page of the built site and reports what search engines and
readers would stumble on — titles, descriptions, headings, links, images, structured data.

As a Pelican plugin it runs at the end of each build; from Python, `check_site(output,
settings)` checks any output folder. Settings and the list of checks: README.md.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import PageCache
from .engine import SiteMemo, check_loaded, check_site, run_checks
from .prefetch import Prefetcher, background_workers
from .registry import Finding
from .report import Report
from .settings import DEFAULTS, configure, report_folder
from .site import Site
from .sources import page_sources, source_of

__all__ = ["Finding", "Report", "check_site", "check_written", "register", "run_after_build"]

logger = logging.getLogger(__name__)


# The pages parsed during the current build (prefetch.py); None outside a build.
_prefetcher: Prefetcher | None = None
# The report of the last build in this process, for a caller that runs Pelican in-process
# (`invoke build` prints its summary line).
last_report: Report | None = None


@dataclass
class _Checked:
    """The last check of an output folder in this process, which check_written continues."""

    output: Path
    site: Site
    cache: PageCache | None
    memo: SiteMemo = field(default_factory=dict)


_last_checked: _Checked | None = None
# The source file of each page of the current build (sources.py), for the findings logged;
# the folder their paths are shown from (the one holding content/).
_sources: dict[str, Path] = {}
_root = Path.cwd()


def _configure(pelican: Any) -> None:
    # At `initialized`: a bad SEO_* value stops the build before anything is generated,
    # instead of after a full build.
    global _prefetcher, _last_checked, _sources, _root
    settings = configure(pelican.settings)
    _prefetcher = None
    _sources, _root = {}, Path(settings["PATH"]).resolve().parent
    _last_checked = None  # a new build checks anew; the old site need not stay in memory
    workers = background_workers(settings["SEO_WORKERS"])
    if settings["SEO_RUN_ON_BUILD"] and workers:
        cache = PageCache(report_folder(settings), Path(settings["OUTPUT_PATH"]))
        _prefetcher = Prefetcher(Path(settings["OUTPUT_PATH"]), cache, workers)


def _read_all(generators: list[Any]) -> None:
    # Every source is read and every address known; partial builds (which send no signal
    # but reading's) change neither.
    global _sources
    if generators:
        _sources = page_sources(generators[0].context)


def _page_written(path: str, context: Any = None) -> None:
    if _prefetcher is not None:
        _prefetcher.written(path)


def run_after_build(pelican: Any) -> Report | None:
    """`finalized` handler: check OUTPUT_PATH, write the reports, log the findings."""
    global _last_checked
    settings = pelican.settings
    if not DEFAULTS.keys() <= settings.keys():
        configure(settings)  # called without `initialized` (a script, a test)
    if not settings["SEO_RUN_ON_BUILD"]:
        return None
    folder = report_folder(settings)
    cache = None
    if _prefetcher is not None:
        _prefetcher.finish()
        cache = _prefetcher.cache
    output = Path(settings["OUTPUT_PATH"])
    _last_checked = None
    memo: SiteMemo = {}
    report, site, cache = check_loaded(output, settings, folder, cache, memo)
    _last_checked = _Checked(output, site, cache, memo)
    return _publish(report, settings, folder)


def check_written(pelican: Any, written: list[str]) -> Report | None:
    """After a build that rewrote only `written` (files relative to OUTPUT_PATH) since the
    last check in this process — a partial build (commands/resident.py): the same check and
    report as run_after_build, with only those pages read again and, if no page's anchors
    changed, only their links followed again. Falls back to run_after_build when there is
    no such check to continue."""
    global _last_checked
    settings = pelican.settings
    if not settings.get("SEO_RUN_ON_BUILD"):
        return None
    last = _last_checked
    output = Path(settings["OUTPUT_PATH"])
    site = None
    if last is not None and last.output == output:
        site = last.site.refresh(written, settings["SEO_WORKERS"], last.cache)
    if site is None:
        return run_after_build(pelican)
    started = time.perf_counter()
    findings, checked = run_checks(site, settings, last.cache, last.memo)
    last.site = site
    # The page cache is not written here (a quarter of the time): it keeps these pages in
    # memory for the next check; a later process only parses them again.
    report = Report(findings, checked, time.perf_counter() - started)
    return _publish(report, settings, report_folder(settings))


def _publish(report: Report, settings: dict[str, Any], folder: Path) -> Report:
    global last_report
    try:
        _json_path, html_path = report.write(folder)
    except OSError as error:
        logger.error("SEO : impossible d’écrire le rapport dans %s : %s", folder, error)
        html_path = None
    log_report(report, settings["SEO_LOG_LIMIT"], html_path, _sources, _root)
    last_report = report
    return report


def log_report(
    report: Report,
    warning_limit: int,
    html_path: Path | None,
    sources: dict[str, Path] | None = None,
    root: Path | None = None,
) -> None:
    """One summary line, then every error and the first `warning_limit` warnings.

    Errors are all logged because the build counts them to fail; warnings are capped so a
    site-wide theme problem does not bury the rest of the build log. With `sources` (page
    → source file, sources.py), a finding on a page made from a file names it, with its
    paths shown from `root`.
    """
    where = f" Rapport : {html_path}" if html_path else ""
    logger.info("%s%s", report.summary(), where)
    warnings = 0
    for finding in report.findings:
        if finding.severity == "warning":
            warnings += 1
            if warnings > warning_limit:
                continue
        text = finding.line()
        source = source_of(finding, sources, root or Path.cwd()) if sources else ""
        if source:
            text += f" (source : {source})"
        level = {"error": logging.ERROR, "warning": logging.WARNING}.get(finding.severity)
        logger.log(level or logging.DEBUG, "SEO %s", text)
    if warnings > warning_limit:
        logger.warning(
            "SEO : %d autres avertissements ne sont pas affichés ; voir %s",
            warnings - warning_limit,
            html_path or "le rapport",
        )


def register() -> None:
    """Pelican entry point."""
    from pelican import signals

    signals.initialized.connect(_configure)
    # Each page Pelican writes is parsed in the background while the build goes on.
    signals.content_written.connect(_page_written)
    signals.all_generators_finalized.connect(_read_all)
    # `finalized` comes after every generator and writer is done: output/ is complete.
    signals.finalized.connect(run_after_build)
