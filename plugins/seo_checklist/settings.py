"""The SEO checklist's settings: defaults in one dict, merged with the site's, checked once.

The table in README.md documents each one; keep the two together.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path
from typing import Any

from .registry import SEVERITIES, all_checks

logger = logging.getLogger(__name__)

PREFIX = "SEO_"

DEFAULTS: dict[str, Any] = {
    # Check the output at the end of every build (Pelican's `finalized` signal).
    "SEO_RUN_ON_BUILD": True,
    # Folder of seo-report.json and seo-report.html, never inside OUTPUT_PATH. Relative to
    # the project (the folder that holds PATH, i.e. content/).
    "SEO_REPORT_PATH": ".cache/seo",
    # <title>: a warning outside MIN–MAX characters, an error above HARD_MAX.
    "SEO_TITLE_MIN": 30,
    "SEO_TITLE_MAX": 60,
    "SEO_TITLE_HARD_MAX": 70,
    "SEO_DESCRIPTION_MIN": 70,
    "SEO_DESCRIPTION_MAX": 160,
    # Screen readers read long alt texts in one breath; 125 is the usual advice.
    "SEO_ALT_MAX": 125,
    "SEO_ARTICLE_MIN_WORDS": 300,
    "SEO_LISTING_MIN_WORDS": 30,
    "SEO_PARAGRAPH_MAX_WORDS": 150,
    # Google ignores BlogPosting headlines longer than this.
    "SEO_HEADLINE_MAX": 110,
    "SEO_SLUG_MAX": 75,
    # Regular expressions on the URL path without its first "/" ("2026/mon-article/").
    "SEO_ARTICLE_PATTERNS": [r"^\d{4}/[^/]+/$"],
    "SEO_LISTING_PATTERNS": [r"^annonces/(?!categorie/|type/|page/)[^/]+/$"],
    # Pages not checked at all (they still count as link targets).
    "SEO_EXCLUDE_PATTERNS": [],
    # Link texts that say nothing about where the link goes, compared lowercased, without
    # surrounding spaces and punctuation.
    "SEO_GENERIC_LINK_TEXTS": [
        "cliquez ici",
        "cliquer ici",
        "ici",
        "en savoir plus",
        "savoir plus",
        "lire la suite",
        "la suite",
        "suite",
        "lire plus",
        "en lire plus",
        "voir plus",
        "voir la suite",
        "plus d'infos",
        "plus d'informations",
        "lien",
        "ce lien",
        "voir",
        "plus",
        "page",
        "cet article",
        "click here",
        "here",
        "read more",
        "more",
        "learn more",
        "link",
    ],
    # Other sites the association accepts that visitors' browsers contact (third-party):
    # host names, a name covering its subdomains ("peertube.example.org").
    "SEO_THIRD_PARTY_HOSTS": [],
    # Check ids switched off for the whole site.
    "SEO_IGNORE": [],
    # check id → "error", "warning" or "notice", to make a check stricter or milder.
    "SEO_SEVERITY": {},
    # Processes that parse pages: 0 = one per CPU (used from 300 pages on), 1 = none.
    "SEO_WORKERS": 0,
    # At most this many warnings are logged one by one during a build; the report has all.
    "SEO_LOG_LIMIT": 50,
}

_COUNTS = (
    "SEO_TITLE_MIN",
    "SEO_TITLE_MAX",
    "SEO_TITLE_HARD_MAX",
    "SEO_DESCRIPTION_MIN",
    "SEO_DESCRIPTION_MAX",
    "SEO_ALT_MAX",
    "SEO_ARTICLE_MIN_WORDS",
    "SEO_LISTING_MIN_WORDS",
    "SEO_PARAGRAPH_MAX_WORDS",
    "SEO_HEADLINE_MAX",
    "SEO_SLUG_MAX",
    "SEO_WORKERS",
    "SEO_LOG_LIMIT",
)
_PATTERNS = ("SEO_ARTICLE_PATTERNS", "SEO_LISTING_PATTERNS", "SEO_EXCLUDE_PATTERNS")
_ORDERED = (
    ("SEO_TITLE_MIN", "SEO_TITLE_MAX"),
    ("SEO_TITLE_MAX", "SEO_TITLE_HARD_MAX"),
    ("SEO_DESCRIPTION_MIN", "SEO_DESCRIPTION_MAX"),
)


def _hint(name: str, known: Any) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _check_patterns(name: str, value: Any) -> None:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(f"{name} must be a list of regular expressions, got {value!r}.")
    for pattern in value:
        if not isinstance(pattern, str):
            raise ValueError(f"{name}: {pattern!r} is not a regular expression (text).")
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                f"{name}: {pattern!r} is not a valid regular expression: {error}."
            ) from None


def _check_ids(name: str, ids: Any) -> None:
    checks = all_checks()
    for check_id in ids:
        if check_id not in checks:
            raise ValueError(f"{name}: unknown check id {check_id!r}{_hint(check_id, checks)}.")


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in defaults in `settings` (in place), check every value, and return the result.

    A wrong value raises ValueError with the setting's name and the fix; an unknown SEO_*
    name is only logged, with the closest known name, since it does no harm.
    """
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default.copy() if isinstance(default, list | dict) else default)
    for name in sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS):
        logger.warning("Unknown setting %s%s", name, _hint(name, DEFAULTS))

    if not isinstance(settings["SEO_RUN_ON_BUILD"], bool):
        raise ValueError(
            f"SEO_RUN_ON_BUILD must be True or False, got {settings['SEO_RUN_ON_BUILD']!r}."
        )
    for name in _COUNTS:
        value = settings[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{name} must be a whole number ≥ 0, got {value!r}.")
    for low, high in _ORDERED:
        if settings[low] > settings[high]:
            raise ValueError(
                f"{low} ({settings[low]}) must not be greater than {high} ({settings[high]})."
            )
    for name in _PATTERNS:
        _check_patterns(name, settings[name])
    for name in ("SEO_GENERIC_LINK_TEXTS", "SEO_THIRD_PARTY_HOSTS"):
        texts = settings[name]
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise ValueError(f"{name} must be a list of texts, got {texts!r}.")
    for host in settings["SEO_THIRD_PARTY_HOSTS"]:
        if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", host):
            raise ValueError(
                f"SEO_THIRD_PARTY_HOSTS: {host!r} is not a host name; write the name alone, "
                "as in 'peertube.example.org' (no https://, no path)."
            )
    ignore = settings["SEO_IGNORE"]
    if isinstance(ignore, str) or not isinstance(ignore, list | tuple | set | frozenset):
        raise ValueError(f"SEO_IGNORE must be a list of check ids, got {ignore!r}.")
    _check_ids("SEO_IGNORE", ignore)
    severity = settings["SEO_SEVERITY"]
    if not isinstance(severity, dict):
        raise ValueError(f"SEO_SEVERITY must be a dict of check id → severity, got {severity!r}.")
    _check_ids("SEO_SEVERITY", severity)
    for check_id, level in severity.items():
        if level not in SEVERITIES:
            raise ValueError(
                f"SEO_SEVERITY[{check_id!r}] must be one of {', '.join(SEVERITIES)}, got {level!r}."
            )
    _check_report_path(settings)
    return settings


def report_folder(settings: dict[str, Any]) -> Path:
    """Where the reports go: SEO_REPORT_PATH, relative to the project (PATH's parent)."""
    folder = Path(settings["SEO_REPORT_PATH"]).expanduser()
    if not folder.is_absolute():
        project = Path(settings.get("PATH") or ".").resolve().parent
        folder = project / folder
    return folder.resolve()


def _check_report_path(settings: dict[str, Any]) -> None:
    value = settings["SEO_REPORT_PATH"]
    if not isinstance(value, str | Path) or not str(value).strip():
        raise ValueError(f"SEO_REPORT_PATH must be a folder such as '.cache/seo', got {value!r}.")
    if settings.get("OUTPUT_PATH"):
        output = Path(settings["OUTPUT_PATH"]).resolve()
        folder = report_folder(settings)
        # The report lists every weakness of the site: it must never be published with it.
        if folder == output or folder.is_relative_to(output):
            raise ValueError(
                f"SEO_REPORT_PATH ({folder}) is inside OUTPUT_PATH ({output}): the report "
                "would be published; choose a folder outside it, such as '.cache/seo'."
            )
