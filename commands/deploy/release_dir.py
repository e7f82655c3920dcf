"""Releases in a folder, over SSH or on this machine: `releases/<name>/` and a `current` link.

Layout under the target's path (the web server's document root is `<path>/current`):

    releases/<name>/          one whole site per release, unchanged files hard-linked
    releases/<name>.json      its metadata (date, source commit, builder); never served
    releases/<name>.sha256    its manifest, as `sha256sum --zero` prints it
    releases/.partial-<name>  an upload not verified yet (removed by the next publication)
    current -> releases/<name>

The scripts below are all the target runs: POSIX sh with GNU coreutils and rsync.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
from pathlib import Path

from commands.deploy import DeployError
from commands.deploy.config import DeployConfig
from commands.deploy.manifest import Manifest
from commands.deploy.releases import NAME, Release, to_prune
from commands.deploy.shells import LocalShell, Shell, SshShell
from commands.deploy.targets import Target, TargetState, Upload

MANIFEST_MARK = b"--manifest--\n"

STATE = r"""
set -eu
[ -d "$1" ] || exit 0
cd -- "$1"
if [ -L current ]; then printf 'live %s\n' "$(readlink current)"
elif [ -e current ]; then echo 'not-a-link'; exit 0
fi
[ -d releases ] || exit 0
cd releases
for meta in *.json; do
    [ -f "$meta" ] && [ -d "${meta%.json}" ] || continue
    printf 'meta '; head -n 1 -- "$meta"
done
live=$(readlink ../current 2>/dev/null || true)
live=${live#releases/}
if [ "$2" = 1 ] && [ -n "$live" ] && [ -f "$live.sha256" ]; then
    echo '--manifest--'; cat -- "$live.sha256"
fi
"""

# stdin: the release's metadata on one line, then its manifest.
PREPARE = r"""
set -eu
mkdir -p -- "$1/releases"
cd -- "$1/releases"
for old in .partial-*; do
    [ -e "$old" ] || continue
    rm -rf -- "$old"
    case "$old" in *.json|*.sha256) ;; *) printf 'cleaned %s\n' "${old#.partial-}" ;; esac
done
if [ -e "$2" ]; then echo "release $2 exists" >&2; exit 3; fi
IFS= read -r meta
printf '%s\n' "$meta" > ".partial-$2.json"
cat > ".partial-$2.sha256"
mkdir -- ".partial-$2"
"""

# Every file of the upload, hashed where it will be served from.
VERIFY = r"""
set -eu
cd -- "$1/releases/.partial-$2"
find . ! -type d -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum --zero
"""

# `ln -sfn` unlinks then links: for an instant there is no `current`. A new link renamed over
# the old one (rename(2), what `mv -T` does) is atomic: visitors see one release or the other.
LINK = r"""
[ -d "releases/$2" ] || { echo "releases/$2 is missing" >&2; exit 5; }
if [ -e current ] && [ ! -L current ]; then echo "current is not a link" >&2; exit 4; fi
rm -f -- ".current-$2"
ln -s -- "releases/$2" ".current-$2"
mv -T -- ".current-$2" current
"""

SWITCH = (
    r"""
set -eu
cd -- "$1/releases"
mv -T -- ".partial-$2" "$2"
mv -f -- ".partial-$2.json" "$2.json"
mv -f -- ".partial-$2.sha256" "$2.sha256"
cd ..
"""
    + LINK
)

ROLLBACK = 'set -eu\ncd -- "$1"\n' + LINK

DISCARD = r"""
set -eu
cd -- "$1/releases"
rm -rf -- ".partial-$2" ".partial-$2.json" ".partial-$2.sha256"
"""

PRUNE = r"""
set -eu
cd -- "$1/releases"
live=$(readlink ../current 2>/dev/null || true)
shift
for name in "$@"; do
    [ "releases/$name" = "$live" ] && continue
    rm -rf -- "$name" "$name.json" "$name.sha256"
