"""A build that stops half way must not leave the output folder with files no state knows.

Files are removed from the output when the last build's state says they were written and
this build did not write them (state.remove_stale). A build stopped before its state is
saved (Ctrl+C, a crash, a full disk, a state that could not be written) may have written
pages the saved state has never heard of: the page of an article added just before. Delete
that article afterwards, and its page would stay in output/ for good, in the sitemap and the
local preview, although a build into an empty folder would not have it.

So each build leaves a mark beside its state as it starts and takes it away once its state
is saved. A build that finds the mark cannot tell which files in the output are its own: it
empties the folder (as Pelican's DELETE_OUTPUT_DIRECTORY does, keeping OUTPUT_RETENTION)
and builds everything. When in doubt, rebuild.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican.utils import clean_output_dir

logger = logging.getLogger(__name__)


def mark_of(folder: Path, state_file: str) -> Path:
    """The mark of a build in progress, one per output folder like its state."""
    return folder / f"{state_file}.unfinished"


def begin(mark: Path, settings: dict[str, Any]) -> bool:
    """Start a build: empty the output if the last one did not finish, then leave the mark.
    True if the output was emptied."""
    output = Path(os.path.realpath(settings["OUTPUT_PATH"]))
    emptied = False
    if mark.exists() and output.is_dir():
        content = Path(os.path.realpath(settings["PATH"]))
        cache = Path(os.path.realpath(mark.parent))
        if content.is_relative_to(output) or cache.is_relative_to(output):
            # Pelican's own guard for DELETE_OUTPUT_DIRECTORY, and ours for the state.
            logger.warning(
                "La construction précédente ne s’est pas terminée, et %s ne peut pas être vidé "
                "(il contient les sources ou le cache) : des pages périmées peuvent y rester → "
                "donnez à OUTPUT_PATH, dans pelicanconf.py, un dossier qui ne contient que le "
                "site construit",
                output,
            )
        else:
            clean_output_dir(str(output), settings.get("OUTPUT_RETENTION", []))
            emptied = True
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()
    except OSError as error:  # the state cannot be saved either: said when it fails
        logger.debug("incremental: no build mark (%s)", error)
    return emptied


def end(mark: Path) -> None:
    """The state that describes the output is saved: the build finished."""
    mark.unlink(missing_ok=True)
