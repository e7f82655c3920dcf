"""invoke build's records of earlier builds: one per command, none for vanished folders."""

from __future__ import annotations

from pathlib import Path

from commands.build_inputs import BuildInputs


def _settings(project: Path, output: Path) -> dict[str, object]:
    return {
        "PATH": str(project / "content"),
        "THEME": str(project / "theme"),
        "PLUGIN_PATHS": [str(project / "plugins")],
        "OUTPUT_PATH": str(output),
    }


def _build_into(project: Path, output: Path) -> BuildInputs:
    for folder in ("content", "theme", "plugins"):
        (project / folder).mkdir(parents=True, exist_ok=True)
    (project / "content" / "a.md").write_text("Title: A\n\nTexte.\n", encoding="utf-8")
    (project / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    output.mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text("<p>A</p>", encoding="utf-8")
    inputs = BuildInputs(project, project / "pelicanconf.py", {"OUTPUT_PATH": str(output)})
    inputs.start(_settings(project, output))
    inputs.save(["0 erreur"], clean=True)
    return inputs


def test_records_of_removed_output_folders_are_forgotten(tmp_path: Path) -> None:
    project = tmp_path / "projet"
    kept = _build_into(project, project / "output")
    gone = _build_into(project, tmp_path / "essai")
    assert kept.record_path.is_file() and gone.record_path.is_file()
    # The record lets the next identical build skip.
    again = BuildInputs(project, project / "pelicanconf.py", kept.options)
    assert again.unchanged() is not None

    for file in (tmp_path / "essai").iterdir():
        file.unlink()
    (tmp_path / "essai").rmdir()
    (project / ".cache" / "builds" / "abime.json").write_text("{pas du JSON", encoding="utf-8")
    third = _build_into(project, tmp_path / "autre")

    records = sorted(p.name for p in (project / ".cache" / "builds").glob("*.json"))
    assert records == sorted([kept.record_path.name, third.record_path.name])


def test_a_file_saved_during_the_build_makes_the_next_build_run(tmp_path: Path) -> None:
    project = tmp_path / "projet"
    _build_into(project, project / "output")
    inputs = BuildInputs(
        project, project / "pelicanconf.py", {"OUTPUT_PATH": str(project / "output")}
    )
    inputs.start(_settings(project, project / "output"))
    # The editor saves again while Pelican is still reading the first version.
    (project / "content" / "a.md").write_text("Title: A\n\nTexte corrigé.\n", encoding="utf-8")
    inputs.save(["0 erreur"], clean=True)
    again = BuildInputs(project, project / "pelicanconf.py", inputs.options)
    assert again.unchanged() is None
