"""A content mistake an editor can act on: which file, which line, what is wrong, how to fix it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file. Lines and columns count from 1; 0 means unknown."""

    path: Path
    line: int
    message: str
    hint: str = ""
    column: int = 0
    # The last day the problem matters, if it has one (an event's end: once the event is
    # over, what would have gone wrong before it no longer can).
    until: datetime.date | None = None

    def location(self, root: Path | None = None) -> str:
        """`content/listings/velo.yaml:7:3`, relative to `root` when the file is under it."""
        path = self.path
        if root is not None and path.is_relative_to(root):
            path = path.relative_to(root)
        where = str(path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def format(self, root: Path | None = None) -> str:
        """The line the editor reads: location, problem, and the fix after an arrow."""
        text = f"{self.location(root)} : {self.message}"
        return f"{text} → {self.hint}" if self.hint else text
