"""A Pelican writer that renders a page only when what it shows changed, and never
rewrites a file whose bytes are the same.

For each page, `page_key` combines the build-wide fingerprint (settings, templates, theme
and plugin code, versions) with the fingerprints of the context variables its template can
read — found by parsing the template and the ones it extends, includes and imports. If the
key and the file on disk are those of the last build, the page is neither rendered nor
written. "The file on disk is the last build's" is known from its stat signature (size,
modification time, inode) when it matches the one taken just after the last build wrote
it, and otherwise from the SHA-256 of its bytes.

Rendering can have effects besides the HTML: the thumbnails plugin plans image renditions
when a template calls `responsive_image` or `social_image`. The globals named in
INCREMENTAL_RECORD_GLOBALS are wrapped: their calls during a render are recorded with the
page, and replayed when the page is reused. A replay that returns something else (the photo
was replaced, so the rendition's name changed) means the page is rendered after all.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound, meta
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .digest import Digester
from .state import BuildState, signature

logger = logging.getLogger(__name__)

# A page the site makes itself, as the errors about an address taken twice name it, and what
# to change in the content file that takes its address (`invoke check` says the same).
SITE_PAGE = "une page que le site crée lui-même (liste, catégorie, étiquette…)"
SITE_PAGE_FIX = "donnez-lui un autre titre, ou une ligne « Slug: … » qui la distingue"


class _IfChanged(io.StringIO):
    """A text file that reaches the disk at close, atomically, and only if its bytes changed."""

    def __init__(self, path: str, encoding: str, on_close: Any = None) -> None:
        super().__init__()
        self.path = Path(path)
        self._encoding = encoding
        self._on_close = on_close

    def close(self) -> None:
        if not self.closed:
            write_if_changed(self.path, self.getvalue().encode(self._encoding))
            if self._on_close is not None:
                self._on_close()
        super().close()


class _Kept(io.StringIO):
    """Where Pelican "writes" a reused page: the file already holds its bytes."""


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically unless `path` already holds `data`; True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def template_variables(env: Environment, name: str) -> frozenset[str] | None:
    """Every variable `name` and the templates it uses can read; None if unknowable
    (a template chosen at render time)."""
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, _filename, _uptodate = env.loader.get_source(env, current)  # type: ignore[union-attr]
        except TemplateNotFound:
            return None  # `include … ignore missing`, or a list: render, as when in doubt
        tree = env.parse(source)
        names |= meta.find_undeclared_variables(tree)
        for referenced in meta.find_referenced_templates(tree):
            if referenced is None:
                return None
            todo.append(referenced)
    return frozenset(names)


class _Recorder:
    """Wraps template globals so their calls during one render can be recorded."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any], Any]] | None = None

    def wrap(self, name: str, func: Any) -> Any:
        passes_context = getattr(func, "jinja_pass_arg", None) is not None

        @functools.wraps(func)
        def recorded(*args: Any, **kwargs: Any) -> Any:
            result = func(*args, **kwargs)
            if self.calls is not None:
                kept = args[1:] if passes_context else args
                self.calls.append((name, kept, kwargs, result))
            return result

        recorded.original = func  # type: ignore[attr-defined]
        return recorded


