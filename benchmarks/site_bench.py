"""The whole benchmark of issue #7: stock Pelican and our build on one synthetic site, one run.

    python -m benchmarks.site_bench --size default      (or: invoke bench)

It generates a seeded site (benchmarks.corpus) into a temporary folder, then runs every
measure as a fresh process, as an editor's command runs:

- stock Pelican 4.12 (`python -m pelican`, no plugins, its default theme, settings written
  here) on the articles alone: a cold build, and a rebuild with its content cache
  (CACHE_CONTENT + LOAD_CONTENT_CACHE, its defaults otherwise) after one article is edited;
- our `invoke build` on the whole site: cold with images, cold with the image cache kept
  (target 3: "images excluded" — see `_cold`), no change, one article edited, one listing
  edited, one photo replaced;
- the editor's save-and-look loop, in processes kept up between rebuilds: our `invoke
  livereload` worker (commands/build_server.py) and stock Pelican as its `--autoreload`
  runs (benchmarks/stock_live.py), each rebuilding after one article is edited; ours also
  after one listing is edited;
- the thumbnails bench (benchmarks.thumbnails_bench) against a plain Pillow loop.

Runs are interleaved (one of each scenario per repeat), so load from other users of the
machine spreads over all of them rather than landing on one.

Outputs and caches a cold build must not find are moved aside, not deleted, until every
measure is taken. On ext4, a file created soon after many were deleted costs more: the
allocator skips inodes freed in the last minutes (`recently_deleted` in the kernel; `perf`
put 12 % of a cold build's samples there, and its system time grew from 2.6 s to 11 s over
ten cold builds run back to back, each after deleting the last one's 8,700 files). Deleting
between runs would measure that, and more for the build that writes more files.

The result is a dict (written as JSON) that benchmarks.report turns into the table and the
targets' verdicts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from commands import last_build
from commands.build_server import BuildServer, describe

from . import corpus, measure, report, thumbnails_bench

ROOT = Path(__file__).resolve().parent.parent
JSON_OUT = ROOT / ".cache" / "bench" / "last.json"
LAST_BUILD = ROOT / last_build.RECORD
# (articles, listings, photos). "default" is the size for targets 1-3; "large" for
# target 5 (memory); "tiny" proves the instrument works (the smoke test).
SIZES = {
    "tiny": (12, 24, 2),
    "small": (200, 400, 6),
    "default": (1000, 2000, 24),
    "large": (5000, 10000, 24),
}
# What stock Pelican is told. Its defaults otherwise, including the theme (notmyidea).
_STOCK_SETTINGS = {
    "AUTHOR": "Association Les Tilleuls",
    "SITENAME": "Les Tilleuls (Pelican seul)",
    "SITEURL": "",
    "TIMEZONE": "Europe/Paris",
    "DEFAULT_LANG": "fr",
    # No plugins at all (None would load every installed namespace plugin).
    "PLUGINS": [],
    # Feeds off, as in our local build (pelicanconf.py): feeds need an absolute SITEURL.
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
}
# Its content cache, as its documentation describes it ("Reading only modified content"):
# CONTENT_CACHING_LAYER stays "reader" and CHECK_MODIFIED_METHOD "mtime", the defaults.
_STOCK_CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}

ONLY = ("all", "site", "thumbnails")
# Where outputs and caches go between runs (see the module's doc); deleted at the very end.
SET_ASIDE = "set-aside"
Progress = Callable[[str], None]


@dataclass
class Options:
    """What to measure, and how many times."""

    articles: int
    listings: int
    photos: int
    repeats: int = 3
    seed: int = 2026
    only: str = "all"  # one of ONLY
    keep: bool = False  # keep the generated site and outputs (their folder is printed)


class _Bench:
    """The folders and commands of one benchmark run, and the runs measured so far."""

    def __init__(self, work: Path, site: corpus.Site, progress: Progress) -> None:
        self.work, self.site, self.progress = work, site, progress
        self.out = work / "out"
        self.stock_root = work / "stock"
        self.stock_content = corpus.articles_only(site, self.stock_root)
        self.settings = {
            "plain": self._stock_settings("plain", {}),
            "cached": self._stock_settings("cached", _STOCK_CACHE),
        }
        self.logs = work / "logs"
        self.logs.mkdir()
        self.runs: dict[str, list[measure.Run]] = {}
        self.encoded: dict[str, list[int | None]] = {}
        self.kinds: dict[str, list[str]] = {}  # what each kept-process rebuild did
        self._servers: dict[str, BuildServer] = {}
        self._logs: list[IO[str]] = []  # the kept processes' standard error
        self.set_aside_folder = work / SET_ASIDE

    def _stock_settings(self, name: str, extra: dict[str, Any]) -> Path:
        values = {**_STOCK_SETTINGS, "CACHE_PATH": str(self.stock_root / f"cache-{name}"), **extra}
        path = self.stock_root / f"stock_{name}.py"
        lines = ["# Stock Pelican for benchmarks/site_bench.py (written by it)."]
        lines += [f"{key} = {value!r}" for key, value in values.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def _measure(self, scenario: str, command: list[str], cwd: Path) -> measure.Run:
        number = len(self.runs.get(scenario, [])) + 1
        result = measure.run(command, cwd, self.logs / f"{scenario}-{number}.log")
        self.runs.setdefault(scenario, []).append(result)
        state = "" if result.returncode == 0 else f" — ÉCHEC (code {result.returncode})"
        cpu = f" (CPU {result.cpu_seconds:.1f} s)" if result.cpu_seconds is not None else ""
        self.progress(
            f"  {report.LABELS[scenario]} : {result.seconds:.2f} s{cpu}, "
            f"{result.peak_mb:.0f} Mo{state}"
        )
        if result.returncode:
            self.progress(result.log_tail)
        return result

    def stock(self, scenario: str, settings: str) -> None:
        out = self.stock_root / f"out-{settings}"
        command = [sys.executable, "-m", "pelican", str(self.stock_content)]
        command += ["-o", str(out), "-s", str(self.settings[settings])]
        self._measure(scenario, command, self.stock_root)

    def ours(self, scenario: str) -> None:
        command = [sys.executable, "-m", "invoke", "build", "--content", str(self.site.content)]
        command += ["--output", str(self.out), "--build-date", corpus.BUILD_DATE]
        # What the thumbnails plugin encoded, from its own record of the build. A build that
        # `invoke build` skipped (nothing changed) leaves the record as it was: it encoded 0.
        record = self.site.root / ".cache" / "thumbnails" / "last-build.json"
        before = record.stat().st_mtime_ns if record.is_file() else None
        run = self._measure(scenario, command, ROOT)
        encoded: int | None = None
        if record.is_file() and record.stat().st_mtime_ns != before:
            encoded = json.loads(record.read_text(encoding="utf-8")).get("encoded")
        elif run.returncode == 0:
            encoded = 0
        self.encoded.setdefault(scenario, []).append(encoded)

    def live(self, scenario: str, which: str, edit: Callable[[], None]) -> None:
        """One rebuild in a process kept up between builds: ours (`invoke livereload`'s
        worker, commands/build_server.py) or stock Pelican's (as `pelican --autoreload`).

        What the other scenarios changed since is taken in first by a build that is not
        measured; then `edit`, then the measured rebuild: the editor's save-and-look."""
        server = self._servers.get(which) or self._start(which)
        server.start()
        # Its memory: the worker and its pools, over both builds (the full one is the peak).
        sampler = measure.Sampler(server.pid or 0, include_root=True)
        if measure.can_sample():
            sampler.start()
        try:
            server.build()
            edit()
            cpu_before = measure.tree_cpu_seconds(server.pid or 0)
            started = time.perf_counter()
            answer = server.build()
            seconds = time.perf_counter() - started
            cpu_after = measure.tree_cpu_seconds(server.pid or 0)
        finally:
            peak_tree = sampler.finish()
        cpu = None
        if cpu_before is not None and cpu_after is not None:
            cpu = round(cpu_after - cpu_before, 2)
        ok = answer["kind"] in ("full", "partial") and not answer.get("errors")
        peak = measure.peak_rss_mb(server.pid) if server.pid else 0.0
        run = measure.Run(seconds, peak, peak_tree, 0 if ok else 1, describe(answer), cpu)
        self.runs.setdefault(scenario, []).append(run)
        self.kinds.setdefault(scenario, []).append(answer["kind"])
        state = "" if ok else f" — ÉCHEC ({describe(answer)})"
        self.progress(f"  {report.LABELS[scenario]} : {seconds:.2f} s ({answer['kind']}){state}")

    def _start(self, which: str) -> BuildServer:
        log = (self.logs / f"live-{which}.log").open("w", encoding="utf-8")
        self._logs.append(log)
        if which == "ours":
            arguments = ["--content", str(self.site.content), "--output", str(self.work / "live")]
            server = BuildServer(ROOT, [*arguments, "--build-date", corpus.BUILD_DATE], stderr=log)
        else:
            settings, out = str(self.settings["cached"]), str(self.stock_root / "out-live")
            arguments = [settings, str(self.stock_content), out]
            server = BuildServer(ROOT, arguments, stderr=log, module="benchmarks.stock_live")
        self._servers[which] = server
        return server

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        for log in self._logs:
            log.close()

    def set_aside(self, path: Path) -> None:
        """Take `path` out of the way of the next build without deleting it (see the
        module's doc): a rename within the same file system."""
        if not path.exists():
            return
        self.set_aside_folder.mkdir(exist_ok=True)
        number = sum(1 for _ in self.set_aside_folder.iterdir())
        path.rename(self.set_aside_folder / f"{number}-{path.name}")

    def wipe_stock(self, settings: str) -> None:
        for folder in (f"out-{settings}", f"cache-{settings}"):
            self.set_aside(self.stock_root / folder)

    def forget_build_records(self) -> None:
        """Remove `invoke build`'s records of our builds (commands/build_inputs.py).

        They live in the project's .cache/builds/, not beside the site, and hold the hashes of
        every input: a "cold" build that found them would skip hashing. Only records that name
        this run's folder are touched; the developer's own stay."""
        for record in (ROOT / ".cache" / "builds").glob("*.json"):
            try:
                ours = str(self.work) in record.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if ours:
                record.unlink(missing_ok=True)

    def cold(self, keep_images: bool) -> None:
        """Remove our output, every cache beside the site (.cache/*) and our build records.

        With `keep_images`, the thumbnails cache stays: the build still hashes every photo,
        reads its cached renditions and publishes them, but encodes nothing. That is target 3's
        "images excluded": the same site and pages, without the one cost that depends on how
        many photos there are rather than on the text."""
        self.set_aside(self.out)
        self.forget_build_records()
        caches = self.site.root / ".cache"
        if caches.is_dir():
            for folder in list(caches.iterdir()):
                if keep_images and folder.name == "thumbnails":
                    continue
                self.set_aside(folder)