done
"""

_ITEM = re.compile(r"^([<>ch.*])([fdLDS])\S{9} (.+)$")


class ReleaseDirTarget(Target):
    """rsync over SSH to a host (`target: rsync`), or to a folder of this machine (`local`)."""

    def __init__(self, config: DeployConfig, shell: Shell | None = None) -> None:
        if shell is None:
            shell = SshShell(config.host, config.ssh_options) if config.host else LocalShell()
        self.shell = shell
        self.path = config.path.rstrip("/") or "/"
        self.rsync_options = config.rsync_options
        self.label = f"{config.host}:{self.path}" if config.host else self.path

    def state(self, with_manifest: bool = True) -> TargetState:
        out = self.shell.run(
            STATE, self.path, "1" if with_manifest else "0", what="La lecture de l’état"
        )
        head, _, manifest = out.partition(MANIFEST_MARK)
        live = None
        releases = []
        for line in head.decode("utf-8", "replace").splitlines():
            if line == "not-a-link":
                raise DeployError(
                    f"{self.path}/current existe mais n’est pas un lien vers une publication : "
                    "déplacez ce dossier (par exemple en current.ancien) puis republiez ; "
                    "le serveur web doit servir le dossier current."
                )
            if line.startswith("live "):
                live = line.removeprefix("live ").removeprefix("releases/")
            elif line.startswith("meta "):
                release = Release.from_json(line.removeprefix("meta "))
                if release is not None:
                    releases.append(release)
        releases.sort(key=lambda release: release.name)
        return TargetState(releases, live, Manifest.parse_sha256sum(manifest))

    def upload(
        self, site: Path, release: Release, manifest: Manifest, state: TargetState
    ) -> Upload:
        out = self.shell.run(
            PREPARE,
            self.path,
            release.name,
            stdin=release.to_json().encode() + b"\n" + manifest.to_sha256sum(),
            what="La préparation de l’envoi",
        )
        cleaned = [
            line.removeprefix("cleaned ")
            for line in out.decode("utf-8", "replace").splitlines()
            if line.startswith("cleaned ")
        ]
        # Unchanged files become hard links to the same file in earlier releases (the live one
        # first): they are neither sent nor stored twice. rsync accepts 20 such folders.
        names = [state.live] if state.live in state.names() else []
        names += [name for name in reversed(state.names()) if name != state.live]
        link_dests = [f"--link-dest=../{name}" for name in names[:20] if NAME.match(name)]
        command = [
            "rsync",
            "--recursive",
            # Compare by content, not by date: a build rewrites every file, unchanged or not.
            # Dates are not copied either, so an unchanged file keeps its first upload's date.
            "--checksum",
            "--chmod=D755,F644",
            "--itemize-changes",
            "--8-bit-output",
            "--stats",
            "--timeout=120",
            *link_dests,
            *self.rsync_options,
            *self.shell.rsync_transport,
            f"{site}/",
            self.shell.rsync_destination(f"{self.path}/releases/.partial-{release.name}/"),
        ]
        try:
            proc = subprocess.run(command, capture_output=True, check=False)
        except OSError as error:
            raise DeployError(f"Impossible de lancer rsync : {error}") from None
        output = proc.stdout.decode("utf-8", "replace")
        if proc.returncode != 0:
            raise DeployError(
                f"L’envoi vers {self.label} s’est interrompu (rsync, code {proc.returncode}).",
                proc.stderr.decode("utf-8", "replace"),
            )
        sent = []
        bytes_sent = 0
        for line in output.splitlines():
            item = _ITEM.match(line)
            # `<`: sent to the remote host; `>`: received (a local copy). Hard links: `h`/`.`.
            if item and item.group(1) in "<>" and item.group(2) == "f":
                sent.append(item.group(3))
            elif line.startswith("Total bytes sent:"):
                bytes_sent = int(re.sub(r"\D", "", line) or 0)
        return Upload(sorted(sent), bytes_sent, cleaned)

    def verify(self, release: Release, manifest: Manifest) -> None:
        out = self.shell.run(VERIFY, self.path, release.name, what="La vérification")
        found = Manifest.parse_sha256sum(out)
        differences = manifest.diff(found)
        if differences:
            raise DeployError(
                f"Les fichiers reçus par {self.label} ne sont pas ceux du site construit "
                f"({len(differences.differences())} différence(s)) : "
                + ", ".join(path[2:] for path in differences.differences()[:5])
            )

    def switch(self, release: Release) -> None:
        self.shell.run(SWITCH, self.path, release.name, what="La mise en ligne")

    def rollback_to(self, release: Release) -> None:
        self.shell.run(ROLLBACK, self.path, release.name, what="Le retour en arrière")

    def discard(self, release: Release) -> None:
        # Best effort: if this fails too, the next publication removes it.
        with contextlib.suppress(DeployError):
            self.shell.run(DISCARD, self.path, release.name)

    def prune(self, state: TargetState, keep: int) -> list[str]:
        names = to_prune(state.names(), state.live, keep)
        if names:
            self.shell.run(PRUNE, self.path, *names, what="Le ménage des anciennes publications")
        return names
