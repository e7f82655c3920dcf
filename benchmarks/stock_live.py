"""Stock Pelican kept in one process between rebuilds, as `pelican --autoreload` runs it.

    python -m benchmarks.stock_live SETTINGS CONTENT OUTPUT

Speaks commands/build_server.py's protocol: each line "build" on standard input runs the
same Pelican instance again (a new set of generators, its content cache if the settings
enable it), then one line of JSON answers on standard output. The benchmark compares our
resident rebuild with this one, not only with a fresh `pelican` process.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from commands.build_server import answer_channel, serve


def main(argv: list[str] | None = None) -> int:
    settings_file, content, output = argv or sys.argv[1:]
    answers = answer_channel()  # Pelican's own lines go to stderr
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output})
    pelican = Pelican(settings)

    def build() -> dict[str, Any]:
        started = time.perf_counter()
        try:
            pelican.run()
            kind = "full"
        except Exception as error:  # reported as a failed run, the benchmark says so
            print(f"{type(error).__name__}: {error}", file=sys.stderr)
            kind = "failed"
        seconds = time.perf_counter() - started
        return {"kind": kind, "seconds": seconds, "errors": 0, "warnings": 0, "reason": ""}

    serve(answers, build)
    return 0


if __name__ == "__main__":
    sys.exit(main())
