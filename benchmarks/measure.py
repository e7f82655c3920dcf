"""Run one command as an editor would (a fresh process) and measure its time and memory.

Time is wall-clock from the command's start to its exit. Memory is reported two ways,
because our build runs worker processes (Markdown, images, SEO) and no single number tells
the whole story:

- `max_rss_mb`: the largest resident set of any one process of the command (the kernel's
  own figure, `RUSAGE_CHILDREN` in a small wrapper process: exact, but blind to several
  workers alive at once);
- `peak_tree_mb`: the largest sum over the command's whole process tree, sampled every
  0.1 s from /proc (PSS where the kernel gives it, so pages shared by forked workers count
  once). Sampling can miss a peak shorter than the interval; it is None where /proc is
  missing (not Linux).

`peak_mb` is the larger of the two: what the machine must have free.

CPU is measured too (`cpu_seconds`: user + system time of the command and every process
it started and waited for, its worker pools included). Wall time is what the targets
judge; CPU time tells what spreading the work over more cores could still gain (on 2
cores, a build needs at least half its CPU time), and it varies less from run to run on a
shared machine.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

_PROC = Path("/proc")
_INTERVAL = 0.1


@dataclass
class Run:
    """One run of a command: seconds, memory, and how it ended."""

    seconds: float
    max_rss_mb: float
    peak_tree_mb: float | None
    returncode: int
    log_tail: str = ""
    cpu_seconds: float | None = None  # None where it cannot be known

    @property
    def peak_mb(self) -> float:
        return max(self.max_rss_mb, self.peak_tree_mb or 0.0)

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "peak_mb": round(self.peak_mb, 1)}


def peak_rss_mb(pid: int) -> float:
    """The largest resident set `pid` has had so far (VmHWM), in MB; 0 if unknown.

    For a process kept up between builds, where `run` cannot wait for an exit."""
    try:
        for line in (_PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def cpu_seconds(pid: int) -> float | None:
    """User + system time of `pid` and of the children it has waited for, so far (from
    /proc/<pid>/stat); None if unknown."""
    try:
        # The fields after the command name, which is in parentheses and may hold spaces.
        fields = (_PROC / str(pid) / "stat").read_text().rpartition(")")[2].split()
        # utime, stime, cutime, cstime: fields 14 to 17 of proc(5), from the state (3rd).
        ticks = sum(int(value) for value in fields[11:15])
    except (OSError, ValueError, IndexError):
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float | None:
    """cpu_seconds of `pid` and of each of its live descendants (worker pools kept between
    builds); None if unknown. For a process kept up between builds, the difference over one
    build is that build's CPU time: a worker that ends during it moves from the live ones to
    its parent's waited-for children with the same total."""
    own = cpu_seconds(pid)
    if own is None:
        return None
    total, todo = own, _children(pid)
    while todo:
        child = todo.pop()
        total += cpu_seconds(child) or 0.0
        todo += _children(child)
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in (_PROC / str(pid) / "task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _memory_kb(pid: int) -> int:
    """PSS of `pid` in KiB (RSS if the kernel has no smaps_rollup); 0 if it has exited."""
    try:
        for line in (_PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        pages = int((_PROC / str(pid) / "statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _tree_kb(root: int) -> int:
    """Memory of every descendant of `root` (the wrapper itself is not counted)."""
    total, todo = 0, _children(root)
    while todo:
        pid = todo.pop()
        total += _memory_kb(pid)
        todo += _children(pid)
    return total


class Sampler(threading.Thread):
    """Samples a process tree's memory until told to stop; keeps the peak. The process
    itself counts with `include_root` (a kept worker); not for run()'s small wrapper."""

    def __init__(self, pid: int, include_root: bool = False) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.include_root = include_root
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            own = _memory_kb(self.pid) if self.include_root else 0
            self.peak_kb = max(self.peak_kb, own + _tree_kb(self.pid))
            self.stop.wait(_INTERVAL)

    def finish(self) -> float | None:
        """Stop; the peak in MB (None where /proc cannot be read)."""
        self.stop.set()
        if self.is_alive():
            self.join()
        return round(self.peak_kb / 1024, 1) if can_sample() else None


def can_sample() -> bool:
    return (_PROC / str(os.getpid()) / "task").is_dir()


# A small process between the harness and the command. Linux counts in a child's ru_maxrss
# the memory of the process it was forked from (at exec, the old image's high-water mark), so
# commands started straight from the harness, which holds the generated site, would all seem
# to need the harness's size. This wrapper is a few MB; it also times the command itself.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    json.dump({
        "seconds": seconds,
        "max_rss_kb": usage.ru_maxrss,
        "returncode": code,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }, out)
"""


def run(command: list[str], cwd: Path, log: Path, timeout: float = 3600) -> Run:
    """Run `command` in `cwd`, its output into `log`; measure it (see the module docstring)."""
    sampling = can_sample()
    figures = log.with_suffix(".json")
    wrapper = [sys.executable, "-S", "-c", _WRAPPER, str(figures), *command]
    with log.open("wb") as out:
        process = subprocess.Popen(
            wrapper, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        sampler = Sampler(process.pid)
        if sampling:
            sampler.start()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        finally:
            peak_tree = sampler.finish()
    try:
        measured = json.loads(figures.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # killed, or the wrapper itself failed
        measured = {"seconds": timeout, "max_rss_kb": 0, "returncode": process.returncode or -9}
    returncode = measured["returncode"]
    return Run(
        seconds=round(measured["seconds"], 3),
        # ru_maxrss is in KiB on Linux (bytes on macOS, where this harness is not meant to run).
        max_rss_mb=round(measured["max_rss_kb"] / 1024, 1),
        peak_tree_mb=peak_tree,
        returncode=returncode,
        log_tail="" if returncode == 0 else _tail(log),
        cpu_seconds=(
            round(measured["cpu_seconds"], 2) if measured.get("cpu_seconds") is not None else None
        ),
    )


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