class IncrementalWriter(Writer):
    """Pelican's writer, with renders reused by key and writes skipped when unchanged."""

    state: BuildState | None = None  # set by the plugin for each build
    # When a list, every write_file and write_feed call is appended to it as
    # (writer, method, args, kwargs): a resident process makes some of them again (partial.py).
    record: list[Any] | None = None

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._variables: dict[tuple[int, str], frozenset[str] | None] = {}
        self._wrapped_envs: set[int] = set()
        self._common: dict[tuple[str, tuple[str, ...], tuple[int, ...]], bytes] = {}
        # Absolute paths of reused pages, set by _Memo.render: _open_w, which Pelican calls
        # just after it, does not write them.
        self._kept: set[str] = set()
        # Which content file each written page came from (None: a list, a feed…).
        self._writers: dict[str, str | None] = {}
        self._source: str | None = None
        self.recorder = _Recorder()
        project = Path((settings or {}).get("PATH") or ".").resolve().parent
        self.digester = Digester(str(project))

    # Every file Pelican writes (pages and feeds) goes through here. Pelican's own version
    # opens the file for writing, which empties it even when the new bytes are the same;
    # the bookkeeping below is Pelican's (pelican/writers.py, Writer._open_w), unchanged.
    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return Path(os.devnull).open("w", encoding=encoding)
        if filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                # Pelican raises here, and the build stops with a traceback. Two pages with
                # one address are an editor's mistake (ignored_input leaves out most of them
                # before this): the first page stays, the second is said and not written.
                self._clash(filename)
                return Path(os.devnull).open("w", encoding=encoding)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self._writers[filename] = self._source
        if filename in self._kept:
            self._kept.discard(filename)
            return _Kept()  # its signature was recorded when it was found unchanged
        state = type(self).state
        if state is None:
            return _IfChanged(filename, encoding)
        relative = self.relative(filename)
        return _IfChanged(filename, encoding, lambda: state.output(relative, signature(filename)))

    def _clash(self, filename: str) -> None:
        """Says that the page for `filename` is not written: an earlier page has it. The
        error names the content file to change; a page the site makes itself (a list, a
        category) has no file, only settings."""
        first, second = self._writers.get(filename), self._source
        root = Path((self.settings or {}).get("PATH") or ".").resolve().parent

        def named(source: str) -> str:
            path = Path(source).resolve()
            return str(path.relative_to(root) if path.is_relative_to(root) else path)

        address = "/" + self.relative(filename).removesuffix("index.html")
        if second:
            taken_by = f"de {named(first)}" if first else f"d’{SITE_PAGE}"
            logger.error(
                "%s : son adresse %s est déjà celle %s : non publié → %s",
                named(second), address, taken_by, SITE_PAGE_FIX,
            )  # fmt: skip
        elif first:
            logger.error(
                "%s : son adresse %s est aussi celle d’%s : ce fichier y est publié à sa "
                "place, et la page du site manque → %s",
                named(first), address, SITE_PAGE, SITE_PAGE_FIX,
            )  # fmt: skip
        else:
            logger.error(
                "%s : deux pages que le site crée lui-même ont cette adresse : seule la "
                "première est publiée → donnez-leur des adresses différentes dans les "
                "réglages …_SAVE_AS de pelicanconf.py",
                address,
            )

    def relative(self, path: str) -> str:
        """`path` (absolute, inside the output folder) as the state names output files."""
        return os.path.relpath(path, self.output_path).replace(os.sep, "/")

    def write_feed(self, *args: Any, **kwargs: Any) -> Any:
        if type(self).record is not None:
            type(self).record.append((self, "write_feed", args, kwargs))
        self._source = None
        return super().write_feed(*args, **kwargs)

    def write_file(self, name: Any, template: Any, context: dict[str, Any], *args, **kwargs):
        if type(self).record is not None:
            type(self).record.append((self, "write_file", (name, template, context, *args), kwargs))
        # The content file this page shows, if any: named if its address is taken (_clash).
        self._source = next(
            (v.source_path for v in kwargs.values() if getattr(v, "source_path", None)), None
        )
        state = type(self).state
        if state is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        self._wrap_globals(template.environment, state)
        memo = _Memo(template, self, state, context)
        return super().write_file(name, memo, context, *args, **kwargs)

    def _wrap_globals(self, env: Environment, state: BuildState) -> None:
        if id(env) in self._wrapped_envs:
            return
        self._wrapped_envs.add(id(env))
        for name in state.record_globals:
            func = env.globals.get(name)
            if func is not None and not hasattr(func, "original"):
                env.globals[name] = self.recorder.wrap(name, func)

    def variables(self, template: Any) -> frozenset[str] | None:
        key = (id(template.environment), template.name)
        if key not in self._variables:
            env = template.environment
            state = type(self).state
            where = _loader_folders(env.loader)
            if where is None or state is None:
                self._variables[key] = template_variables(env, template.name)
            else:
                # Kept between builds while the templates are the same files (state.py).
                lasting = (where, template.name)
                if lasting not in state.variables:
                    state.variables[lasting] = template_variables(env, template.name)
                self._variables[key] = state.variables[lasting]
        return self._variables[key]

    def page_key(
        self,
        template: Any,
        localcontext: dict[str, Any],
        state: BuildState,
        shared: dict[str, Any],
    ) -> str | None:
        names = self.variables(template)
        if names is None:
            return None
        # Most variables are the generator's shared context, the same objects for every
        # page: fingerprint them once per template, and per page only what is the page's own.
        present = sorted(name for name in names if name in localcontext)
        common = tuple(n for n in present if n in shared and localcontext[n] is shared[n])
        # Keyed by the values' identities too: a shared value replaced between two pages
        # (Pelican reassigns some) must not reuse the old fingerprint.
        memo_key = (template.name, common, tuple(id(localcontext[n]) for n in common))
        common_digest = self._common.get(memo_key)
        if common_digest is None:
            common_digest = self._digest_names(common, localcontext)
            if common_digest is None:
                return None
            self._common[memo_key] = common_digest
        own = [name for name in present if name not in common]
        own_digest = self._digest_names(own, localcontext)
        if own_digest is None:
            return None
        parts = [state.build_digest.encode(), template.name.encode(), common_digest, own_digest]
        return hashlib.sha256(b"\0".join(parts)).hexdigest()

    def _digest_names(self, names: Any, values: dict[str, Any]) -> bytes | None:
        digests = []
        for name in names:
            digest = self.digester.of_variable(name, values[name])
            if digest is None:
                return None
            digests += [name.encode(), digest]
        return hashlib.sha256(b"\0".join(digests)).digest()


