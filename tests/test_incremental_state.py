"""The incremental plugin's state file and template analysis, on their own."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from incremental import unfinished
from incremental.state import BuildState, signature
from incremental.writer import template_variables
from jinja2 import DictLoader, Environment


def test_an_unchanged_state_is_not_written_again(tmp_path: Path) -> None:
    first = BuildState.load(tmp_path, "digest", [], "pages-x.pickle")
    first.remember("index.html", "key", b"<p>accueil</p>", [])
    first.save()
    written = (tmp_path / "pages-x.pickle").stat().st_mtime_ns

    second = BuildState.load(tmp_path, "digest", [], "pages-x.pickle")
    entry = second.old["index.html"]
    second.remember("index.html", entry.key, b"", entry.calls, sha256=entry.sha256)
    second.save()
    assert (tmp_path / "pages-x.pickle").stat().st_mtime_ns == written

    third = BuildState.load(tmp_path, "digest", [], "pages-x.pickle")
    third.save()  # the page is gone from this build: the state must say so
    assert BuildState.load(tmp_path, "digest", [], "pages-x.pickle").old == {}


def test_a_template_that_may_include_a_missing_one_is_always_rendered() -> None:
    env = Environment(
        loader=DictLoader(
            {
                "page.html": "{% include 'base.html' %}{{ title }}",
                "base.html": "{{ sitename }}",
                "optional.html": "{% include 'absent.html' ignore missing %}{{ title }}",
            }
        )
    )
    assert template_variables(env, "page.html") == {"title", "sitename"}
    assert template_variables(env, "optional.html") is None


def test_template_analysis_is_kept_only_while_the_templates_are_the_same(tmp_path: Path) -> None:
    first = BuildState.load(tmp_path, "digest-1", [], "pages-x.pickle")
    first.variables[("fs", "page.html")] = frozenset({"title"})
    first.save()
    same = BuildState.load(tmp_path, "digest-1", [], "pages-x.pickle")
    assert same.variables == {("fs", "page.html"): frozenset({"title"})}
    # Another build-wide fingerprint: a template may have changed, so it is parsed again.
    other = BuildState.load(tmp_path, "digest-2", [], "pages-x.pickle")
    assert other.variables == {}


def test_a_state_of_an_older_format_means_a_full_render(tmp_path: Path) -> None:
    (tmp_path / "pages-x.pickle").write_bytes(pickle.dumps((1, {"index.html": "old"})))
    state = BuildState.load(tmp_path, "digest", [], "pages-x.pickle")
    assert state.old == {} and state.variables == {}


def test_files_no_longer_made_are_removed_unless_written_since(tmp_path: Path) -> None:
    output = tmp_path / "output"
    names = ("2026/vieux/index.html", "garde/index.html", "retouche.html")
    for name in names:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name, "utf-8")
    first = BuildState.load(tmp_path / "state", "digest", [], "pages-x.pickle")
    for name in names:
        first.output(name, signature(output / name))
    first.save()
    # After that build, something else rewrites one of its files (a later modification time).
    touched = output / "retouche.html"
    later = touched.stat().st_mtime_ns + 1_000_000_000
    os.utime(touched, ns=(later, later))

    second = BuildState.load(tmp_path / "state", "digest", [], "pages-x.pickle")
    second.output("garde/index.html", signature(output / "garde/index.html"))
    assert second.remove_stale(output) == ["2026/vieux/index.html"]
    assert not (output / "2026").exists()  # the folders it leaves empty go too
    assert touched.is_file() and (output / "garde" / "index.html").is_file()


def test_an_unfinished_build_empties_only_an_output_that_holds_no_sources(tmp_path: Path) -> None:
    cache, output, content = tmp_path / "cache", tmp_path / "output", tmp_path / "content"
    for folder in (output / "2026" / "vieux", content):
        folder.mkdir(parents=True)
    (output / "2026" / "vieux" / "index.html").write_text("périmé")
    (output / "CNAME").write_text("les-tilleuls.example.org")
    settings = {"OUTPUT_PATH": str(output), "PATH": str(content), "OUTPUT_RETENTION": ["CNAME"]}
    mark = unfinished.mark_of(cache, "pages-x.pickle")

    assert unfinished.begin(mark, settings) is False  # no mark: the last build finished
    assert mark.exists() and (output / "2026" / "vieux" / "index.html").exists()
    assert unfinished.begin(mark, settings) is True  # the mark of a build that did not finish
    assert sorted(p.name for p in output.iterdir()) == ["CNAME"]
    unfinished.end(mark)
    assert not mark.exists()

    # An output folder that holds the sources (a settings mistake) is never emptied.
    (content / "article.md").write_text("Title: A")
    mark.touch()
    assert unfinished.begin(mark, {**settings, "OUTPUT_PATH": str(tmp_path)}) is False
    assert (content / "article.md").exists() and (output / "CNAME").exists()