def _picks(count: int, repeats: int, seed: int, salt: str) -> list[int]:
    """Which file each repeat edits: distinct where possible, the same for every run."""
    if not count:
        return []
    order = list(range(count))
    random.Random(f"{seed}-{salt}").shuffle(order)
    return [order[r % count] for r in range(repeats)]


def _one_repeat(bench: _Bench, site: corpus.Site, repeat: int, picks: dict[str, list[int]]) -> None:
    """One of each scenario, interleaved (see the module's doc). `picks`: which article,
    listing or photo each repeat edits, per scenario (`_picks`)."""
    articles, listings, photos = picks["articles"], picks["listings"], picks["photos"]
    live, live_listings = picks["live"], picks["live_listings"]
    bench.wipe_stock("plain")
    bench.stock("stock_cold", "plain")
    # The same edit as ours below: edit_article is seeded by the repeat and the file name.
    name = site.articles[articles[repeat]].name
    corpus.edit_article(bench.stock_content / "articles" / name, repeat)
    bench.stock("stock_cached_edit", "cached")
    name = site.articles[live[repeat]].name
    stock_file = bench.stock_content / "articles" / name
    bench.live("stock_live_edit", "stock", lambda: corpus.edit_article(stock_file, repeat))

    bench.cold(keep_images=False)
    bench.ours("cold_images")
    bench.ours("noop")
    corpus.edit_article(site.articles[articles[repeat]], repeat)
    bench.ours("edit_article")
    corpus.edit_listing(site.listings[listings[repeat]], repeat)
    bench.ours("edit_listing")
    if photos:
        corpus.replace_photo(site.photos[photos[repeat]], repeat)
        bench.ours("replace_photo")
    ours_file = site.articles[live[repeat]]
    bench.live("live_edit_article", "ours", lambda: corpus.edit_article(ours_file, repeat))
    listing_file = site.listings[live_listings[repeat]]
    bench.live("live_edit_listing", "ours", lambda: corpus.edit_listing(listing_file, repeat))
    bench.cold(keep_images=True)
    bench.ours("cold")


