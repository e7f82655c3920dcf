"""Ctrl+C, a missing program or an unreachable server end with a plain message."""

from __future__ import annotations

import sys

import pytest
from invoke import Exit

import tasks
from commands.deploy import publish as publish_module

pytestmark = pytest.mark.deploy


def test_ctrl_c_at_the_question_is_a_no(monkeypatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    with pytest.raises(Exit) as stop:
        publish_module.confirm("Publier ?", False, "--yes")
    assert "rien n’a été envoyé" in stop.value.message


def test_a_missing_program_says_to_run_setup() -> None:
    with pytest.raises(Exit) as stop, tasks._plain_deploy_errors():
        raise FileNotFoundError(2, "No such file or directory", "git")
    assert "scripts/setup" in stop.value.message and "git" in stop.value.message


def test_ctrl_c_while_publishing_says_how_to_see_what_is_online() -> None:
    with pytest.raises(Exit) as stop, tasks._plain_deploy_errors():
        raise KeyboardInterrupt
    assert stop.value.code == 130 and "invoke releases" in stop.value.message


def test_an_unreachable_server_says_what_to_check() -> None:
    from commands.deploy import DeployError
    from commands.deploy.shells import SshShell

    # Port 1 on loopback: nothing listens, ssh gives up with its own code, 255.
    shell = SshShell("asso@127.0.0.1", ["-p", "1", "-o", "ConnectTimeout=5"])
    with pytest.raises(DeployError) as failure:
        shell.run("true", what="La lecture de l’état")
    assert "(code 255)" in str(failure.value)
    assert "ssh asso@127.0.0.1" in str(failure.value) and "BABILLARD_DEPLOY_HOST" in str(
        failure.value
    )
