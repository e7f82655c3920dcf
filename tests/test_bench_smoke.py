"""`invoke bench` runs end to end at the tiniest size and writes every figure.

This proves the instrument works; it says nothing about speed (a tiny site on a busy CI
machine is no benchmark), so no timing is asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.report import OURS
from tests.support import run_invoke

pytestmark = pytest.mark.slow


def test_bench_at_the_tiny_size_writes_every_scenario(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = run_invoke("bench", "--size", "tiny", "--repeats", "1", "--json-out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(out.read_text(encoding="utf-8"))

    scenarios = result["scenarios"]
    stock = {"stock_cached_prime", "stock_cold", "stock_cached_edit", "stock_live_edit"}
    assert set(scenarios) == {*stock, *OURS}
    for name, figures in scenarios.items():
        assert figures["ok"], (name, figures["runs"])
        assert figures["seconds"] > 0 and figures["peak_mb"] > 0, name
        # Every process of the command, or the kept worker's CPU over its rebuild.
        assert figures["cpu_seconds"] is not None, name
        if name.startswith("live_") or name == "stock_live_edit":
            assert figures["cpu_seconds"] >= 0, name
        else:
            assert figures["cpu_seconds"] > 0, name
        assert len(figures["runs"]) == 1
    # The thumbnails plugin's own record: a cold build encodes, an unchanged one does not.
    assert scenarios["cold_images"]["thumbnails_encoded"][0] > 0
    assert scenarios["noop"]["thumbnails_encoded"] == [0]
    assert scenarios["replace_photo"]["thumbnails_encoded"][0] > 0
    # The kept processes rebuilt: ours partially (only an article's or a listing's text
    # changed).
    assert scenarios["live_edit_article"]["kinds"] == ["partial"]
    assert scenarios["live_edit_listing"]["kinds"] == ["partial"]
    assert scenarios["stock_live_edit"]["kinds"] == ["full"]

    thumbs = result["thumbnails"]
    assert thumbs["plain_pillow_images_per_second"] > 0
    assert thumbs["babillard_images_per_second"] > 0
    assert thumbs["warm_run_encoded"] == 0

    assert [target["target"] for target in result["targets"]] == [1, "1b", "1c", 2, 3, 4, 5]
    assert {target["verdict"] for target in result["targets"]} <= {"PASS", "FAIL", "n/a"}
    # Target 5 is stated for 5,000 articles + 10,000 listings: not judged at this size.
    assert result["targets"][6]["verdict"] in ("n/a", "FAIL")
    assert "objectif" in proc.stdout and "Durée totale" in proc.stdout
