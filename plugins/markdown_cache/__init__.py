"""Markdown read once per content, on every core: a drop-in for Pelican's Markdown reader.

Pelican converts each Markdown file, one after the other, on every build (its own content
cache is keyed by modification time, and cannot pickle settings that hold functions). This
plugin replaces the `md` reader with one that

- converts every file whose text it has not seen before, in worker processes, as soon as
  Pelican asks for the first one (Markdown is most of a cold build's time); and
- keeps the result in `.cache/markdown/`, keyed by the SHA-256 of the file's text and of
  everything that shapes the HTML (the MARKDOWN setting, FORMATTED_FIELDS, the versions of
  Markdown and of this plugin), so an unchanged file is never converted again.

What the reader returns is exactly what Pelican's MarkdownReader returns (a test compares
them): metadata values still go through the reader's `process_metadata`, in the build's
process, because they become Pelican objects (dates, categories, authors).

Settings: MARKDOWN_CACHE_PATH (default ".cache/markdown", relative to the project, the
folder that holds PATH), MARKDOWN_CACHE_WORKERS (0 = one per CPU; 1 = no worker processes).
"""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals

from .reader import CachedMarkdownReader, configure

__all__ = ["CachedMarkdownReader", "register"]

logger = logging.getLogger(__name__)


def _configure(pelican: Any) -> None:
    # At `initialized`, sent while Pelican is constructed: a bad setting stops the build
    # there with its name, before anything is read.
    configure(pelican.settings)
    CachedMarkdownReader.new_build()


def _install(readers: Any) -> None:
    for extension, reader in list(readers.reader_classes.items()):
        if reader.__name__ == "MarkdownReader":
            readers.reader_classes[extension] = CachedMarkdownReader


def _finish(pelican: Any) -> None:
    CachedMarkdownReader.save_store()


def register() -> None:
    """Pelican entry point."""
    signals.initialized.connect(_configure)
    signals.readers_init.connect(_install)
    # After the build, the cache keeps the files this build read, and only those.
    signals.finalized.connect(_finish)
