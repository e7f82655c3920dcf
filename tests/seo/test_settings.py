"""SEO_* settings: defaults, a clear ValueError for a bad value, a hint for a typo."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from seo_checklist import check_site
from seo_checklist.settings import DEFAULTS, configure, report_folder


def test_defaults_fill_in_and_caller_dict_is_left_alone(tmp_path: Path) -> None:
    settings = configure({})
    assert all(settings[name] == value for name, value in DEFAULTS.items())
    assert settings["SEO_ARTICLE_PATTERNS"] is not DEFAULTS["SEO_ARTICLE_PATTERNS"]
    mine: dict[str, Any] = {"SITEURL": ""}
    (tmp_path / "index.html").write_text("<title>x</title>", encoding="utf-8")
    check_site(tmp_path, mine)
    assert mine == {"SITEURL": ""}


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("SEO_TITLE_MAX", "60", "whole number"),
        ("SEO_TITLE_MIN", -1, "whole number"),
        ("SEO_TITLE_MIN", 80, "must not be greater than SEO_TITLE_MAX"),
        ("SEO_RUN_ON_BUILD", "yes", "True or False"),
        ("SEO_ARTICLE_PATTERNS", r"^\d{4}/", "list of regular expressions"),
        ("SEO_LISTING_PATTERNS", ["annonces/(["], "not a valid regular expression"),
        ("SEO_IGNORE", ["title-lenght"], "did you mean title-length?"),
        ("SEO_SEVERITY", {"title-length": "fatal"}, "error, warning, notice"),
        ("SEO_GENERIC_LINK_TEXTS", "ici", "list of texts"),
        ("SEO_REPORT_PATH", "", "folder"),
    ],
)
def test_bad_value_names_the_setting(name: str, value: Any, words: str) -> None:
    with pytest.raises(ValueError, match=name) as error:
        configure({name: value})
    assert words in str(error.value)


def test_report_path_inside_output_is_refused(tmp_path: Path) -> None:
    settings = {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "SEO_REPORT_PATH": "output/seo",
    }
    with pytest.raises(ValueError, match=r"SEO_REPORT_PATH .* is inside OUTPUT_PATH"):
        configure(settings)


def test_report_path_is_relative_to_the_project(tmp_path: Path) -> None:
    settings = configure({"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out")})
    assert report_folder(settings) == (tmp_path / ".cache" / "seo").resolve()


def test_unknown_setting_is_reported_with_the_closest_name(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        configure({"SEO_TITEL_MAX": 60, "LISTING_PATH": "x"})
    assert caplog.messages == ["Unknown setting SEO_TITEL_MAX (did you mean SEO_TITLE_MAX?)"]
    assert caplog.records[0].levelno == logging.WARNING
