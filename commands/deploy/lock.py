"""One publish or rollback at a time from a project.

`invoke publish` builds into `.cache/publish/site/`, checks that folder and sends it: two
publishes started together (two terminals, a double launch) would build into the same
folder at once, and either could send a site the other was still writing. The lock is an
advisory `flock` on `.cache/publish/lock`, held by the process for the whole command: the
system releases it when the process ends, however it ends, so it can never be left behind.

The file names who holds it (process id and start time), for the message of the command
that has to wait. Two machines publishing to one server are not covered: each has its
own project folder.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import time
from pathlib import Path
from typing import TextIO

from . import DeployError


class PublishLock:
    """The project's publish lock, in `folder`, for the command `what` ("publish")."""

    def __init__(self, folder: Path, what: str) -> None:
        self.path = folder / "lock"
        self.what = what
        self._handle: TextIO | None = None

    def acquire(self) -> None:
        """Take the lock, or raise DeployError at once (never wait) saying who holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            handle.close()
            raise DeployError(
                "Une publication ou un retour en arrière est déjà en cours depuis ce dossier "
                f"({holder}) → attendez qu’il se termine, puis relancez « invoke {self.what} »."
            ) from None
        started = datetime.datetime.now().strftime("%H:%M:%S")
        handle.seek(0)
        handle.truncate()
        handle.write(f"invoke {self.what}, processus {os.getpid()}, commencé à {started}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.truncate(0)
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()
        self._handle = None

    def __enter__(self) -> PublishLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _holder(handle: TextIO) -> str:
    """Who holds the lock, as its holder wrote it: it writes just after taking the lock."""
    for _ in range(10):
        handle.seek(0)
        holder = handle.read().strip()
        if holder:
            return holder
        time.sleep(0.05)
    return "une autre commande"
