"""The steps of `invoke publish` and `invoke rollback`, and what editors read while they run."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from invoke import Exit

from commands.deploy import DeployError
from commands.deploy.manifest import Diff, Manifest
from commands.deploy.releases import Release, previous
from commands.deploy.targets import Target, TargetState, Upload

SHOWN = 15  # paths listed per kind of change; the rest is counted


def _live_text(state: TargetState) -> str:
    if state.live is None:
        return "rien n’était en ligne"
    return f"c’est toujours la publication {state.live}"


def describe_changes(diff: Diff) -> list[str]:
    """The lines that tell what a publication changes: counts, then paths (truncated)."""
    lines = [
        f"Changements : {len(diff.added)} fichier(s) ajouté(s), {len(diff.changed)} modifié(s), "
        f"{len(diff.removed)} supprimé(s)."
    ]
    for mark, paths in (("+", diff.added), ("~", diff.changed), ("-", diff.removed)):
        lines += [f"  {mark} {path}" for path in paths[:SHOWN]]
        if len(paths) > SHOWN:
            lines.append(f"  {mark} … et {len(paths) - SHOWN} autre(s)")
    return lines


def confirm(question: str, yes: bool, option_hint: str) -> None:
    """Ask `question` [o/N]; Exit unless the answer is yes. Never waits on a non-terminal."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise Exit(
            f"Pas de confirmation possible ici (pas de terminal) : relancez avec {option_hint}. "
            "Rien n’a été envoyé.",
            code=1,
        )
    try:
        answer = input(f"{question} [o/N] ").strip().lower()
    except (EOFError, KeyboardInterrupt):  # Ctrl+D or Ctrl+C: a no, not a traceback
        print()
        answer = ""
    if answer not in ("o", "oui", "y", "yes"):
        raise Exit("Abandon : rien n’a été envoyé, le site en ligne n’a pas changé.", code=1)


def read_state(target: Target, with_manifest: bool = True) -> TargetState:
    try:
        return target.state(with_manifest)
    except DeployError as error:
        raise Exit(f"{error}\nRien n’a été envoyé.", code=1) from None


def deploy(
    target: Target,
    site: Path,
    manifest: Manifest,
    release: Release,
    state: TargetState,
    keep: int,
) -> Upload:
    """Upload, verify, switch, prune. Any failure before the switch leaves the live site as it
    was, and the message says so."""
    step = "l’envoi"
    try:
        print(f"Envoi de la publication {release.name} vers {target.label}…")
        upload = target.upload(site, release, manifest, state)
        if upload.cleaned:
            print("Restes d’une publication interrompue supprimés : " + ", ".join(upload.cleaned))
        step = "la vérification"
        print(f"Vérification des {len(manifest.files)} fichiers sur {target.label}…")
        try:
            target.verify(release, manifest)
        except DeployError:
            target.discard(release)
            raise
        step = "la mise en ligne"
        target.switch(release)
    except DeployError as error:
        raise Exit(
            f"La publication a échoué pendant {step} : {error}\n"
            f"Le site en ligne n’a pas changé : {_live_text(state)}.",
            code=1,
        ) from None
    except KeyboardInterrupt:
        raise Exit(
            f"Publication interrompue pendant {step}. "
            f"Le site en ligne n’a pas changé : {_live_text(state)}.",
            code=130,
        ) from None
    after = TargetState([*state.releases, release], release.name, manifest)
    try:
        pruned = target.prune(after, keep)
    except DeployError as error:
        pruned = []
        print(f"ATTENTION le site est en ligne, mais le ménage a échoué : {error}")
    if pruned:
        print(f"Anciennes publications supprimées ({keep} gardées) : " + ", ".join(pruned))
    return upload


def publish(
    target: Target,
    site: Path,
    make_release: Callable[[list[str]], Release],
    manifest: Manifest,
    keep: int,
    yes: bool,
    dry_run: bool,
    record: Path,
) -> None:
    """Show what changes on the target, ask, and deploy; write what was sent to `record`."""
    state = read_state(target)
    print(f"Publication vers {target.label}")
    live = state.release(state.live)
    if state.live is None:
        print("En ligne : rien pour l’instant (première publication).")
    else:
        print(f"En ligne : {state.live}" + (f" ({live.files} fichiers)" if live else ""))
    diff = target.holds(manifest, state).diff(state.live_manifest)
    for line in describe_changes(diff):
        print(line)
    if not diff and state.live is not None:
        print("Le site construit est identique au site en ligne : rien à publier.")
        return
    if dry_run:
        print("Essai à blanc (--dry-run) : rien n’a été envoyé.")
        return
    confirm("Publier ?", yes, "--yes pour publier sans question")
    release = make_release(state.names())
    upload = deploy(target, site, manifest, release, state, keep)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(
        json.dumps(
            {
                "release": release.name,
                "target": target.label,
                "sent": upload.sent,
                "bytes_sent": upload.bytes_sent,
                "added": diff.added,
                "changed": diff.changed,
                "removed": diff.removed,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    unchanged = len(manifest.files) - len(upload.sent)
    print(
        f"En ligne : {release.name}. {len(upload.sent)} fichier(s) envoyé(s), "
        f"{unchanged} inchangé(s) non renvoyé(s). En cas de problème : invoke rollback"
    )


def list_releases(target: Target, timezone: str) -> None:
    """Print the releases on the target, oldest first, the live one marked."""
    state = read_state(target, with_manifest=False)
    if not state.releases:
        print(f"Aucune publication sur {target.label}.")
        return
    print(f"Publications sur {target.label} (la plus récente en dernier) :")
    for release in state.releases:
        mark = "*" if release.name == state.live else " "
        print(
            f"{mark} {release.name}  publiée le {release.local_date(timezone)}  "
            f"source {release.source()}  {release.files} fichiers"
            + ("  ← en ligne" if release.name == state.live else "")
        )
    if state.live and state.live not in state.names():
        print(f"En ligne : {state.live} (publiée sans Babillard)")


def rollback(target: Target, to: str | None, yes: bool, timezone: str) -> None:
    """Make the previous release (or `to`) live again, atomically."""
    state = read_state(target, with_manifest=False)
    name = to or previous(state.names(), state.live)
    release = state.release(name)
    if release is None:
        if to:
            raise Exit(
                f"La publication {to} n’existe pas sur {target.label} : invoke releases les liste.",
                code=1,
            )
        raise Exit(
            f"Pas de publication plus ancienne que celle en ligne ({state.live or 'aucune'}) "
            f"sur {target.label} : rien à défaire.",
            code=1,
        )
    if release.name == state.live:
        print(f"La publication {release.name} est déjà en ligne.")
        return
    print(f"En ligne : {state.live}")
    print(
        f"Retour à : {release.name}, publiée le {release.local_date(timezone)} "
        f"(source {release.source()})"
    )
    confirm("Remettre cette publication en ligne ?", yes, "--yes")
    try:
        target.rollback_to(release)
    except DeployError as error:
        raise Exit(
            f"Le retour en arrière a échoué : {error}\n"
            f"Le site en ligne n’a pas changé : {_live_text(state)}.",
            code=1,
        ) from None
    print(
        f"C’est fait : la publication {release.name} est de nouveau en ligne. "
        "invoke publish republiera le site actuel."
    )
