"""Stock Pelican kept in one process between rebuilds, as `pelican --autoreload` runs it.

    python -m benchmarks.stock_live SETTINGS CONTENT OUTPUT

Speaks commands/build_server.py's protocol: each line "build" on standard input runs the
same Pelican instance again (a new set of generators, its content cache if the settings
enable it), then one line of JSON answers on standard output. The benchmark compares our
resident rebuild with this one, not only with a fresh `pelican` process.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    settings_file, content, output = argv or sys.argv[1:]
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # Pelican's own lines: to stderr
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output})
    pelican = Pelican(settings)
    for line in sys.stdin:
        if line.strip() != "build":
            continue
        started = time.perf_counter()
        try:
            pelican.run()
            kind = "full"
        except Exception as error:  # reported as a failed run, the benchmark says so
            print(f"{type(error).__name__}: {error}", file=sys.stderr)
            kind = "failed"
        seconds = time.perf_counter() - started
        answer = {"kind": kind, "seconds": seconds, "errors": 0, "warnings": 0, "reason": ""}
        print(json.dumps(answer), file=answers, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
