"""A date written day first (03/04/2026, the 3rd of April in France) that Pelican reads
month first (the 4th of March) is an error, at every build and in `invoke check`, with the
two ways to write it; dates that cannot be misread are left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ignored_input.dates import misread_dates
from pelican.utils import get_date

from tests.support import CONTENT, build_site, run_invoke


@pytest.mark.parametrize(
    ("value", "read", "meant"),
    [
        ("03/04/2026", "2026-03-04", "2026-04-03"),
        ("03-04-2026 18:30", "2026-03-04 18:30", "2026-04-03 18:30"),
        ("4.3.2026", "2026-04-03", "2026-03-04"),
        ("01/02/26", "2026-01-02", "2026-02-01"),
    ],
)
def test_a_date_that_could_be_day_first_is_an_error_with_both_readings(
    value: str, read: str, meant: str
) -> None:
    (problem,) = misread_dates([(2, "Date", value)])
    assert problem.line == 2
    # What Pelican really made of it, and what the suggestions say, agree with Pelican.
    assert get_date(value).strftime("%Y-%m-%d") == read[:10]
    assert problem.hint.startswith(f"écrivez {meant} pour le ")
    assert f"(ou {read} pour le " in problem.hint
    assert misread_dates([(5, "Modified", value)])[0].line == 5


@pytest.mark.parametrize(
    "value", ["2026-04-03", "20/11/2026", "11/20/2026", "12/12/2026", "2026/04/03", "demain"]
)
def test_dates_that_cannot_be_misread_are_left_alone(value: str) -> None:
    assert misread_dates([(2, "Date", value)]) == []
    assert misread_dates([(2, "Title", "03/04/2026")]) == []


def test_build_and_check_report_a_misread_date(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = content / "articles" / "2026-04-12-jardin-partage.md"
    text = article.read_text("utf-8")
    article.write_text(text.replace("Date: 2026-04-12 10:30", "Date: 03/04/2026 10:30"), "utf-8")
    expected = (
        "ERREUR content/articles/2026-04-12-jardin-partage.md:2 : « Date » : "
        "« 03/04/2026 10:30 » se lit 4 mars 2026 (le mois d’abord) : ambigu → écrivez "
        "2026-04-03 10:30 pour le 3 avril (ou 2026-03-04 10:30 pour le 4 mars)"
    )
    for _ in range(2):  # the second build reads the article from the cache
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 1, result.log
        assert result.log.count(expected) == 1, result.log
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert expected.removeprefix("ERREUR ") in proc.stdout
