"""Parse pages while the build is still writing them, on the cores Pelican leaves idle.

Pelican renders on one core. Each HTML page it writes (`content_written` signal) is queued
here, and batches are read, hashed and parsed in worker processes as the build goes on, so
by `finalized` most pages are already parsed and the check costs little more than the checks
themselves. The build's own process only looks at each page's signature: it is the busy
one, and reading back and hashing 4,000 pages cost it a second.

Nothing here is trusted blindly: each result is filed under the SHA-256 of the bytes that
were parsed, with the signature of the file that held them, and the final check looks at
every page again (cache.py). A page rewritten after it was read simply misses and is parsed
then.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .cache import PageCache, file_digest
from .page import Page, parse_html

logger = logging.getLogger(__name__)

# Pages per task: one round trip of pickles per batch instead of per page.
BATCH = 64


# What a worker gives back for one page: its signature and digest (cache.PageCache.read),
# and the page parsed; None when the file could not be read as UTF-8 (the final pass says so).
Parsed = tuple[str, tuple[int, int, int, str], Page] | None


def _parse_batch(batch: list[tuple[str, str]]) -> list[Parsed]:
    return [_read_and_parse(file, path) for file, path in batch]


def _read_and_parse(file: str, path: str) -> Parsed:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read()
            # Of the file read: pages are replaced by renaming, so a later version has
            # another inode or mtime and the final pass reads it again (cache.digest_of).
            stat = os.fstat(handle.fileno())
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    digest = file_digest(data)
    return file, (stat.st_size, stat.st_mtime_ns, stat.st_ino, digest), parse_html(text, file)


class Prefetcher:
    """Queues written pages and parses them in the background, into a PageCache."""

    def __init__(self, output: Path, cache: PageCache, workers: int, batch: int = BATCH) -> None:
        self.output = output.resolve()
        self.prefix = str(self.output) + os.sep
        self.batch = batch
        self.cache = cache
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.pending: list[tuple[str, str]] = []  # (file, its absolute path)
        self.futures: list[Future[list[Parsed]]] = []

    def written(self, path: str) -> None:
        """`content_written` handler: queue an HTML page that the cache does not know."""
        if not path.endswith((".html", ".htm")):
            return
        # Pelican gives absolute paths inside OUTPUT_PATH; resolving each (a system call
        # per folder) is only needed when OUTPUT_PATH goes through a symbolic link.
        if path.startswith(self.prefix):
            file = path[len(self.prefix) :].replace(os.sep, "/")
            full = Path(path)
        else:
            resolved = Path(path).resolve()
            if not resolved.is_relative_to(self.output):
                return
            file = resolved.relative_to(self.output).as_posix()
            full = resolved
        try:
            stat = full.stat()
        except OSError:
            return  # the final pass reports it
        known = self.cache.known_digest(file, stat)
        if known is not None and (file, known) in self.cache.old:
            return  # the very file the last run parsed: not even read
        self.pending.append((file, str(full)))
        if len(self.pending) >= self.batch:
            self._collect(only_done=True)
            self._submit()

    def _submit(self) -> None:
        batch, self.pending = self.pending, []
        if self.pool is None:
            try:
                # Spawned, not forked: a worker forked from the build would end up holding
                # a private copy of the build's memory as it was then (the build goes on
                # changing its own, copy-on-write): 158 MB at 5,000 articles.
                self.pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("spawn")
                )
            except OSError as error:  # no processes in this sandbox: the final pass parses
                logger.info("SEO : analyse anticipée impossible (%s)", error)
                self.workers = 0
                return
        if self.workers == 0:
            return
        try:  # workers are started by the first submits
            future = self.pool.submit(_parse_batch, batch)
        except (OSError, RuntimeError) as error:  # RuntimeError: BrokenProcessPool included
            logger.info("SEO : analyse anticipée interrompue (%s)", error)
            self.workers = 0  # these pages and the next are parsed by the final pass
            return
        self.futures.append(future)

    def _collect(self, only_done: bool) -> None:
        """File finished batches into the cache (all of them, waiting, unless `only_done`).

        Done as the build goes on, so parsed pages are compacted (Page.compact) as they
        arrive rather than all held in their fresh, unshared form until the end."""
        waiting = []
        for future in self.futures:
            if only_done and not future.done():
                waiting.append(future)
                continue
            try:
                results = future.result()
            except Exception as error:  # a broken worker: those pages are parsed later
                logger.info("SEO : analyse anticipée interrompue (%s)", error)
                continue
            for result in results:
                if result is not None:
                    file, read, page = result
                    self.cache.read[file] = read
                    # The same bytes as last run's page (copied back, say): that one stays,
                    # with the findings kept on it (cache.py).
                    if (file, read[3]) not in self.cache.old:
                        self.cache.old[(file, read[3])] = page.compact(self.cache.shared)
        self.futures = waiting

    def finish(self) -> None:
        """Wait for the queued batches and put their pages into the cache."""
        # The last few pages go to the pool only if it runs already: starting one for them
        # costs more than parsing them in the final pass.
        if self.pending and self.pool is not None:
            self._submit()
        try:
            self._collect(only_done=False)
        finally:
            self.futures = []
            if self.pool is not None:
                self.pool.shutdown()
                self.pool = None


def background_workers(setting: int) -> int:
    """Processes for parsing during the build: the cores Pelican does not use (at least 1)."""
    if setting == 1:
        return 0  # SEO_WORKERS = 1 means "no worker processes at all"
    cores = setting or os.cpu_count() or 1
    return max(1, cores - 1)
