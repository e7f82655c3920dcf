"""The DEPLOY setting (publishconf.py) and SITEURL, checked with messages that say what to set."""

from __future__ import annotations

import difflib
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from commands.deploy import DeployError

TARGETS = ("rsync", "local", "git")
KEYS = ("target", "host", "path", "remote", "branch", "keep", "ssh_options", "rsync_options")
# The environment variable behind each key, named in messages: hosts, users and paths are
# secrets of the association, never written in the repository.
ENVIRONMENT = {
    "target": "BABILLARD_DEPLOY_TARGET",
    "host": "BABILLARD_DEPLOY_HOST",
    "path": "BABILLARD_DEPLOY_PATH",
    "remote": "BABILLARD_DEPLOY_REMOTE",
    "branch": "BABILLARD_DEPLOY_BRANCH",
    "ssh_options": "BABILLARD_DEPLOY_SSH_OPTIONS",
    "rsync_options": "BABILLARD_DEPLOY_RSYNC_OPTIONS",
}
# A host name label: letters, digits and hyphens, not at either end.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class DeployConfig:
    """Where and how to publish, checked."""

    target: str
    host: str = ""
    path: str = ""
    remote: str = ""
    branch: str = "gh-pages"
    keep: int = 5
    ssh_options: list[str] = field(default_factory=list)
    rsync_options: list[str] = field(default_factory=list)


def _missing(key: str, example: str) -> DeployError:
    return DeployError(
        f"DEPLOY : il manque « {key} ». Définissez la variable d’environnement "
        f"{ENVIRONMENT[key]}, par exemple : export {ENVIRONMENT[key]}={example}"
    )


def _options(value: Any, key: str) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    try:
        return shlex.split(str(value or ""))
    except ValueError as error:
        raise DeployError(
            f"DEPLOY : « {key} » ({ENVIRONMENT[key]}) est mal écrit ({error}) : "
            "vérifiez les guillemets."
        ) from None


def deploy_config(settings: dict[str, Any], root: Path) -> DeployConfig:
    """The checked DEPLOY setting; relative local paths are taken from `root` (the project)."""
    raw = settings.get("DEPLOY")
    if not isinstance(raw, dict):
        raise DeployError(
            "publishconf.py doit définir DEPLOY = {...} (voir docs/guide-publier.md)."
        )
    for key in raw:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
            raise DeployError(f"DEPLOY : clé inconnue « {key} ».{hint}")
    target = str(raw.get("target") or "rsync").strip()
    if target not in TARGETS:
        raise DeployError(
            f"DEPLOY : la cible « {target} » n’existe pas : choisissez rsync, local ou git "
            f"(variable {ENVIRONMENT['target']})."
        )
    keep = raw.get("keep", 5)
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 2:
        raise DeployError(
            f"DEPLOY : « keep » vaut {keep!r} ; écrivez un nombre entier, 2 au moins "
            "(la publication en ligne et la précédente, pour pouvoir revenir en arrière)."
        )
    host = str(raw.get("host") or "").strip()
    path = str(raw.get("path") or "").strip()
    remote = str(raw.get("remote") or "").strip()
    branch = str(raw.get("branch") or "gh-pages").strip()
    if target == "rsync" and not host:
        raise _missing("host", "asso@serveur.example.org  (ou un nom de votre ~/.ssh/config)")
    if target in ("rsync", "local") and not path:
        raise _missing("path", "/srv/les-tilleuls")
    if "\n" in path or "\n" in host:
        raise DeployError("DEPLOY : « host » et « path » tiennent sur une ligne.")
    if path.startswith("~"):
        raise DeployError(
            f"DEPLOY : écrivez le dossier sans ~ ({ENVIRONMENT['path']}) : un chemin relatif "
            "part déjà du dossier personnel sur le serveur, par exemple www/site."
        )
    if host.startswith("-"):
        raise DeployError(f"DEPLOY : « host » ne peut pas commencer par un tiret : {host!r}.")
    if target == "local":
        # The host is for `rsync` only: one left in the environment from an earlier setup
        # must not send a local publication to a server.
        host = ""
        path = str((root / path).resolve())
    if target == "git":
        if not remote:
            raise _missing("remote", "git@github.com:mon-asso/mon-asso.github.io.git")
        if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch) or branch.startswith(("-", "/")):
            raise DeployError(
                f"DEPLOY : la branche « {branch} » n’est pas un nom de branche simple "
                f"(variable {ENVIRONMENT['branch']}, par exemple gh-pages)."
            )
    return DeployConfig(
        target=target,
        host=host,
        path=path,
        remote=remote,
        branch=branch,
        keep=keep,
        ssh_options=_options(raw.get("ssh_options"), "ssh_options"),
        rsync_options=_options(raw.get("rsync_options"), "rsync_options"),
    )


def siteurl_problem(siteurl: Any) -> str | None:
    """Why SITEURL cannot be a production address, in French; None when it is fine."""
    fix = (
        "écrivez l’adresse publique complète sans / final, par exemple "
        "https://les-tilleuls.example.org, dans publishconf.py ou la variable BABILLARD_SITEURL"
    )
    if not isinstance(siteurl, str) or not siteurl.strip():
        return f"SITEURL est vide : {fix}."
    if siteurl != siteurl.strip() or any(char.isspace() for char in siteurl):
        return f"SITEURL = {siteurl!r} contient des espaces : {fix}."
    parts = urlsplit(siteurl)
    if parts.scheme not in ("https", "http"):
        return f"SITEURL = {siteurl!r} ne commence pas par https:// : {fix}."
    if siteurl.endswith("/"):
        return f"SITEURL = {siteurl!r} se termine par / : retirez-le ({fix})."
    if parts.query or parts.fragment or parts.username or parts.password or "\\" in siteurl:
        return f"SITEURL = {siteurl!r} contient ?, #, @ ou \\ : {fix}."
    try:
        port = parts.port
    except ValueError:
        port = -1
    try:
        # Accented domain names are valid: they travel as their ASCII (IDNA) form.
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError:
        host = "?"
    labels = host.split(".")
    if (
        port == -1
        or not host
        or (host != "localhost" and len(labels) < 2)
        or not all(_LABEL.match(label) for label in labels)
    ):
        return f"SITEURL = {siteurl!r} n’a pas un nom de domaine valide : {fix}."
    return None
