"""A build process that stays up between rebuilds (`invoke livereload`, `invoke bench`).

The worker (`python -m commands.build_server`, run from the project) keeps a ResidentSite
(resident.py). Each line "build" on its standard input makes it rebuild; it answers with
one line of JSON on its standard output (kind, seconds, errors, warnings, rendered,
reused, reason), while the build's own messages go to standard error as in `invoke
build`; the caller says what it wants of the answer (`describe`). When a setting or plugin
code changed, it answers kind "restart" and exits:
`BuildServer` then starts a fresh worker, which loads the new code, and asks again.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

# The answer's fields, in the order the worker writes them.
FIELDS = ("kind", "seconds", "errors", "warnings", "rendered", "reused", "reason")


class BuildServer:
    """Starts the worker and asks it for builds; restarts it when it has to."""

    def __init__(
        self,
        project: Path,
        arguments: list[str] | None = None,
        python: str = sys.executable,
        stderr: IO[Any] | int | None = None,
        module: str = "commands.build_server",
    ) -> None:
        # `module`: another program speaking the same protocol (the benchmark's stock Pelican).
        self.command = [python, "-m", module, *(arguments or [])]
        self.project = project
        self.stderr = stderr
        self._process: subprocess.Popen[str] | None = None

    def build(self) -> dict[str, Any]:
        """One rebuild; its answer (see FIELDS). A worker that must restart is restarted."""
        answer = self._ask()
        if answer["kind"] == "restart":
            self.close()
            why = answer.get("reason", "")
            answer = self._ask()
            answer["restarted"] = why
        return answer

    def start(self) -> None:
        """Start the worker now if it is not running (it builds only when asked)."""
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                self.command,
                cwd=self.project,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
                text=True,
                encoding="utf-8",
            )

    def _ask(self) -> dict[str, Any]:
        self.start()
        assert self._process is not None
        assert self._process.stdin is not None and self._process.stdout is not None
        try:
            self._process.stdin.write("build\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            # The worker died (its traceback is on stderr): the next build starts a new one.
            code = self._process.wait()
            self._process = None
            why = (
                f"le processus de construction s’est arrêté (code {code}) ; il repart à la "
                "prochaine modification enregistrée"
            )
            return {"kind": "failed", "reason": why}
        return json.loads(line)

    @property
    def pid(self) -> int | None:
        """The worker's process id, while it runs."""
        return None if self._process is None else self._process.pid

    def close(self) -> None:
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def __enter__(self) -> BuildServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def describe(answer: dict[str, Any]) -> str:
    """The answer in one line for the editor, in French."""
    seconds = f"{answer.get('seconds', 0):.2f}".replace(".", ",")
    verdict = f"{answer.get('errors', 0)} erreur(s), {answer.get('warnings', 0)} avertissement(s)"
    kind = answer["kind"]
    if kind == "unchanged":
        return "Rien n’a changé : rien à refaire."
    if kind == "failed":
        return f"Construction impossible : {answer.get('reason', '')}"
    if kind == "restart":
        return f"Code modifié ({answer.get('reason', '')}) : le processus de construction repart."
    pages = f"{answer.get('rendered', 0)} page(s) rendue(s)"
    if kind == "partial":
        return f"Reconstruction partielle en {seconds} s : {pages} ; {verdict}."
    why = f" ({answer['reason']})" if answer.get("reason") else ""
    if answer.get("restarted"):
        why = f" (code modifié : {answer['restarted']}, processus relancé)"
    return f"Reconstruction complète en {seconds} s{why} : {pages} ; {verdict}."


def answer_channel() -> IO[str]:
    """Where a worker writes its answers: the real standard output. Anything else printed
    there (Pelican's closing « Contenu : … » line) goes to standard error, with the build's
    messages."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return answers


def serve(answers: IO[str], build: Callable[[], dict[str, Any]]) -> None:
    """The worker's side of the protocol: one answer per "build" line, until standard input
    closes or an answer says "restart"."""
    for line in sys.stdin:
        if line.strip() != "build":
            continue
        answer = build()
        print(json.dumps(answer, ensure_ascii=False), file=answers, flush=True)
        if answer["kind"] == "restart":
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output")
    parser.add_argument("--content")
    parser.add_argument("--build-date")
    options = parser.parse_args(argv)
    answers = answer_channel()
    project = Path.cwd()
    sys.path[:0] = [str(project), str(project / "plugins")]
    from invoke import Exit

    from commands import last_build
    from commands.resident import Outcome, ResidentSite

    overrides: dict[str, Any] = {}
    if options.content:
        overrides["PATH"] = str(Path(options.content).resolve())
    if options.output:
        overrides["OUTPUT_PATH"] = str(Path(options.output).resolve())
    if options.build_date:
        overrides["BUILD_DATE"] = options.build_date
    settings_file = project / options.settings
    site = ResidentSite(settings_file, overrides)

    def build() -> dict[str, Any]:
        nonlocal site
        try:
            outcome = site.build()
            if outcome.kind in ("full", "partial") and site.output.parts:
                # What `invoke seo` then checks, as after `invoke build`.
                last_build.remember(project, settings_file, site.output)
        except Exit as stop:  # invalid settings, said in plain words
            outcome = Outcome("failed", reason=str(stop.message or ""))
        except Exception as error:  # a bug: said in one line; the next build starts afresh
            why = (
                f"erreur interne ({type(error).__name__} : {error}) → enregistrez à nouveau "
                "pour reconstruire tout le site ; si elle revient, signalez-la avec ce message"
            )
            outcome = Outcome("failed", reason=why)
            site = ResidentSite(settings_file, overrides)
        return {name: getattr(outcome, name) for name in FIELDS}

    serve(answers, build)
    site.close()  # standard input closed (livereload stopped) or a restart
    return 0


if __name__ == "__main__":
    sys.exit(main())