def _measure_site(options: Options, work: Path, progress: Progress) -> dict[str, Any]:
    started = time.perf_counter()
    progress(
        f"Génération du site : {options.articles} articles, {options.listings} annonces, "
        f"{options.photos} photos…"
    )
    site = corpus.generate(
        work / "site", options.articles, options.listings, options.photos, options.seed
    )
    generated = time.perf_counter() - started
    bench = _Bench(work, site, progress)
    counts = {
        "articles": len(site.articles),
        "live": len(site.articles),
        "listings": len(site.listings),
        "live_listings": len(site.listings),
        "photos": len(site.photos),
    }
    picks = {
        salt: _picks(count, options.repeats, options.seed, salt) for salt, count in counts.items()
    }

    progress("Pelican seul : remplissage de son cache de contenu (non mesuré)…")
    bench.wipe_stock("cached")
    bench.stock("stock_cached_prime", "cached")
    try:
        for repeat in range(options.repeats):
            progress(f"Mesure {repeat + 1}/{options.repeats}")
            _one_repeat(bench, site, repeat, picks)
    finally:
        bench.close()
    bench.forget_build_records()

    scenarios = {}
    for name, runs in bench.runs.items():
        scenarios[name] = {
            "seconds": round(statistics.median(run.seconds for run in runs), 3),
            "peak_mb": max(run.peak_mb for run in runs),
            "cpu_seconds": _median_cpu(runs),
            "ok": all(run.returncode == 0 for run in runs),
            "runs": [run.as_dict() for run in runs],
        }
        if name in bench.encoded:
            scenarios[name]["thumbnails_encoded"] = bench.encoded[name]
        if name in bench.kinds:
            scenarios[name]["kinds"] = bench.kinds[name]
    return {"generate_seconds": round(generated, 1), "scenarios": scenarios}


