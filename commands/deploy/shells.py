"""Running a small POSIX shell script on the target: here (local folder) or over SSH."""

from __future__ import annotations

import shlex
import subprocess
import sys
from abc import ABC, abstractmethod

from commands.deploy import DeployError

# Fail instead of hanging: an unreachable host, or a connection that goes silent mid-upload.
SSH_DEFAULTS = ["-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15"]
SSH_DEFAULTS += ["-o", "ServerAliveCountMax=4"]


class Shell(ABC):
    """Runs `sh -c SCRIPT sh ARGS…` where the releases live; rsync's destination there."""

    label: str
    rsync_transport: list[str]

    @abstractmethod
    def command(self, script: str, args: list[str]) -> list[str]:
        """The argv that runs `script` with `args` on the target."""

    @abstractmethod
    def rsync_destination(self, path: str) -> str:
        """How rsync names `path` on the target."""

    def run(self, script: str, *args: str, stdin: bytes = b"", what: str = "") -> bytes:
        """The script's output; DeployError (with its error output) when it fails."""
        try:
            proc = subprocess.run(
                self.command(script, list(args)), input=stdin, capture_output=True, check=False
            )
        except OSError as error:
            raise DeployError(f"Impossible de lancer {what or 'la commande'} : {error}") from None
        if proc.returncode != 0:
            message = f"{what or 'La commande'} a échoué sur {self.label} (code {proc.returncode})."
            raise DeployError(
                message + self.advice(proc.returncode), proc.stderr.decode("utf-8", "replace")
            )
        return proc.stdout

    def advice(self, returncode: int) -> str:
        """What the editor can do about a failure with this exit code ("" if nothing new)."""
        return ""


class LocalShell(Shell):
    """The releases folder is on this machine (the association's own server)."""

    def __init__(self) -> None:
        self.label = "cette machine"
        self.rsync_transport = []

    def command(self, script: str, args: list[str]) -> list[str]:
        return ["sh", "-c", script, "sh", *args]

    def rsync_destination(self, path: str) -> str:
        return path


class SshShell(Shell):
    """The releases folder is on `host`, reached with the user's ssh and its configuration."""

    def __init__(self, host: str, options: list[str]) -> None:
        self.label = host
        # The user's options first: for each option ssh keeps the first value it is given.
        self.ssh = ["ssh", *options, *SSH_DEFAULTS]
        if not sys.stdin.isatty():
            # Nobody can type a password or a passphrase: fail at once instead of waiting.
            self.ssh += ["-o", "BatchMode=yes"]
        self.host = host
        # rsync splits -e on spaces and honours quotes, as the shell would.
        self.rsync_transport = ["-e", shlex.join(self.ssh)]

    def command(self, script: str, args: list[str]) -> list[str]:
        # ssh joins its arguments into one string for the remote shell: quote each piece.
        remote = "sh -c " + shlex.quote(script) + " sh " + " ".join(map(shlex.quote, args))
        return [*self.ssh, "--", self.host, remote]

    def rsync_destination(self, path: str) -> str:
        return f"{self.host}:{path}"

    def advice(self, returncode: int) -> str:
        if returncode != 255:  # ssh's own code: the connection itself failed
            return ""
        return (
            f" La connexion SSH à {self.host} n’a pas abouti : vérifiez BABILLARD_DEPLOY_HOST, "
            f"le réseau, et que « ssh {self.host} » fonctionne dans un terminal."
        )
