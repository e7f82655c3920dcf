"""Which build `invoke seo` checks by default: the last one, with the settings that made it
(a production build has its SITEURL). Written by `invoke build` and by livereload's worker."""

from __future__ import annotations

import json
from pathlib import Path

RECORD = Path(".cache") / "last-build.json"  # inside the project


def remember(project: Path, settings_file: Path, output: Path) -> None:
    path = project / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"settings": settings_file.name, "output": str(output)}
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def recall(project: Path) -> dict[str, str]:
    """The record, or {} when there is none (or it cannot be read)."""
    try:
        record = json.loads((project / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}
