"""The cached, parallel Markdown reader and its store."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
import pickle
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, ClassVar

import markdown
import pelican
from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {"MARKDOWN_CACHE_PATH": ".cache/markdown", "MARKDOWN_CACHE_WORKERS": 0}
STORE_FILE = "converted.pickle"
# Below this many files to convert, starting processes costs more than it saves.
PARALLEL_MIN_FILES = 24
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")

# (HTML body, raw metadata {name: [values]}, formatted metadata {name: HTML})
Converted = tuple[str, dict[str, list[str]], dict[str, str]]


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in the defaults and check them (ValueError names the setting)."""
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    if not isinstance(settings["MARKDOWN_CACHE_PATH"], str | Path):
        raise ValueError("MARKDOWN_CACHE_PATH must be a folder such as '.cache/markdown'.")
    workers = settings["MARKDOWN_CACHE_WORKERS"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise ValueError(f"MARKDOWN_CACHE_WORKERS must be a whole number ≥ 0, got {workers!r}.")
    return settings


def convert(text: str, md_settings: dict[str, Any], formatted_fields: list[str]) -> Converted:
    """What MarkdownReader.read computes from `text`, before metadata processing.

    Runs in worker processes: only plain data in and out.
    """
    md, fields_md = _converters(md_settings)
    content = md.reset().convert(text)
    meta = {name.lower(): list(values) for name, values in getattr(md, "Meta", {}).items()}
    formatted = {}
    for name, values in meta.items():
        if name in formatted_fields:
            formatted[name] = fields_md.reset().convert("\n".join(values))
    return content, meta, formatted


_local = threading.local()


def _converters(md_settings: dict[str, Any]) -> tuple[Markdown, Markdown]:
    """This thread's two converters for these settings: one for a file's text, and one for
    its formatted metadata fields, without the meta extension (as Pelican converts them).

    Made once and reset() between files, as Python-Markdown intends: making one (loading
    its extensions) costs about a third of converting a typical article.
    """
    key = repr(md_settings)
    if getattr(_local, "key", None) != key:
        fields_md = Markdown(**md_settings)
        if "meta" in fields_md.preprocessors:
            fields_md.preprocessors.deregister("meta")
        _local.key = key
        _local.converters = (Markdown(**md_settings), fields_md)
    return _local.converters


def _convert_job(job: tuple[str, dict[str, Any], list[str]]) -> Converted | None:
    try:
        return convert(*job)
    except Exception:
        # Converted again in the build by read(), where Pelican's reader names the file in
        # its error and goes on, as it does without this plugin.
        return None


class _Store:
    """key → Converted, loaded from and saved to one pickle; keeps only what a build used."""

    def __init__(self, folder: Path, digest: str) -> None:
        self.path = folder / STORE_FILE
        self.digest = digest
        self.old: dict[str, Converted] = {}
        self.used: dict[str, Converted] = {}
        self.converted = 0
        self.scanned = False  # _convert_all has run for this build
        try:
            with self.path.open("rb") as handle:
                digest_on_disk, entries = pickle.load(handle)
            if digest_on_disk == digest:
                self.old = entries
        except FileNotFoundError:
            pass
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            logger.debug("Markdown : cache illisible, ignoré (%s)", self.path)

    def get(self, key: str) -> Converted | None:
        found = self.used.get(key) or self.old.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, value: Converted) -> None:
        self.used[key] = value
        self.converted += 1

    def next_build(self) -> None:
        """After save(): what the file now holds is what the next build starts from."""
        self.old, self.used, self.converted = self.used, {}, 0

    def save(self) -> None:
        if not self.converted and self.used.keys() == self.old.keys():
            return  # the file on disk says exactly this already
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".converted.")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self.digest, self.used), handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(self.path)
        except OSError as error:
            logger.warning("Markdown : cache non écrit (%s) : %s", self.path, error)


@functools.cache  # read() asks for the store's key once per file
def _code_digest() -> bytes:
    return hashlib.sha256(Path(__file__).read_bytes()).digest()


def _extension_names(md_settings: dict[str, Any]) -> tuple[str, ...]:
    named = [*md_settings.get("extensions", []), *md_settings.get("extension_configs", {})]
    return tuple(sorted({name for name in named if isinstance(name, str)}))


@functools.cache
def _extensions_digest(names: tuple[str, ...]) -> bytes:
    """The source of the Markdown extensions MARKDOWN names that are not Markdown's own (a
    plugin's, such as ignored_input.header_keys): their code shapes the HTML, and the
    setting holds only their names. Markdown's own are covered by its version."""
    digest = hashlib.sha256()
    for name in sorted(names):
        if name.partition(".")[0] == "markdown":
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec else None
        # Not found: Markdown reports it when it loads the extension; the name is hashed.
        digest.update(name.encode() + b"\0")
        if origin and Path(origin).is_file():
            digest.update(Path(origin).read_bytes())
    return digest.digest()


