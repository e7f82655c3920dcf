"""benchmarks/measure.py: the figures of one run come from the real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import measure

# A command whose child process burns 0.4 s of CPU (counted by the clock of CPU time, so
# however busy the machine is), then exits; the command waits for it.
_BURN = """
import subprocess, sys
subprocess.run([sys.executable, "-c", "import time\\nwhile time.process_time() < 0.4: pass"])
"""


def test_a_run_counts_the_cpu_time_of_the_processes_it_waited_for(tmp_path: Path) -> None:
    run = measure.run([sys.executable, "-c", _BURN], tmp_path, tmp_path / "burn.log")
    assert run.returncode == 0
    assert run.cpu_seconds is not None and run.cpu_seconds >= 0.4
    assert run.seconds > 0 and run.max_rss_mb > 0
    assert run.as_dict()["cpu_seconds"] == run.cpu_seconds


def test_cpu_seconds_of_a_live_process_grow_as_it_works() -> None:
    before = measure.cpu_seconds(os.getpid())
    start = time.process_time()
    while time.process_time() - start < 0.2:
        pass
    after = measure.cpu_seconds(os.getpid())
    assert before is not None and after is not None
    assert after - before >= 0.15  # clock ticks are 10 ms
    assert measure.cpu_seconds(2**22 + 1) is None  # no such process


def test_the_cpu_time_of_a_kept_process_counts_its_live_workers() -> None:
    # A worker that burns 0.3 s of CPU and stays alive, as a kept pool's worker does.
    worker = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nwhile time.process_time() < 0.3: pass\n"
         "print('done', flush=True)\nsys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        before = measure.tree_cpu_seconds(os.getpid())
        assert worker.stdout is not None and worker.stdout.readline() == "done\n"
        after = measure.tree_cpu_seconds(os.getpid())
        own_after = measure.cpu_seconds(os.getpid())
    finally:
        worker.communicate("")
    assert before is not None and after is not None
    assert own_after is not None
    # The live worker's 0.3 s count in the tree, not in the process's own figure (it has not
    # waited for the worker yet).
    assert after >= own_after + 0.25
    assert after >= before


def test_a_folder_is_set_aside_by_renaming_not_deleted(tmp_path: Path) -> None:
    # Between cold builds the benchmark moves the last output away: deleting 9,000 files
    # would slow the next build's file creation on ext4 (site_bench's doc).
    from types import SimpleNamespace

    from benchmarks.site_bench import SET_ASIDE, _Bench

    bench = SimpleNamespace(set_aside_folder=tmp_path / SET_ASIDE)
    for round_ in range(2):
        out = tmp_path / "out"
        (out / "page").mkdir(parents=True)
        (out / "page" / "index.html").write_text(f"round {round_}", encoding="utf-8")
        inode = (out / "page" / "index.html").stat().st_ino
        _Bench.set_aside(bench, out)  # type: ignore[arg-type]
        assert not out.exists()
        kept = tmp_path / SET_ASIDE / f"{round_}-out" / "page" / "index.html"
        assert kept.read_text(encoding="utf-8") == f"round {round_}"
        assert kept.stat().st_ino == inode  # the same file, not a copy
    _Bench.set_aside(bench, tmp_path / "missing")  # type: ignore[arg-type]
    assert len(list((tmp_path / SET_ASIDE).iterdir())) == 2
