"""Releases as commits on a branch (e.g. `gh-pages`) of a remote, for static hosting.

The user's checkout is never touched: commits are made in a private bare repository under
`.cache/publish/git/`, with a temporary index whose work tree is the built site. A release is
one commit whose tree is the site; going live is one push of the branch, which the remote
applies atomically (all objects first, then the branch moves). Nothing is ever force-pushed:
a rollback is a new commit whose tree is the earlier release's, so hosting sees an ordinary
update. Git keeps the whole history, so DEPLOY's `keep` does not apply here.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import shlex
import subprocess
from pathlib import Path

from commands.deploy import DeployError
from commands.deploy.config import DeployConfig
from commands.deploy.manifest import Manifest
from commands.deploy.releases import Release
from commands.deploy.shells import SshShell
from commands.deploy.targets import Target, TargetState, Upload

LIVE_REF = "refs/babillard/live"
PENDING_REF = "refs/babillard/pending"
# GitHub Pages runs Jekyll on the branch unless it holds `.nojekyll` (Jekyll would drop files
# whose name starts with _ or .). A custom domain set in GitHub's settings lives in `CNAME` on
# the branch: it is carried over from the live commit when the site does not have its own.
NOJEKYLL = ".nojekyll"
CNAME = "CNAME"
_TRAILER = re.compile(r"^Babillard-([A-Za-z-]+): (.*)$", re.MULTILINE)
_FIELDS = {
    "Release": "name",
    "Date": "date",
    "Source": "commit",
    "Builder": "builder",
    "Files": "files",
    "Build-Date": "build_date",
}


def _message(release: Release, title: str, rollback: bool = False) -> str:
    lines = [title, ""]
    for trailer, key in _FIELDS.items():
        if getattr(release, key) != "":
            lines.append(f"Babillard-{trailer}: {getattr(release, key)}")
    if release.dirty:
        lines.append("Babillard-Dirty: oui")
    if rollback:
        lines.append("Babillard-Rollback: oui")
    return "\n".join(lines) + "\n"


def _parse(message: str) -> tuple[Release | None, bool]:
    """The release a commit message describes, and whether the commit is a rollback."""
    trailers = dict(_TRAILER.findall(message))
    if "Release" not in trailers:
        return None, False
    values: dict[str, object] = {key: trailers.get(name, "") for name, key in _FIELDS.items()}
    values["files"] = int(str(values["files"])) if str(values["files"]).isdigit() else 0
    values["dirty"] = trailers.get("Dirty") == "oui"
    return Release(**values), trailers.get("Rollback") == "oui"  # type: ignore[arg-type]


class GitBranchTarget(Target):
    """A branch of a git remote (GitHub or GitLab Pages), in one commit per release."""

    def __init__(self, config: DeployConfig, cache: Path) -> None:
        self.remote = config.remote
        self.branch = config.branch
        self.cache = cache
        self.label = f"{config.remote} (branche {config.branch})"
        self.env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
        # The same ssh as the rsync target: the user's options, then time limits, and no
        # password prompt without a terminal (a push must fail, not hang). A GIT_SSH_COMMAND
        # the user set is theirs to keep.
        self.env.setdefault("GIT_SSH_COMMAND", shlex.join(SshShell("", config.ssh_options).ssh))
        self._commits: dict[str, str] = {}  # release name → the commit that created it
        self._tip = ""  # the branch's commit on the remote, as `state()` found it
        self._intended: Manifest | None = None  # what upload() committed, for verify()

    def _git(
        self,
        *args: str,
        stdin: bytes = b"",
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> bytes:
        command = ["git", f"--git-dir={self.cache}", "-c", "core.autocrlf=false", *args]
        proc = subprocess.run(
            command, input=stdin, capture_output=True, env=env or self.env, cwd=cwd, check=False
        )
        if proc.returncode != 0:
            raise DeployError(
                f"git {args[0]} a échoué pour {self.label}.", proc.stderr.decode("utf-8", "replace")
            )
        return proc.stdout

    def _remote_tip(self) -> str:
        if not (self.cache / "HEAD").exists():
            self.cache.mkdir(parents=True, exist_ok=True)
            self._git("init", "--bare", "--quiet")
        try:
            out = self._git("ls-remote", "--heads", self.remote, f"refs/heads/{self.branch}")
        except DeployError as error:
            raise DeployError(
                f"Le dépôt {self.remote} est injoignable (adresse, accès ou clé SSH).",
                error.detail,
            ) from None
        return out.decode().split("\t")[0].strip() if out.strip() else ""

    def state(self, with_manifest: bool = True) -> TargetState:
        tip = self._tip = self._remote_tip()
        if not tip:
            return TargetState()
        refspec = f"+refs/heads/{self.branch}:{LIVE_REF}"
        self._git("fetch", "--quiet", "--no-tags", self.remote, refspec)
        log = self._git("log", "-z", "--format=%H%n%B", LIVE_REF).decode("utf-8", "replace")
        releases: dict[str, Release] = {}
        live = None
        for number, record in enumerate(filter(None, log.split("\0"))):
            commit, _, message = record.partition("\n")
            release, rollback = _parse(message)
            if release is None:
                continue
            if number == 0:
                live = release.name
            if not rollback:
                releases[release.name] = release
                self._commits[release.name] = commit
        manifest = self._tree_manifest(tip) if with_manifest else Manifest({})
        return TargetState(sorted(releases.values(), key=lambda r: r.name), live, manifest)

    def holds(self, manifest: Manifest, state: TargetState) -> Manifest:
        # Beside the site: .nojekyll (GitHub Pages would run Jekyll), and the branch's CNAME
        # (the custom domain set on the branch) when the site brings none of its own.
        files = {NOJEKYLL: hashlib.sha256(b"").hexdigest(), **manifest.files}
        if CNAME in state.live_manifest.files:
            files.setdefault(CNAME, state.live_manifest.files[CNAME])
        return Manifest(files)

    def _tree_manifest(self, commit: str) -> Manifest:
        """sha256 of every file of a commit's tree, read from the object store."""
        listing = self._git("ls-tree", "-r", "-z", "--full-tree", commit)
        blobs: dict[str, str] = {}
        for entry in filter(None, listing.split(b"\0")):
            meta, _, path = entry.partition(b"\t")
            mode, kind, oid = meta.decode().split()
            if kind != "blob" or mode == "120000":
                raise DeployError(f"{self.label} contient autre chose qu’un fichier : {path!r}.")
            blobs[path.decode("utf-8", "surrogateescape")] = oid
        command = ["git", f"--git-dir={self.cache}", "cat-file", "--batch"]
        digests: dict[str, str] = {}
        # One object asked, one read: a request/answer loop cannot fill both pipes and block.
        with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            for oid in sorted(set(blobs.values())):
                proc.stdin.write(oid.encode() + b"\n")
                proc.stdin.flush()
                size = int(proc.stdout.readline().split()[2])
                digests[oid] = hashlib.sha256(proc.stdout.read(size)).hexdigest()
                proc.stdout.read(1)
            proc.stdin.close()
        return Manifest({path: digests[oid] for path, oid in blobs.items()})

    def _identity(self, date: str) -> dict[str, str]:
        """Commit as the person publishing when git knows them, else as Babillard."""
        env = {**self.env, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        for key, fallback in (("name", "Babillard"), ("email", "babillard@localhost")):
            configured = subprocess.run(
                ["git", f"--git-dir={self.cache}", "config", f"user.{key}"],
                capture_output=True,
                check=False,
            ).stdout.strip()
            if not configured:
                env.setdefault(f"GIT_AUTHOR_{key.upper()}", fallback)
                env.setdefault(f"GIT_COMMITTER_{key.upper()}", fallback)
        return env

    def _commit(self, tree: str, release: Release, title: str, rollback: bool = False) -> str:
        parents = ["-p", self._tip] if self._tip else []
        message = _message(release, title, rollback).encode()
        # A rollback is made now; a publication carries its release's date.
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        env = self._identity(now if rollback else release.date)
        return self._git("commit-tree", tree, *parents, stdin=message, env=env).decode().strip()

    def _has(self, ref: str) -> bool:
        proc = subprocess.run(
            ["git", f"--git-dir={self.cache}", "rev-parse", "--verify", "-q", ref],
            capture_output=True,
            check=False,
        )
        return proc.returncode == 0

    def upload(
        self, site: Path, release: Release, manifest: Manifest, state: TargetState
    ) -> Upload:
        index = self.cache / "babillard-index"
        index.unlink(missing_ok=True)
        env = {**self.env, "GIT_INDEX_FILE": str(index), "GIT_WORK_TREE": str(site)}
        # -f: the user's global ignore rules must not leave a built file out.
        self._git("add", "--all", "--force", ".", env=env, cwd=site)
        extras = {NOJEKYLL: self._git("hash-object", "-w", "--stdin").decode().strip()}
        if CNAME not in manifest.files and self._tip and self._has(f"{self._tip}:{CNAME}"):
            extras[CNAME] = self._git("rev-parse", f"{self._tip}:{CNAME}").decode().strip()
        for name, oid in extras.items():
            if name not in manifest.files:
                cacheinfo = f"100644,{oid},{name}"
                self._git("update-index", "--add", "--cacheinfo", cacheinfo, env=env, cwd=site)
        tree = self._git("write-tree", env=env, cwd=site).decode().strip()
        index.unlink(missing_ok=True)
        commit = self._commit(tree, release, f"Publication {release.name}")
        self._git("update-ref", PENDING_REF, commit)
        self._intended = self.holds(manifest, state)
        diff = self._intended.diff(state.live_manifest)
        # A push sends only objects the remote lacks: the added and changed files (the
        # site's: what is counted against the site's files in messages and records).
        return Upload([path for path in diff.added + diff.changed if path in manifest.files], 0)

    def verify(self, release: Release, manifest: Manifest) -> None:
        # What upload() meant to commit: the site and the extras of holds().
        intended = self._intended if self._intended is not None else manifest
        differences = intended.diff(self._tree_manifest(PENDING_REF))
        if differences:
            raise DeployError(
                "Le commit préparé ne contient pas exactement le site construit : "
                + ", ".join(path[2:] for path in differences.differences()[:5])
            )

    def _push(self, commit: str) -> None:
        # No --force: if someone else moved the branch meanwhile, the push is refused.
        self._git("push", "--quiet", self.remote, f"{commit}:refs/heads/{self.branch}")
        tip = self._remote_tip()
        if tip != commit:
            raise DeployError(
                f"Après l’envoi, la branche {self.branch} de {self.remote} pointe sur "
                f"{tip[:10] or 'rien'} au lieu de {commit[:10]}."
            )

    def switch(self, release: Release) -> None:
        self._push(self._git("rev-parse", PENDING_REF).decode().strip())

    def rollback_to(self, release: Release) -> None:
        commit = self._commits.get(release.name)
        if commit is None:
            raise DeployError(f"La publication {release.name} est introuvable sur {self.label}.")
        tree = self._git("rev-parse", f"{commit}^{{tree}}").decode().strip()
        restored = self._commit(tree, release, f"Retour à la publication {release.name}", True)
        self._push(restored)
