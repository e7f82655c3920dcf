"""Petites annonces for Pelican: YAML files become validated listing pages, feeds and calendars.

Settings: see README.md in this folder (defaults in settings.py).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from . import generator
from .generator import ListingsGenerator
from .settings import configure


def _configure(pelican: Any) -> None:
    # At `initialized`, before any generator reads them: a bad value stops the build early
    # with the setting's name, rather than failing halfway through.
    configure(pelican.settings)
    generator.last_counts = None  # a build that stops early must not show the last one's


def _generators(pelican: Any) -> type[ListingsGenerator]:
    return ListingsGenerator


def register() -> None:
    """Pelican entry point."""
    signals.initialized.connect(_configure)
    signals.get_generators.connect(_generators)
