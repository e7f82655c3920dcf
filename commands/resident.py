"""A build that stays in memory between rebuilds, for `invoke livereload`.

The first build is a full one (incremental, as `invoke build`), and the process keeps what
Pelican made: its generators, their context and every call its writer received. Then, at
each rebuild, the inputs are compared with the last build's by their stat signatures:

- nothing changed: nothing is done;
- only the text of some articles or pages changed (same title, date, tags, address… so no
  other page shows anything new of them but their text and summary), or some listings
  changed without moving (same address, date, expiry, status, category and kind: the
  listings plugin's `read_again` decides): each is read again, put in place of the old one
  (incremental/partial.py), and only the pages that show it are rendered; the listings
  plugin writes its own files (export, calendars) again. The SEO checklist and the sitemap
  then run as after any build;
- a template, an image, a new or deleted file, an article's or page's metadata, images or
  links to files, a listing that moved or whose photos changed: a full build, in this
  process; the same while the last build reported a
  problem that a partial build would not report again (REPORTS_ALL_AGAIN);
- a setting or plugin code: this process cannot load new code, `build()` says "restart".

When in doubt, it builds in full: a partial build is only attempted for the plugins it
knows (KNOWN_PLUGINS), each of which keeps its state right through one.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commands.build_inputs import input_files
from commands.pelican_run import (
    ProblemCounter,
    forget_logged_warnings,
    load_settings,
    run_pelican,
)

# Plugins whose signal handlers are known to be right in a partial build (see the module's
# doc): any other receiver of a signal means a full build.
KNOWN_PLUGINS = frozenset(
    {
        "article_neighbours",
        # Checks each article read again; the files it reports unread only change with a
        # new or deleted file, which is a full build.
        "ignored_input",
        "incremental",
        "listings",
        "markdown_cache",
        "page_menu",
        # Only at `initialized`, which a partial build does not send: the MARKDOWN setting
        # it changed in the full build stays as it left it.
        "quick_smarty",
        "seo_checklist",
        "sitemap",
        "thumbnails",
        "url_memo",
    }
)
# Plugins that report, in a partial build, every problem they found in the whole site (the
# SEO checklist checks the pages written again, and keeps its findings for the others). A
# problem anything else reported (a listing left out, a date Pelican could not read) is
# reported again only by a build that reads its file: while one stands, builds are full.
REPORTS_ALL_AGAIN = frozenset({"seo_checklist"})
# What may be added to an article after it is read (Pelican's translations, the
# article_neighbours plugin): carried over from the old object to the new one.
ADDED_AFTER_READ = frozenset({"translations", "prev_article", "next_article"})

# Size, modification time in ns and inode: an editor that saves by writing a new file (most
# do) changes the inode even where the file system keeps coarse times.
Signature = tuple[int, int, int]


@dataclass
class Outcome:
    """What one rebuild did."""

    kind: str  # "full", "partial", "unchanged", "restart" (or "failed", from build_server)
    seconds: float = 0.0
    errors: int = 0
    warnings: int = 0
    rendered: int = 0
    reused: int = 0
    reason: str = ""  # why not partial, when it was not


@dataclass
class _Last:
    pelican: Any
    generators: list[Any]
    calls: list[Any]
    stamps: dict[str, Signature]
    standing: int  # problems reported that only a full build would report again


class ResidentSite:
    """Builds the site in this process and rebuilds it with as little work as allowed."""

    def __init__(self, settings_file: Path, overrides: dict[str, Any]) -> None:
        self.settings_file = settings_file
        self.overrides = overrides
        self._last: _Last | None = None
        # The state of the last partial build, written at close() or before a full build.
        self._unsaved: Any = None

    @property
    def output(self) -> Path:
        """The output folder of the last build ("" before the first one)."""
        return Path(self._last.pelican.settings["OUTPUT_PATH"]) if self._last else Path()

    def build(self) -> Outcome:
        started = time.perf_counter()
        try:
            outcome = self._build()
        finally:
            # What the builds keep (a million objects at bench size) need not be scanned by
            # every garbage collection of a partial build: a 0.1-0.2 s pause otherwise. A full
            # build unfreezes first, so the graph it replaces is collected then.
            gc.freeze()
        outcome.seconds = time.perf_counter() - started
        return outcome

    def close(self) -> None:
        """Write what partial builds kept in memory only (incremental's state)."""
        if self._unsaved is not None:
            self._unsaved.save()
            self._unsaved = None

    def _build(self) -> Outcome:
        settings = load_settings(self.settings_file, self.overrides)
        stamps = _stamps(settings, self.settings_file)
        last = self._last
        if last is None:
            outcome = self._full(settings, stamps, "")
        else:
            changed = sorted(
                path
                for path in stamps.keys() | last.stamps.keys()
                if stamps.get(path) != last.stamps.get(path)
            )
            code = [path for path in changed if _is_code(path, settings, self.settings_file)]
            gone = _missing_output(last.pelican.settings)
            if code:
                outcome = Outcome("restart", reason=f"{Path(code[0]).name} a changé")
            elif settings["BUILD_DATE"] != last.pelican.settings["BUILD_DATE"]:
                outcome = self._full(settings, stamps, "la date de construction a changé")
            elif gone:
                outcome = self._full(settings, stamps, f"{gone} a disparu")
            elif not changed:
                outcome = Outcome("unchanged")
            elif last.standing:
                # A partial build would not say them again, and would end with a verdict of
                # "0 erreur" while a listing is still left out of the site.
                why = f"{last.standing} problème(s) signalé(s) à la construction précédente"
                outcome = self._full(settings, stamps, why)
            else:
                outcome = self._partial(last, changed, stamps)
                if outcome.kind != "partial":
                    outcome = self._full(settings, stamps, outcome.reason)
        return outcome

    # --- full builds --------------------------------------------------------------------

    def _full(self, settings: dict[str, Any], stamps: dict[str, Signature], why: str) -> Outcome:
        from incremental.writer import IncrementalWriter
        from pelican import signals

        self._last = None  # a build that fails half-way leaves nothing to continue
        self.close()
        # The last build's objects are garbage now (cycles: content ↔ context): collected
        # before this build makes its own, not beside them (the worker's peak memory).
        gc.unfreeze()
        gc.collect()
        captured: dict[str, Any] = {}

        def keep_generators(generators: list[Any]) -> None:
            captured["generators"] = generators

        def keep_pelican(pelican: Any) -> None:
            captured["pelican"] = pelican

        calls: list[Any] = []
        IncrementalWriter.record = calls
        signals.all_generators_finalized.connect(keep_generators)
        signals.finalized.connect(keep_pelican)
        try:
            counter = run_pelican(settings)
        finally:
            IncrementalWriter.record = None
            signals.all_generators_finalized.disconnect(keep_generators)
            signals.finalized.disconnect(keep_pelican)
        if "pelican" in captured and "generators" in captured:
            pelican, generators = captured["pelican"], captured["generators"]
            self._last = _Last(pelican, generators, calls, stamps, _standing(counter))
        return _outcome("full", counter, why)

    # --- partial builds -----------------------------------------------------------------

    def _partial(self, last: _Last, changed: list[str], stamps: dict[str, Signature]) -> Outcome:
        """Rebuild after the text of articles, pages or listings changed; an Outcome whose kind is
        not "partial" (with the reason) when only a full build is right."""
        import incremental
        from incremental.partial import CannotSwap, Reach, swap

        pelican = last.pelican
        why = _unknown_receivers()
        if why:
            return Outcome("full", reason=why)
        if incremental.last_state is None:
            return Outcome("full", reason="pas de construction précédente à continuer")
        readers = _readers(last.generators, changed, stamps)
        if isinstance(readers, str):
            return Outcome("full", reason=readers)

        counter = ProblemCounter()
        logging.getLogger().addHandler(counter)
        forget_logged_warnings()  # the SEO checklist's warnings are said again, and counted
        thumbnails = sys.modules.get("thumbnails")
        if thumbnails is not None:
            thumbnails.start_partial(pelican)  # its helpers work until partial_ready
        try:
            news = []
            for _generator, read in readers:
                pair = read()
                if isinstance(pair, str):
                    return Outcome("full", reason=pair)
                news.append(pair)
        finally:
            logging.getLogger().removeHandler(counter)
        if counter.errors or counter.warnings:
            return Outcome("full", reason="la lecture signale un problème")

        # From here on, the kept objects are changed: a failure must leave no partial state.
        self._last = None
        # The generators' attributes hold their shared context too.
        roots: list[Any] = [vars(generator) for generator in last.generators]
        roots += [[args, kwargs] for _writer, _method, args, kwargs in last.calls]
        try:
            for old, new in news:
                swap(roots, old, new)
        except CannotSwap as where:
            return Outcome("full", reason=f"contenu gardé dans {where}")

        logging.getLogger().addHandler(counter)
        try:
            state = incremental.last_state.following(Reach([new for _old, new in news]))
            _write_again(last.calls, state)
            for generator in {generator for generator, _read in readers}:
                if hasattr(generator, "write_own_files"):
                    generator.write_own_files()  # listings: the JSON export, the calendars
            if thumbnails is not None and not thumbnails.partial_ready(pelican):
                return Outcome("full", reason="une image est à produire")
            state.reach = None
            # Not written now (a tenth of this build's time): close() or the next full build
            # does. A build in another process meanwhile finds the older state, whose keys
            # no longer match the rewritten pages: it renders them again, nothing worse.
            self._unsaved = state
            incremental.last_state = state
            incremental.last_counts = {"rendered": state.rendered, "reused": state.reused}
            _check_written(pelican, state)
        finally:
            logging.getLogger().removeHandler(counter)
        self._last = _Last(pelican, last.generators, last.calls, stamps, _standing(counter))
        return _outcome("partial", counter, "")


def _readers(
    generators: list[Any], changed: list[str], stamps: dict[str, Signature]
) -> list[tuple[Any, Callable[[], tuple[Any, Any] | str]]] | str:
    """For each changed file, its generator and how it reads the file again (giving the old
    object and the new one, or why only a full build is right); or, as text, why no partial
    build is possible: a file was deleted, or is not an article, a page or a listing of the
    last build."""
    from pelican.contents import Article, Page
    from pelican.generators import ArticlesGenerator, PagesGenerator

    by_class: dict[type, Any] = {}
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            by_class[Article] = generator
        elif isinstance(generator, PagesGenerator):
            by_class[Page] = generator
    # The listings plugin's generator, when it is there: it reads its own files again.
    listings = next((g for g in generators if hasattr(g, "read_again")), None)
    if Article not in by_class:
        return "pas de construction précédente à continuer"
    content = by_class[Article].context["generated_content"]
    root = Path(by_class[Article].path)
    found: list[tuple[Any, Callable[[], tuple[Any, Any] | str]]] = []
    for path in changed:
        relative = os.path.relpath(path, root)
        old = content.get(relative)
        shown = os.path.relpath(path, root.resolve().parent)
        if stamps.get(path) is None:
            return f"{shown} a été supprimé"
        if type(old) in by_class:
            generator = by_class[type(old)]
            found.append((generator, functools.partial(_read_again, generator, relative, old)))
        elif listings is not None and path.endswith((".yaml", ".yml")):
            found.append((listings, functools.partial(listings.read_again, Path(path))))
        else:
            return f"{shown} n’est ni un article, ni une page, ni une annonce déjà construits"
    return found


def _write_again(calls: list[Any], state: Any) -> None:
    """Make again the writer calls that can show what changed (state.reach): in them, the
    incremental writer renders only the pages that reach it."""
    from incremental.partial import reaches
    from incremental.writer import IncrementalWriter

    IncrementalWriter.state = state
    try:
        for writer, method, args, kwargs in calls:
            template = args[1] if method == "write_file" else None
            names = writer.variables(template) if template is not None else None
            if not reaches((method, args, kwargs), state.reach, names):
                continue
            # Pelican refuses to write a file twice in one build: this is a new one.
            writer._written_files = set()
            writer._overridden_files = set()
            getattr(writer, method)(*args, **kwargs)
    finally:
        IncrementalWriter.state = None


def _check_written(pelican: Any, state: Any) -> None:
    """What the plugins that read the output do at `finalized`, told which files changed
    (their signature did), so that they read only those again."""
    written = sorted(
        name for name, mark in state.outputs.items() if state.old_outputs.get(name) != mark
    )
    sitemap = sys.modules.get("sitemap")
    if sitemap is not None:
        sitemap.write_files(pelican.settings, written)
    seo = sys.modules.get("seo_checklist")
    if seo is not None:
        seo.check_written(pelican, written)


def _read_again(generator: Any, relative: str, old: Any) -> tuple[Any, Any] | str:
    """`old` and the article or page at `relative` read again by its `generator`, ready to
    replace it (as the listings plugin's `read_again` gives a listing); or, as text, why it
    cannot (anything but its text changed)."""
    from pelican import signals

    kind = type(old).__name__.lower()  # "article" or "page": the signals' names
    try:
        new = generator.readers.read_file(
            base_path=generator.path,
            path=relative,
            content_class=type(old),
            context=generator.context,
            preread_signal=getattr(signals, f"{kind}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{kind}_generator_context"),
            context_sender=generator,
        )
    except Exception:  # the full build reports it, with Pelican's words
        return f"{relative} ne se lit pas"
    if type(new) is not type(old) or not new.is_valid():
        return f"{relative} ne se lit pas"
    new.refresh_metadata_intersite_links()
    added = set(vars(old)) - set(vars(new))
    if added - ADDED_AFTER_READ:
        return f"{relative} : attributs ajoutés par un greffon ({', '.join(sorted(added))})"
    for name in added:
        setattr(new, name, getattr(old, name))
    if new.metadata != old.metadata or new.status != old.status:
        return f"{relative} : ses métadonnées ont changé"
    if (new.url, new.save_as) != (old.url, old.save_as):
        return f"{relative} : son adresse a changé"
    # Which files the site publishes (an image's renditions, a linked file) is decided by a
    # full build: a partial one publishes no new file and removes none.
    if new.get_static_links() != old.get_static_links():
        return f"{relative} : ses liens vers des fichiers ont changé"
    if _images(new.content) != _images(old.content):
        return f"{relative} : ses images ont changé"
    # Whether such a link leads to a draft or to nothing is checked once every file is read
    # (ignored_input, at all_generators_finalized): a full build says it again.
    if _FILENAME_LINK.findall(new._content) != _FILENAME_LINK.findall(old._content):
        return f"{relative} : ses liens vers d’autres pages ont changé"
    return old, new


_FILENAME_LINK = re.compile(r"""[{|]filename[|}][^"'\s>]*""")
_IMAGE_ADDRESS = re.compile(r"""\b(?:src|srcset)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def _images(html: str | None) -> list[str]:
    """The image addresses in an article's HTML (the thumbnails plugin's renditions)."""
    return sorted(set(_IMAGE_ADDRESS.findall(html or "")))


def _unknown_receivers() -> str:
    """Why a partial build is not safe with the plugins connected, or "".

    A partial build sends none of Pelican's signals but those of reading one article: a
    plugin that acts on a build as a whole (an index of every article written at
    `finalized`…) would be left out. Only the plugins known to be right in a partial build
    (KNOWN_PLUGINS) may be connected at all."""
    from blinker import Signal
    from pelican import signals

    for name, signal in vars(signals).items():
        if not isinstance(signal, Signal):
            continue
        for receiver in signal.receivers.values():
            # Weak references (blinker's default) are called to get the function.
            function = receiver() if hasattr(receiver, "__callback__") else receiver
            module = getattr(function, "__module__", "") or ""
            if module.split(".")[0] not in KNOWN_PLUGINS:
                return f"un greffon inconnu reçoit {name} ({module})"
    return ""


def _standing(counter: ProblemCounter) -> int:
    """The problems of a build that a partial build continuing it would not report again."""
    return sum(n for source, n in counter.sources.items() if source not in REPORTS_ALL_AGAIN)


def _outcome(kind: str, counter: ProblemCounter, why: str) -> Outcome:
    counts = getattr(sys.modules.get("incremental"), "last_counts", None) or {}
    return Outcome(
        kind,
        errors=counter.errors,
        warnings=counter.warnings,
        rendered=counts.get("rendered", 0),
        reused=counts.get("reused", 0),
        reason=why,
    )


def _missing_output(settings: dict[str, Any]) -> str:
    """What shows that the output is no longer the last build's (`invoke clean`), or ""."""
    output = Path(settings["OUTPUT_PATH"])
    for path in (output, output / "index.html"):
        if not path.exists():
            return str(path)
    return ""


def _is_code(path: str, settings: dict[str, Any], settings_file: Path) -> bool:
    """A change this process cannot take in: settings, Python code (loaded once)."""
    if path == str(settings_file.resolve()) or path.endswith((".py", ".lock")):
        return not path.startswith(str(Path(settings["PATH"]).resolve()) + os.sep)
    return False


def _stamps(settings: dict[str, Any], settings_file: Path) -> dict[str, Signature]:
    """The stamp of every input, as `invoke build` lists them (build_inputs.input_files)."""
    folders = [settings["PATH"], settings.get("THEME"), *settings.get("PLUGIN_PATHS", [])]
    roots = [Path(folder) for folder in folders if folder]
    project = settings_file.resolve().parent
    stamps: dict[str, Signature] = {}
    for path in input_files(project, settings_file, roots):
        try:
            info = os.stat(path)  # noqa: PTH116 - a string path, on each save
        except OSError:
            continue  # gone since the walk: the next rebuild sees it gone
        stamps[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return stamps