def _loader_folders(loader: Any) -> tuple[Any, ...] | None:
    """What decides which file a template name loads, for the loaders Pelican builds
    (folders, choices, prefixes); None for any other loader, whose analysis is not kept."""
    kind = type(loader).__name__
    if kind == "FileSystemLoader":
        return ("fs", tuple(str(Path(p).resolve()) for p in loader.searchpath))
    if kind == "ChoiceLoader":
        parts = [_loader_folders(inner) for inner in loader.loaders]
        return None if None in parts else ("choice", tuple(parts))
    if kind == "PrefixLoader":
        items = sorted((prefix, _loader_folders(inner)) for prefix, inner in loader.mapping.items())
        return None if any(part is None for _, part in items) else ("prefix", tuple(items))
    return None


class _Memo:
    """Stands in for a Jinja template in Writer.write_file: render() may reuse the page."""

    def __init__(
        self, template: Any, writer: IncrementalWriter, state: BuildState, shared: dict[str, Any]
    ) -> None:
        self.template = template
        self.shared = shared
        self.writer = writer
        self.state = state
        self.name = template.name
        self.environment = template.environment

    def render(self, localcontext: dict[str, Any]) -> str:
        output_file = localcontext["output_file"]
        # The path Pelican's _write_file is about to open, computed the same way.
        path = sanitised_join(self.writer.output_path, output_file)
        if self.state.reach is not None:
            return self._render_if_reached(output_file, path, localcontext)
        key = self.writer.page_key(self.template, localcontext, self.state, self.shared)
        if key is not None and self._reuse(output_file, path, key, localcontext):
            return self._keep(path)
        recorder = self.writer.recorder
        recorder.calls = []
        try:
            html = self.template.render(localcontext)
        finally:
            calls, recorder.calls = recorder.calls, None
        self.state.rendered += 1
        if key:
            self.state.remember(output_file, key, html.encode("utf-8"), calls)
        return html

    def _keep(self, path: str) -> str:
        """The page at `path` stays as it is: Pelican opens the file next (Writer._open_w),
        which must not write it."""
        self.writer._kept.add(path)
        self.state.reused += 1
        return ""

    def _render_if_reached(self, output_file: str, path: str, localcontext: dict[str, Any]) -> str:
        """In a partial build (partial.py): render the page only if what its template can
        read reaches the changed content; otherwise it stays as the last build wrote it."""
        names = self.writer.variables(self.template)
        reach = self.state.reach
        shown = names is None or any(
            reach.variable(n, localcontext[n]) for n in names if n in localcontext
        )
        if not shown:
            return self._keep(path)
        # No key is kept for it: the next full build renders it again, which is safe.
        self.state.new.pop(output_file, None)
        self.state.rendered += 1
        return self.template.render(localcontext)

    def _reuse(self, output_file: str, path: str, key: str, localcontext: dict[str, Any]) -> bool:
        """Whether the file at `path` is already this page: same key, same bytes on disk."""
        entry = self.state.old.get(output_file)
        if entry is None or entry.key != key:
            return False
        relative = self.writer.relative(path)
        current = signature(path)
        if current is None:
            return False
        if current != self.state.old_outputs.get(relative):
            try:
                data = Path(path).read_bytes()
            except OSError:
                return False
            if hashlib.sha256(data).hexdigest() != entry.sha256:
                return False  # changed or damaged since: render it again
        env_globals = self.template.environment.globals
        for name, args, kwargs, result in entry.calls:
            func = env_globals.get(name)
            func = getattr(func, "original", func)
            if func is None:
                return False
            passes_context = getattr(func, "jinja_pass_arg", None) is not None
            again = func(localcontext, *args, **kwargs) if passes_context else func(*args, **kwargs)
            if again != result:
                return False
        self.state.remember(output_file, key, b"", entry.calls, sha256=entry.sha256)
        self.state.output(relative, current)
        return True
