"""plugins/markdown_cache: the same answers as Pelican's MarkdownReader, converted once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markdown_cache import reader
from markdown_cache.reader import CachedMarkdownReader, configure
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from tests.support import ROOT, run_invoke

TRICKY = {
    "bom.md": "\ufeffTitle: Avec BOM\nSummary: Un *résumé* avec [un lien](https://example.org).\n\nTexte.\n",
    "no-meta.md": "Juste du texte, **sans** métadonnées.\n",
    "dup.md": "Title: Un\nTitle: Deux\nTags: a, b\nAuthors: Ann\n    Bob\n\n# Titre\n\n- liste\n",
    "table.md": "Title: Tableau\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*[HTML]: HyperText\n",
    # Read first (sorted): converters are reused from file to file, and nothing of one file
    # (an abbreviation, a footnote, a heading's id) may show in the next.
    "a-abbr.md": "Title: Abréviation\nSummary: Du *texte*[^r].\n\n# Texte\n\nDu texte[^1].\n\n"
    "[^1]: Une note.\n\n*[texte]: Une abréviation\n",
    "a-second.md": "Title: Après\n\n# Texte\n\nEncore du texte[^1].\n\n[^1]: Une autre note.\n",
}


def _settings(content: Path, cache: Path, workers: int) -> dict:
    settings = dict(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.toc": {"permalink": False},
            "markdown.extensions.smarty": {},
        },
        "output_format": "html5",
    }
    settings.update(PATH=str(content), MARKDOWN_CACHE_PATH=str(cache))
    settings["MARKDOWN_CACHE_WORKERS"] = workers
    return configure(settings)


def _files(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*.md"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    for source in (ROOT / "content").rglob("*.md"):
        target = folder / source.relative_to(ROOT / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    for name, text in TRICKY.items():
        (folder / name).write_text(text, encoding="utf-8")
    # Enough copies to go through the worker processes (PARALLEL_MIN_FILES).
    for index, source in enumerate(sorted((ROOT / "content" / "articles").glob("*.md")) * 2):
        (folder / "copies" / f"{index}-{source.name}").parent.mkdir(exist_ok=True)
        (folder / "copies" / f"{index}-{source.name}").write_bytes(source.read_bytes())
    return folder


@pytest.mark.parametrize("workers", [0, 1])
def test_reads_exactly_what_pelicans_reader_reads(content: Path, tmp_path: Path, workers) -> None:
    settings = _settings(content, tmp_path / "cache", workers)
    stock = MarkdownReader(dict(settings, MARKDOWN=dict(settings["MARKDOWN"])))
    ours = CachedMarkdownReader(settings)
    for path in _files(content):
        assert ours.read(str(path)) == stock.read(str(path)), path
    CachedMarkdownReader.save_store()


def test_second_build_converts_nothing_and_a_change_is_seen(content: Path, tmp_path) -> None:
    cache = tmp_path / "cache"
    settings = _settings(content, cache, 0)
    first = CachedMarkdownReader(settings)
    before = {p: first.read(str(p)) for p in _files(content)}
    store = CachedMarkdownReader._store
    assert store is not None and store.converted == len({p.read_bytes() for p in before})
    CachedMarkdownReader.save_store()

    edited = content / "articles" / "2026-10-03-atelier-velo.md"
    edited.write_text(edited.read_text("utf-8") + "\nUn paragraphe ajouté.\n", "utf-8")
    second = CachedMarkdownReader(_settings(content, cache, 0))
    after = {p: second.read(str(p)) for p in _files(content)}
    assert CachedMarkdownReader._store.converted == 1
    assert "Un paragraphe ajouté." in after[edited][0]
    assert all(after[p] == before[p] for p in before if p != edited)
    CachedMarkdownReader.save_store()


def test_a_different_markdown_setting_converts_again(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    CachedMarkdownReader(_settings(content, cache, 1)).read(str(_files(content)[0]))
    CachedMarkdownReader.save_store()
    settings = _settings(content, cache, 1)
    settings["MARKDOWN"]["output_format"] = "xhtml"
    reader = CachedMarkdownReader(settings)
    reader.read(str(_files(content)[0]))
    assert CachedMarkdownReader._store.converted == 1
    CachedMarkdownReader.save_store()


def test_a_change_to_a_plugins_markdown_extension_converts_again(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A plugin's extension (as ignored_input.header_keys) is named in MARKDOWN: the name
    # alone would keep the cached HTML of its old code.
    monkeypatch.syspath_prepend(str(tmp_path))
    module = tmp_path / "essai_extension.py"
    code = (
        "from markdown.extensions import Extension\n"
        "class E(Extension):\n"
        "    def extendMarkdown(self, md):\n"
        "        pass  # {}\n"
        "def makeExtension(**kwargs):\n"
        "    return E(**kwargs)\n"
    )
    module.write_text(code.format("première version"), "utf-8")
    cache = tmp_path / "cache"

    def read_first() -> int:
        reader._extensions_digest.cache_clear()  # as a new build process would
        CachedMarkdownReader._store = None
        settings = _settings(content, cache, 1)
        settings["MARKDOWN"]["extension_configs"]["essai_extension"] = {}
        CachedMarkdownReader(settings).read(str(_files(content)[0]))
        converted = CachedMarkdownReader._store.converted
        CachedMarkdownReader.save_store()
        return converted

    assert read_first() == 1
    assert read_first() == 0  # same code: from the cache
    module.write_text(code.format("seconde version"), "utf-8")
    assert read_first() == 1


def test_bad_setting_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="MARKDOWN_CACHE_WORKERS"):
        configure({"MARKDOWN_CACHE_WORKERS": -1})


def test_the_demo_build_uses_it(tmp_path: Path, renditions: Path) -> None:
    from tests.support import copy_project

    project = copy_project(tmp_path / "project", renditions=renditions)
    env = dict(os.environ)
    proc = run_invoke("build", "--build-date", "2026-11-23", cwd=project, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (project / ".cache" / "markdown" / "converted.pickle").is_file()


def test_a_file_that_fails_in_a_worker_is_left_to_the_build() -> None:
    from markdown_cache.reader import _convert_job

    # Whatever fails in a worker comes back as "not converted": read() converts the file
    # again in the build, where Pelican's reader reports it by name and goes on.
    broken = ("Title: x\n\nTexte", {"extensions": ["no.such.extension"]}, [])
    assert _convert_job(broken) is None
    assert _convert_job(("Texte", {}, []))[0] == "<p>Texte</p>"


def test_a_bad_setting_stops_the_build_with_its_name() -> None:
    from invoke import Exit

    import tasks
    from commands.pelican_run import load_settings, run_pelican

    settings = load_settings(tasks.SETTINGS_DEV, {"MARKDOWN_CACHE_WORKERS": -1})
    with pytest.raises(Exit) as stop:
        run_pelican(settings)
    assert stop.value.code == 2 and "MARKDOWN_CACHE_WORKERS" in stop.value.message


def test_the_store_stays_in_memory_from_one_build_to_the_next(content: Path, tmp_path) -> None:
    # A resident build (livereload) does not load the store again: with its file gone, the
    # next build in this process still converts nothing.
    cache = tmp_path / "cache"
    settings = _settings(content, cache, 0)
    for path in _files(content):
        CachedMarkdownReader(settings).read(str(path))
    CachedMarkdownReader.save_store()
    for file in cache.iterdir():
        file.unlink()
    CachedMarkdownReader.new_build()
    reader = CachedMarkdownReader(_settings(content, cache, 0))
    for path in _files(content):
        reader.read(str(path))
    assert CachedMarkdownReader._store.converted == 0
    CachedMarkdownReader.save_store()
