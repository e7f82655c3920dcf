"""SEO checklist: reads every page of the built site and reports what search engines and
readers would stumble on — titles, descriptions, headings, links, images, structured data.

As a Pelican plugin it runs at the end of each build; from Python, `check_site(output,
settings)` checks any output folder. Settings and the list of checks: README.md.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .cache import PageCache
from .engine import check_configured, check_site
from .prefetch import Prefetcher, background_workers
from .registry import Finding
from .report import Report
from .settings import DEFAULTS, configure, report_folder

__all__ = ["Finding", "Report", "check_site", "register", "run_after_build"]

logger = logging.getLogger(__name__)


# The pages parsed during the current build (prefetch.py); None outside a build.
_prefetcher: Prefetcher | None = None
# The report of the last build in this process, for a caller that runs Pelican in-process
# (`invoke build` prints its summary line).
last_report: Report | None = None


def _configure(pelican: Any) -> None:
    # At `initialized`: a bad SEO_* value stops the build before anything is generated,
    # instead of after a full build.
    global _prefetcher
    settings = configure(pelican.settings)
    _prefetcher = None
    workers = background_workers(settings["SEO_WORKERS"])
    if settings["SEO_RUN_ON_BUILD"] and workers:
        cache = PageCache(report_folder(settings), Path(settings["OUTPUT_PATH"]))
        _prefetcher = Prefetcher(Path(settings["OUTPUT_PATH"]), cache, workers)


def _page_written(path: str, context: Any = None) -> None:
    if _prefetcher is not None:
        _prefetcher.written(path)


def run_after_build(pelican: Any) -> Report | None:
    """`finalized` handler: check OUTPUT_PATH, write the reports, log the findings."""
    global last_report
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
    report = check_configured(
        Path(settings["OUTPUT_PATH"]), settings, cache_folder=folder, cache=cache
    )
    try:
        _json_path, html_path = report.write(folder)
    except OSError as error:
        logger.error("SEO : impossible d’écrire le rapport dans %s : %s", folder, error)
        html_path = None
    log_report(report, settings["SEO_LOG_LIMIT"], html_path)
    last_report = report
    return report


def log_report(report: Report, warning_limit: int, html_path: Path | None) -> None:
    """One summary line, then every error and the first `warning_limit` warnings.

    Errors are all logged because the build counts them to fail; warnings are capped so a
    site-wide theme problem does not bury the rest of the build log.
    """
    where = f" Rapport : {html_path}" if html_path else ""
    logger.info("%s%s", report.summary(), where)
    warnings = 0
    for finding in report.findings:
        if finding.severity == "error":
            logger.error("SEO %s", finding.line())
        elif finding.severity == "warning":
            warnings += 1
            if warnings <= warning_limit:
                logger.warning("SEO %s", finding.line())
        else:
            logger.debug("SEO %s", finding.line())
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
    # `finalized` comes after every generator and writer is done: output/ is complete.
    signals.finalized.connect(run_after_build)