def _median_cpu(runs: list[measure.Run]) -> float | None:
    known = [run.cpu_seconds for run in runs if run.cpu_seconds is not None]
    return round(statistics.median(known), 2) if known else None


def _machine() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        except OSError:
            return None
        return proc.stdout.strip() if proc.returncode == 0 else None

    import pelican

    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pelican": pelican.__version__,
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }


def run_benchmark(options: Options, progress: Progress = lambda line: None) -> dict[str, Any]:
    """Measure everything `options` asks for; return the result (see the module docstring)."""
    started = time.perf_counter()
    result: dict[str, Any] = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": _machine(),
        "size": {
            "articles": options.articles,
            "listings": options.listings,
            "photos": options.photos,
            "repeats": options.repeats,
            "seed": options.seed,
            "build_date": corpus.BUILD_DATE,
        },
    }
    work = Path(tempfile.mkdtemp(prefix="babillard-bench-"))
    # `invoke build` and livereload's worker record their output folder for `invoke seo`
    # (commands/last_build.py); ours are temporary, so the developer's own record is put back.
    saved_record = LAST_BUILD.read_bytes() if LAST_BUILD.is_file() else None
    try:
        if options.only in ("all", "site"):
            result.update(_measure_site(options, work, progress))
        if options.only in ("all", "thumbnails") and options.photos:
            progress(f"Miniatures : {options.photos} photos, contre une boucle Pillow simple…")
            result["thumbnails"] = thumbnails_bench.run(options.photos, options.repeats)
    finally:
        if saved_record is not None:
            LAST_BUILD.write_bytes(saved_record)
        elif options.only != "thumbnails":
            LAST_BUILD.unlink(missing_ok=True)
        if options.keep:
            shutil.rmtree(work / SET_ASIDE, ignore_errors=True)
            progress(f"Dossier conservé : {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    result["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["total_seconds"] = round(time.perf_counter() - started, 1)
    result["targets"] = report.verdicts(result)
    return result


def write_json(result: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def options_from(
    size: str,
    articles: int | None = None,
    listings: int | None = None,
    photos: int | None = None,
    **rest: Any,
) -> Options:
    """Options for a named size, with any count given explicitly taking precedence."""
    if size not in SIZES:
        raise ValueError(f"--size must be one of {', '.join(SIZES)}, not {size!r}")
    default = SIZES[size]
    counts = [
        given if given is not None else fallback
        for given, fallback in zip((articles, listings, photos), default, strict=True)
    ]
    options = Options(*counts, **rest)
    if options.only not in ONLY:
        raise ValueError(f"--only must be one of {', '.join(ONLY)}, not {options.only!r}")
    if options.repeats < 1 or options.photos < 0:
        raise ValueError("--repeats must be at least 1 and --photos at least 0")
    if options.only != "thumbnails" and (options.articles < 2 or options.listings < 1):
        raise ValueError("the site needs at least 2 articles and 1 listing (edits pick from them)")
    return options


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="default", choices=list(SIZES))
    parser.add_argument("--articles", type=int)
    parser.add_argument("--listings", type=int)
    parser.add_argument("--photos", type=int)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", default="all", choices=ONLY)
    parser.add_argument("--json-out", type=Path, default=JSON_OUT)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    options = options_from(
        args.size,
        args.articles,
        args.listings,
        args.photos,
        repeats=args.repeats,
        seed=args.seed,
        only=args.only,
        keep=args.keep,
    )

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    result = run_benchmark(options, say)
    write_json(result, args.json_out)
    say(report.table(result))
    say(f"Résultats écrits dans {args.json_out}")
    return result


if __name__ == "__main__":
    main()
