"""Real servers for the deploy tests, on 127.0.0.1, all files in a temporary folder.

Debian's OpenSSH server (`/usr/sbin/sshd`) with throwaway host and user keys, and Debian's
nginx serving a target's `current` link. Neither needs a system service; nothing is written
to ~/.ssh or /etc.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shlex
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

SSHD = Path("/usr/sbin/sshd")
NGINX = Path("/usr/sbin/nginx")
ALIAS = "babillard-test-host"


def require(program: Path, package: str) -> None:
    if not program.exists():
        pytest.fail(
            f"{program} is missing: the deploy tests need Debian's {package}. "
            "scripts/setup installs it as root (scripts/system-packages.txt).",
            pytrace=False,
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> bool:
    """True once something answers on the port; False if the process died first."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing answers on port {port}: {log.read_text(errors='replace')}")


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc (children first listed, then theirs)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


@dataclass
class SshServer:
    """An sshd on 127.0.0.1 and the client configuration that reaches it as `ALIAS`."""

    process: subprocess.Popen[bytes]
    port: int
    client_config: Path

    def deploy_env(self, path: Path, **extra: str) -> dict[str, str]:
        """The environment of `invoke publish` to the rsync target at `path` on this server."""
        return {
            **os.environ,
            "BABILLARD_DEPLOY_TARGET": "rsync",
            "BABILLARD_DEPLOY_HOST": ALIAS,
            "BABILLARD_DEPLOY_PATH": str(path),
            "BABILLARD_DEPLOY_SSH_OPTIONS": f"-F {shlex.quote(str(self.client_config))}",
            **extra,
        }

    def cut_connections(self) -> int:
        """Kill every session the server is serving, as a network cut would; returns how many."""
        sessions = descendants(self.process.pid)
        for pid in sessions:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return len(sessions)


def start_sshd(folder: Path) -> SshServer:
    require(SSHD, "openssh-server")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host_key", "user_key"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
            check=True,
        )
    (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
    user = getpass.getuser()
    if os.geteuid() == 0:
        # As root, sshd separates privileges and insists on this (empty) folder, which the
        # Debian service would create at boot. CI runs as root in a fresh container.
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    for _attempt in range(3):
        port = free_port()
        config = folder / "sshd_config"
        config.write_text(
            f"ListenAddress 127.0.0.1\nPort {port}\n"
            f"HostKey {folder / 'host_key'}\nPidFile {folder / 'sshd.pid'}\n"
            f"AuthorizedKeysFile {folder / 'authorized_keys'}\n"
            # The temporary folder is not owned and locked down as sshd's checks expect.
            "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
            f"AllowUsers {user}\nUseDNS no\nPrintMotd no\nLogLevel ERROR\n"
        )
        log = folder / "sshd.log"
        process = subprocess.Popen([str(SSHD), "-D", "-f", str(config), "-E", str(log)])
        if wait_for_port(port, process, log):
            break
    else:
        raise AssertionError(f"sshd did not start: {log.read_text(errors='replace')}")
    host_key = (folder / "host_key.pub").read_text().split()[:2]
    (folder / "known_hosts").write_text(f"[127.0.0.1]:{port} {' '.join(host_key)}\n")
    client_config = folder / "ssh_config"
    client_config.write_text(
        f"Host {ALIAS}\n  HostName 127.0.0.1\n  Port {port}\n  User {user}\n"
        f"  IdentityFile {folder / 'user_key'}\n  IdentitiesOnly yes\n"
        f"  UserKnownHostsFile {folder / 'known_hosts'}\n  GlobalKnownHostsFile /dev/null\n"
        "  StrictHostKeyChecking yes\n  BatchMode yes\n  LogLevel ERROR\n"
    )
    return SshServer(process, port, client_config)


def start_nginx(folder: Path, root: Path) -> tuple[subprocess.Popen[bytes], str]:
    """nginx serving `root` (a target's `current` link) on a loopback port; (process, base URL)."""
    require(NGINX, "nginx-light")
    folder.mkdir(parents=True, exist_ok=True)
    # As root the workers would run as nobody, who cannot enter pytest's private tmp folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    for _attempt in range(3):
        port = free_port()
        temp = "".join(
            f"  {kind}_temp_path {folder / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = folder / "nginx.conf"
        conf.write_text(
            f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} warn;\n"
            "events { worker_connections 64; }\n"
            "http {\n  access_log off;\n" + temp + f"  server {{\n"
            f"    listen 127.0.0.1:{port};\n    root {root};\n    index index.html;\n"
            "  }\n}\n"
        )
        log = folder / "error.log"
        process = subprocess.Popen(
            [str(NGINX), "-p", str(folder), "-e", str(log), "-c", str(conf), "-g", "daemon off;"]
        )
        if wait_for_port(port, process, log):
            return process, f"http://127.0.0.1:{port}"
    raise AssertionError(f"nginx did not start: {log.read_text(errors='replace')}")
