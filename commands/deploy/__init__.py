"""Safe publishing: atomic releases on a target, verified before they go live (issue #6).

`config` reads the DEPLOY setting, `manifest` hashes a built site, `releases` names and keeps
releases, `targets` is the interface every target implements (`release_dir` for rsync over
SSH and for a local folder, `git_branch` for static hosting), `publish` runs the steps
with the messages editors read, and `lock` keeps a project to one publish at a time.
"""

from __future__ import annotations


class DeployError(Exception):
    """A publishing step failed; `message` is French and says what, `detail` is the tool's own."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail.strip()

    def __str__(self) -> str:
        if not self.detail:
            return self.message
        # The last lines of ssh/rsync/git's output are what says why; the rest is noise.
        tail = "\n".join(self.detail.splitlines()[-4:])
        return f"{self.message}\nDétail : {tail}"
