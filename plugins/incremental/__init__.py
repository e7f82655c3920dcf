"""Incremental builds: render only the pages whose inputs changed; never rewrite a file
whose bytes did not change.

Pelican renders every page of the site on every build. This plugin gives Pelican a writer
(`writer.py`) that skips the render of a page when its key is the last build's: the key
combines the build-wide fingerprint below with the fingerprints of every context variable
the page's template can read (`digest.py`). Files are written only when their bytes change,
so unchanged pages keep their modification time (deploys and caches see nothing new).

The build-wide fingerprint covers what may change any page: every setting, every file of the
theme and of the plugin folders, and the versions of Python, Pelican, Jinja2 and Markdown.
When in doubt, the page is rendered: a template chosen at render time, a value of a kind the
digest does not know, a missing or modified output file.

A build stopped half way is followed by a build into an emptied output (unfinished.py).

Settings (defaults in DEFAULTS; README.md documents them): INCREMENTAL_CACHE_PATH,
INCREMENTAL_RECORD_GLOBALS.
"""

from __future__ import annotations

import hashlib
import logging
import os
import platform
import sys
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pelican
from pelican import signals
from pelican import utils as pelican_utils

from . import unfinished
from .digest import Digester, digest_files
from .state import BuildState, signature, state_file
from .writer import IncrementalWriter, write_if_changed

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Folder of the state kept between builds; relative to the project (PATH's parent).
    "INCREMENTAL_CACHE_PATH": ".cache/incremental",
    # Template globals with effects besides their result (they plan image renditions):
    # their calls are recorded with each page and replayed when the page is reused.
    "INCREMENTAL_RECORD_GLOBALS": ["responsive_image", "social_image"],
}

# The latest build's counts, for `invoke build` (same process).
last_counts: dict[str, int] | None = None
# The generators of static files, from all_generators_finalized to finalized (_statics).
_static_generators: list[Any] = []
# The latest build's state, which a partial build continues (partial.py).
last_state: BuildState | None = None
# This build's mark (unfinished.py), and whether it found the last build unfinished.
_mark: Path | None = None
_emptied = False


def configure(settings: dict[str, Any]) -> dict[str, Any]:
    for name, default in DEFAULTS.items():
        settings.setdefault(name, list(default) if isinstance(default, list) else default)
    if not isinstance(settings["INCREMENTAL_CACHE_PATH"], str | Path):
        raise ValueError("INCREMENTAL_CACHE_PATH must be a folder such as '.cache/incremental'.")
    names = settings["INCREMENTAL_RECORD_GLOBALS"]
    if isinstance(names, str) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"INCREMENTAL_RECORD_GLOBALS must be a list of names, got {names!r}.")
    return settings


def _folder(settings: dict[str, Any]) -> Path:
    folder = Path(settings["INCREMENTAL_CACHE_PATH"])
    if not folder.is_absolute():
        folder = Path(settings["PATH"]).resolve().parent / folder
    return folder


def build_digest(settings: dict[str, Any]) -> str | None:
    """The fingerprint of everything that may change any page; None if it cannot be taken."""
    project = str(Path(settings["PATH"]).resolve().parent)
    settings_digest = Digester(project).of(settings)
    if settings_digest is None:
        return None
    code: list[Path] = []
    for root in [settings.get("THEME"), *settings.get("PLUGIN_PATHS", [])]:
        if root and Path(root).is_dir():
            code += [
                p for p in Path(root).rglob("*") if p.is_file() and "__pycache__" not in p.parts
            ]
    tools = (pelican.__version__, jinja2.__version__, markdown.__version__)
    versions = " ".join((sys.version, platform.machine(), *tools))
    files = digest_files([p.resolve() for p in code], Path(project))
    parts = [settings_digest.hex(), files, versions]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _initialized(pelican_object: Any) -> None:
    global last_counts, last_state, _mark, _emptied
    last_counts = None  # a build without state must not show the previous build's counts
    last_state = None
    settings = configure(pelican_object.settings)
    project = Path(settings["PATH"]).resolve().parent
    folder = _folder(settings)
    file = state_file(Path(settings["OUTPUT_PATH"]), project)
    # Before anything is written to the output. Without a state to save (below), the mark
    # stays: the next build cannot know this one's files either.
    _mark = unfinished.mark_of(folder, file)
    _emptied = unfinished.begin(_mark, settings)
    if _emptied:
        logger.info("La construction précédente ne s’est pas terminée : tout est reconstruit")
    digest = build_digest(settings)
    if digest is None:
        logger.info("Reconstruction partielle impossible (réglage non comparable) : tout est rendu")
        IncrementalWriter.state = None
        return
    IncrementalWriter.state = BuildState.load(
        folder, digest, list(settings["INCREMENTAL_RECORD_GLOBALS"]), file
    )
    IncrementalWriter.state.output_root = str(settings["OUTPUT_PATH"])


