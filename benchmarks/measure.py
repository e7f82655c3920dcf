"""Run one command as an editor would (a fresh process) and measure its time and memory.

Time is wall-clock from start to exit. Memory is reported two ways, because our build runs
worker processes (Markdown, images, SEO) and no single number tells the whole story:

- `max_rss_mb`: the largest resident set of any one process of the command (the kernel's
  own figure, from `wait4`: exact, but blind to several workers alive at once);
- `peak_tree_mb`: the largest sum over the command's whole process tree, sampled every
  0.1 s from /proc (PSS where the kernel gives it, so pages shared by forked workers count
  once). Sampling can miss a peak shorter than the interval; it is None where /proc is
  missing (not Linux).

`peak_mb` is the larger of the two: what the machine must have free.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
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

    @property
    def peak_mb(self) -> float:
        return max(self.max_rss_mb, self.peak_tree_mb or 0.0)

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "peak_mb": round(self.peak_mb, 1)}


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
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _memory_kb(pid)
        todo += _children(pid)
    return total


class _Sampler(threading.Thread):
    """Samples a process tree's memory until told to stop; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, _tree_kb(self.pid))
            self.stop.wait(_INTERVAL)


def run(command: list[str], cwd: Path, log: Path, timeout: float = 3600) -> Run:
    """Run `command` in `cwd`, its output into `log`; measure it (see the module docstring)."""
    can_sample = (_PROC / str(os.getpid()) / "task").is_dir()
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = _Sampler(process.pid)
        if can_sample:
            sampler.start()
        deadline = start + timeout
        while True:
            # wait4 (not Popen.wait) gives the kernel's rusage of the finished process tree.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        if can_sample:
            sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux (bytes on macOS, where this harness is not meant to run).
    tail = "" if process.returncode == 0 else _tail(log)
    return Run(
        seconds=round(seconds, 3),
        max_rss_mb=round(usage.ru_maxrss / 1024, 1),
        peak_tree_mb=round(sampler.peak_kb / 1024, 1) if can_sample else None,
        returncode=process.returncode,
        log_tail=tail,
    )


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