class CachedMarkdownReader(MarkdownReader):
    """MarkdownReader whose conversions are cached by content and done in parallel."""

    # One store, shared by the reader instances Pelican makes (one per generator), kept from
    # one build to the next in the same process (save_store).
    _store: ClassVar[_Store | None] = None
    _store_key: ClassVar[str] = ""

    def _config_digest(self) -> str:
        settings = self.settings
        parts = [
            _code_digest(),
            repr(sorted(settings["MARKDOWN"].items(), key=lambda item: item[0])).encode(),
            _extensions_digest(_extension_names(settings["MARKDOWN"])),
            repr(sorted(settings["FORMATTED_FIELDS"])).encode(),
            markdown.__version__.encode(),
            pelican.__version__.encode(),
        ]
        return hashlib.sha256(b"\0".join(parts)).hexdigest()

    def _folder(self) -> Path:
        folder = Path(self.settings["MARKDOWN_CACHE_PATH"])
        if not folder.is_absolute():
            folder = Path(self.settings["PATH"]).resolve().parent / folder
        return folder

    def _get_store(self) -> _Store:
        cls = type(self)
        digest = self._config_digest()
        key = f"{self._folder()}|{digest}"
        if cls._store is None or cls._store_key != key:
            cls._store = _Store(self._folder(), digest)
            cls._store_key = key
        if not cls._store.scanned:
            cls._store.scanned = True
            self._convert_all(cls._store)
        return cls._store

    @classmethod
    def new_build(cls) -> None:
        """At a build's start: its first read converts, in parallel, what the store lacks.
        (A partial build, which sends no `initialized`, reads the few files it needs.)"""
        if cls._store is not None:
            cls._store.scanned = False

    @classmethod
    def save_store(cls) -> None:
        """At the end of a build. The store stays in memory: a next build in this process
        (livereload's, --autoreload) need not load it again."""
        if cls._store is not None:
            cls._store.save()
            cls._store.next_build()

    def _key(self, text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _convert_all(self, store: _Store) -> None:
        """Convert, on every core, each Markdown file under PATH that the store lacks."""
        root = Path(self.settings["PATH"])
        todo: dict[str, str] = {}
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not name.lower().endswith(MARKDOWN_SUFFIXES):
                    continue
                try:
                    with pelican_open(str(Path(folder) / name)) as text:
                        key = self._key(text)
                except (OSError, UnicodeDecodeError):
                    continue  # Pelican's own read reports it
                if store.get(key) is None:
                    todo.setdefault(key, text)
        workers = self.settings["MARKDOWN_CACHE_WORKERS"] or os.cpu_count() or 1
        if len(todo) < PARALLEL_MIN_FILES or workers == 1:
            return  # read() converts them one by one, as needed
        md_settings = self.settings["MARKDOWN"]
        fields = list(self.settings["FORMATTED_FIELDS"])
        jobs = [(text, md_settings, fields) for text in todo.values()]
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(4, len(jobs) // (workers * 8))
                results = list(pool.map(_convert_job, jobs, chunksize=chunk))
        except (OSError, BrokenProcessPool, pickle.PicklingError, TypeError) as error:
            # Some sandboxes forbid processes; some extension configs cannot be pickled.
            logger.info("Markdown : conversion sans processus parallèles (%s)", error)
            return
        for key, result in zip(todo, results, strict=True):
            if result is not None:
                store.put(key, result)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Content and metadata of a Markdown file, as MarkdownReader.read returns them."""
        self._source_path = source_path
        store = self._get_store()
        with pelican_open(source_path) as text:
            key = self._key(text)
            converted = store.get(key)
            if converted is None:
                converted = convert(
                    text, self.settings["MARKDOWN"], list(self.settings["FORMATTED_FIELDS"])
                )
                store.put(key, converted)
        content, meta, formatted = converted
        return content, self._metadata(meta, formatted)

    def _metadata(self, meta: dict[str, list[str]], formatted: dict[str, str]) -> dict[str, Any]:
        # MarkdownReader._parse_metadata, minus the conversions already done.
        output: dict[str, Any] = {}
        for name, value in meta.items():
            if name in formatted:
                output[name] = self.process_metadata(name, formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning(
                        "Duplicate definition of `%s` for %s. Using first one.",
                        name,
                        self._source_path,
                    )
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output