def _get_writer(pelican_object: Any) -> type:
    return IncrementalWriter


def _finalized(pelican_object: Any) -> None:
    global last_counts, last_state
    state = IncrementalWriter.state
    IncrementalWriter.state = None
    generators, _static_generators[:] = list(_static_generators), []
    if state is None:
        return
    output = Path(pelican_object.settings["OUTPUT_PATH"])
    for generator in generators:
        for static in generator.staticfiles:
            state.statics.append(str(static.save_as).replace(os.sep, "/"))
    # Static files Pelican did not copy this time (STATIC_CHECK_IF_MODIFIED) or linked
    # (STATIC_CREATE_LINKS) are still this build's: recorded as they are now.
    for relative in state.statics:
        if relative not in state.outputs:
            state.output(relative, signature(output / relative))
    # Before the plugins that read the output (sitemap, SEO): they must not see these.
    removed = state.remove_stale(output)
    for relative in removed:
        logger.info("Retiré de la sortie (n’est plus construit) : %s", relative)
    if state.save() and _mark is not None:
        unfinished.end(_mark)
    last_state = state
    last_counts = {
        "rendered": state.rendered,
        "reused": state.reused,
        "removed": len(removed),
        "restarted": int(_emptied),
    }
    logger.info("Pages rendues : %d ; reprises telles quelles : %d", state.rendered, state.reused)


def _statics(generators: list[Any]) -> None:
    # At all_generators_finalized: every handler of static_generator_finalized has run, so
    # the static files are the ones that will be published (thumbnails keeps some back).
    # Their save_as is read at `finalized` only: reading it marks a file's location as taken,
    # and an article's {attach} link, resolved later when the article is written, could no
    # longer move the file beside the article (Pelican: "cannot relocate").
    _static_generators[:] = [g for g in generators if getattr(g, "staticfiles", None) is not None]


def _copy_file_if_changed(source: str, destination: str) -> None:
    """pelican.utils.copy_file, skipped when the destination already holds the same bytes.

    Pelican copies every static file and theme asset on every build (its
    STATIC_CHECK_IF_MODIFIED compares modification times, not contents), which made each of
    them look changed to a deploy. The write is atomic, like every other output file's.
    """
    try:
        write_if_changed(Path(destination), Path(source).read_bytes())
    except OSError as error:  # Pelican's own copy_file only warns too
        logger.warning("Copie impossible de %s vers %s : %s", source, destination, error)
        return
    state = IncrementalWriter.state
    if state is not None and state.output_root is not None:
        # Both made absolute the same way (os.path.abspath), as Pelican builds its paths.
        relative = os.path.relpath(destination, state.output_root)
        if not relative.startswith(os.pardir):
            state.output(relative.replace(os.sep, "/"), signature(destination))


def register() -> None:
    """Pelican entry point."""
    # `pelican.utils.copy`, used for static files and the theme's assets, looks copy_file up
    # in its module at each call: replacing it there is enough.
    pelican_utils.copy_file = _copy_file_if_changed
    signals.initialized.connect(_initialized)
    signals.get_writer.connect(_get_writer)
    signals.all_generators_finalized.connect(_statics)
    # Before the plugins that read the output (connected later): state saved first is fine,
    # the output is complete when `finalized` is sent.
    signals.finalized.connect(_finalized)
