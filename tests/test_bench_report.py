"""The benchmark's verdicts: measured ratios judged, failed builds failed, the rest n/a."""

from __future__ import annotations

from benchmarks.report import table, verdicts


def _scenario(seconds: float, ok: bool = True) -> dict:
    return {"seconds": seconds, "peak_mb": 100.0, "ok": ok, "runs": []}


def test_targets_are_judged_from_the_ratios_and_a_failed_build_fails() -> None:
    result = {
        "size": {"articles": 1000, "listings": 2000},
        "scenarios": {
            "stock_cold": _scenario(4.0),
            "stock_cached_edit": _scenario(2.0),
            "noop": _scenario(0.2),
            "edit_article": _scenario(0.5),
            "live_edit_article": _scenario(0.3),
            "cold": _scenario(9.0, ok=False),
        },
    }
    found = {target["target"]: target for target in verdicts(result)}
    # Target 1 is livereload's rebuild; 1b the same edit in a fresh process; 1c not measured.
    assert found[1]["verdict"] == "PASS" and found[1]["measured"] == 0.15
    assert found["1b"]["verdict"] == "FAIL" and found["1b"]["measured"] == 0.25
    assert found["1c"]["verdict"] == "n/a"
    assert found[2]["verdict"] == "PASS"  # 0.05 < 0.1
    assert found[3]["verdict"] == "FAIL" and "a échoué" in found[3]["note"]
    assert found[4]["verdict"] == "n/a"  # the thumbnails bench did not run
    assert found[5]["verdict"] == "n/a"  # memory is judged at the large size only


def test_the_table_shows_each_scenarios_cpu_time_when_known() -> None:
    scenarios = {"stock_cold": _scenario(4.0), "cold": _scenario(9.0)}
    scenarios["cold"]["cpu_seconds"] = 15.25
    result = {
        "size": {"articles": 1000, "listings": 2000, "photos": 24, "repeats": 3},
        "machine": {
            "cpus": 2,
            "load_average_before": [1.0],
            "pelican": "4.12.0",
            "commit": "abc1234",
            "uncommitted_changes": False,
        },
        "scenarios": scenarios,
        "targets": [],
        "total_seconds": 60.0,
    }
    lines = table(result).splitlines()
    header = next(line for line in lines if line.startswith("scénario"))
    assert "CPU s" in header
    cold = next(line for line in lines if line.startswith("Babillard, à froid, images en cache"))
    assert cold[44:].split()[:3] == ["9.00", "15.2", "100"]  # seconds, CPU s, peak MB
    stock = next(line for line in lines if line.startswith("Pelican seul, à froid"))
    assert "–" in stock  # not measured: said, not shown as 0
