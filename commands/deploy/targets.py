"""The one interface every target implements, and the choice of target from DEPLOY."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

from commands.deploy.config import DeployConfig
from commands.deploy.manifest import Manifest
from commands.deploy.releases import Release


@dataclass(frozen=True)
class TargetState:
    """What a target holds: its releases (oldest first), the live one and its manifest."""

    releases: list[Release] = field(default_factory=list)
    live: str | None = None
    live_manifest: Manifest = field(default_factory=lambda: Manifest({}))

    def names(self) -> list[str]:
        return [release.name for release in self.releases]

    def release(self, name: str | None) -> Release | None:
        return next((release for release in self.releases if release.name == name), None)


@dataclass(frozen=True)
class Upload:
    """What an upload sent: the files whose bytes travelled, and how many bytes went out."""

    sent: list[str]
    bytes_sent: int
    cleaned: list[str] = field(default_factory=list)  # leftovers of interrupted publications


class Target(ABC):
    """A place releases go to. Only `switch` and `rollback_to` change what visitors see."""

    label: str  # for messages: `asso@serveur:/srv/site`, `/srv/site`, `<remote> (gh-pages)`

    @abstractmethod
    def state(self, with_manifest: bool = True) -> TargetState:
        """The releases on the target, the live one, and (if asked) the live manifest."""

    def holds(self, manifest: Manifest, state: TargetState) -> Manifest:
        """What the target will hold once the site of `manifest` is live (state: what it
        holds now). What is compared to the live site, and what verify() expects."""
        return manifest

    @abstractmethod
    def upload(
        self, site: Path, release: Release, manifest: Manifest, state: TargetState
    ) -> Upload:
        """Put the whole release on the target under a name visitors never see."""

    @abstractmethod
    def verify(self, release: Release, manifest: Manifest) -> None:
        """Hash the uploaded release on the target; DeployError unless it is `manifest` exactly."""

    @abstractmethod
    def switch(self, release: Release) -> None:
        """Make the verified release live, in one atomic step."""

    @abstractmethod
    def rollback_to(self, release: Release) -> None:
        """Make an earlier release live again, in one atomic step."""

    def discard(self, release: Release) -> None:  # noqa: B027 (optional: nothing to discard)
        """Remove an upload that will not go live (best effort: the next upload cleans too)."""

    def prune(self, state: TargetState, keep: int) -> list[str]:
        """Delete releases beyond the `keep` newest (never the live one); returns their names."""
        return []


def make_target(config: DeployConfig, root: Path) -> Target:
    """The target DEPLOY describes; `root` is the project (for the git target's cache)."""
    if config.target == "git":
        from commands.deploy.git_branch import GitBranchTarget

        return GitBranchTarget(config, root / ".cache" / "publish" / "git")
    from commands.deploy.release_dir import ReleaseDirTarget

    return ReleaseDirTarget(config)
