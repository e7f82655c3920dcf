"""The built site: every file's path, every HTML page parsed once, and where links lead.

Pages are parsed in worker processes when there are many of them (parsing is pure CPU work
and the tokenizer is pure Python, so threads would not help); link targets are resolved
afterwards, in this process, against the list of files and the parsed pages.
"""

from __future__ import annotations

import logging
import os
import posixpath
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .cache import PageCache
from .page import Page, parse_file, parse_html, url_for

logger = logging.getLogger(__name__)

# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_MIN_PAGES = 300
HTML_SUFFIXES = (".html", ".htm")
# Links that do not lead to a page of this site.
_NOT_PAGES = ("mailto:", "tel:", "sms:", "javascript:", "data:", "geo:", "callto:")


@dataclass
class Site:
    """Files and pages of one output folder. URL paths start with "/"."""

    root: Path
    siteurl: str = ""
    files: set[str] = field(default_factory=set)
    pages: dict[str, Page] = field(default_factory=dict)  # by URL path
    _by_file: dict[str, Page] = field(default_factory=dict)
    _cache: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Changes whenever what the site-reading page checks see may have changed (the list
        # of files, a page's ids): their findings are kept by page while it is the same.
        self.shape = object()
        self.siteurl = self.siteurl.rstrip("/")
        parts = urlsplit(self.siteurl)
        self._host = parts.netloc.lower()
        # A site published under a sub-folder ("https://example.org/asso") links as "/asso/x/".
        self._prefix = parts.path.rstrip("/")

    @classmethod
    def load(
        cls, root: Path, siteurl: str = "", workers: int = 0, cache: PageCache | None = None
    ) -> Site:
        """List every file under `root` and parse every HTML page (unchanged pages come from
        `cache` when one is given; the caller saves it)."""
        site = cls(root, siteurl)
        for folder, _dirs, names in os.walk(root):
            rel = os.path.relpath(folder, root).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            site.files.update(prefix + name for name in names)
        html = sorted(f for f in site.files if f.lower().endswith(HTML_SUFFIXES))
        for page in _load_pages(root, html, workers, cache):
            site.pages[page.url] = page
            site._by_file[page.file] = page
        return site

    def refresh(self, changed: list[str], workers: int, cache: PageCache | None) -> Site | None:
        """This site after a build rewrote only the files `changed` (relative to `root`):
        those pages parsed again, every other one kept. None if a file is not one this site
        has (files came or went: load the site anew)."""
        if not set(changed) <= self.files:
            return None
        site = Site(self.root, self.siteurl, set(self.files), dict(self.pages), dict(self._by_file))
        site.shape = self.shape
        html = sorted(f for f in changed if f.lower().endswith(HTML_SUFFIXES))
        for page in _load_pages(self.root, html, workers, cache):
            old = site._by_file.get(page.file)
            if old is None or old.url != page.url or old.ids != page.ids:
                site.shape = object()  # a link elsewhere may now miss, or find, its anchor
            site.pages[page.url] = page
            site._by_file[page.file] = page
        site._cache = self._cache  # where links lead depends on their text and SITEURL only
        return site

    def page_for_file(self, file: str) -> Page | None:
        return self._by_file.get(file)

    def target(self, href: str, base: str) -> tuple[str, str] | None:
        """Where a link written on page `base` leads inside this site, as (path, fragment).

        The path is root-relative ("/x/"); None means the link leaves the site (another
        host, mailto:, tel:…). A bare "#id" gives the page's own path.
        """
        key = (href, "" if href.startswith("/") or "://" in href else base)
        if key not in self._cache:
            self._cache[key] = self._target(href, base)
        return self._cache[key]

    def _target(self, href: str, base: str) -> tuple[str, str] | None:
        if not href or href.lower().startswith(_NOT_PAGES):
            return None
        parts = urlsplit(href)
        path = unquote(parts.path)
        if parts.scheme or parts.netloc:
            if parts.scheme not in {"", "http", "https"} or not self._host:
                return None
            if parts.netloc.lower() != self._host or not self._in_prefix(path):
                return None
            path = path[len(self._prefix) :] or "/"
        elif path.startswith("/"):
            if self._in_prefix(path):
                path = path[len(self._prefix) :] or "/"
        elif path:
            folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
            joined = posixpath.normpath(folder + path)
            path = joined + ("/" if path.endswith("/") and joined != "/" else "")
        else:
            path = base
        return path, unquote(parts.fragment)

    def _in_prefix(self, path: str) -> bool:
        return not self._prefix or path == self._prefix or path.startswith(self._prefix + "/")

    def file_for(self, path: str) -> str | None:
        """The output file a root-relative path is served from, or None if there is none.

        "/x/" is x/index.html; "/x" is the file x, or x/index.html (servers redirect).
        """
        rel = path.lstrip("/")
        if rel == "" or rel.endswith("/"):
            candidate = rel + "index.html"
            return candidate if candidate in self.files else None
        if rel in self.files:
            return rel
        if rel + "/index.html" in self.files:
            return rel + "/index.html"
        return None


def _load_pages(root: Path, files: list[str], workers: int, cache: PageCache | None) -> list[Page]:
    if cache is None:
        shared: dict[object, object] = {}
        return [page.compact(shared) for page in _parse_all(root, files, workers)]
    pages: dict[str, Page] = {}
    missing: list[tuple[str, str]] = []
    for file in files:
        try:
            digest = cache.digest_of(root / file, file)
        except OSError:
            missing.append((file, ""))
            continue
        page = cache.get(file, digest)
        if page is None:
            missing.append((file, digest))
        else:
            pages[file] = page
    if len(missing) < PARALLEL_MIN_PAGES:
        parsed = [_parse_known(root, file) for file, _digest in missing]
    else:
        parsed = _parse_all(root, [file for file, _digest in missing], workers)
    for (file, digest), page in zip(missing, parsed, strict=True):
        page.compact(cache.shared)
        if digest:
            cache.put(file, digest, page)
        pages[file] = page
    return [pages[file] for file in files]


def _parse_known(root: Path, file: str) -> Page:
    try:
        return parse_html((root / file).read_bytes().decode("utf-8"), file)
    except (OSError, UnicodeDecodeError) as error:
        return Page(url_for(file), file, unreadable=str(error))


def _parse_all(root: Path, files: list[str], workers: int) -> list[Page]:
    jobs = [(str(root), f) for f in files]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) >= PARALLEL_MIN_PAGES:
        try:
            # Big chunks: each task costs one round trip of pickles, a page is ~1 ms of work.
            chunk = max(16, len(jobs) // (workers * 8))
            with ProcessPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(parse_file, jobs, chunksize=chunk))
        except (OSError, BrokenProcessPool) as error:
            # Some sandboxes forbid processes or shared memory: slower, but still correct.
            logger.info("SEO : analyse sans processus parallèles (%s)", error)
    return [parse_file(job) for job in jobs]
