"""Many new listing files are read in worker processes, with the same result as in turn."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from listings.validate import PARALLEL_MIN_FILES, load_folder

from tasks import listing_settings
from tests.support import CONTENT

# The package exports names that hide its module of the same name in attribute access.
validate_module = sys.modules["listings.validate"]


def _many_listings(tmp_path: Path) -> tuple[Path, dict]:
    content = tmp_path / "content"
    folder = content / "listings"
    folder.mkdir(parents=True)
    shutil.copytree(CONTENT / "images", content / "images")
    demo = sorted((CONTENT / "listings").glob("*.yaml"))
    copies = 0
    while copies < PARALLEL_MIN_FILES:
        for path in demo:
            (folder / f"{path.stem}-{copies:03d}.yaml").write_bytes(path.read_bytes())
            copies += 1
    (folder / "cassee.yaml").write_text("title: [pas fermé\nkind: don\n", encoding="utf-8")
    (folder / "sans-titre.yaml").write_text("kind: don\n", encoding="utf-8")
    return content, listing_settings({"PATH": str(content)})


def test_parallel_reading_gives_what_reading_in_turn_gives(tmp_path, monkeypatch) -> None:
    content, settings = _many_listings(tmp_path)
    pools: list[object] = []
    real_pool = validate_module.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        pools.append(kwargs)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(validate_module, "ProcessPoolExecutor", counting_pool)
    in_turn, turn_errors = load_folder(content / "listings", settings, workers=1)
    assert pools == []
    parallel, parallel_errors = load_folder(content / "listings", settings, workers=2)
    assert len(pools) == 1

    assert len(in_turn) >= PARALLEL_MIN_FILES and parallel == in_turn
    assert [(e.path, e.line, e.message) for e in parallel_errors] == [
        (e.path, e.line, e.message) for e in turn_errors
    ]
    # Both broken files are reported, each by name, whichever way they were read.
    assert {e.path.name for e in parallel_errors} == {"cassee.yaml", "sans-titre.yaml"}


def test_the_generator_starts_reading_before_pelican_reads_the_articles(
    tmp_path, monkeypatch
) -> None:
    from listings.generator import ListingsGenerator

    content, settings = _many_listings(tmp_path)
    settings.update(OUTPUT_PATH=str(tmp_path / "output"), LISTING_WORKERS=2)
    submitted: list[list[Path]] = []

    class WatchedPool(validate_module.ProcessPoolExecutor):  # type: ignore[misc,name-defined]
        def map(self, fn, paths, **kwargs):  # type: ignore[no-untyped-def]
            submitted.append(list(paths))
            return super().map(fn, submitted[-1], **kwargs)

    monkeypatch.setattr(validate_module, "ProcessPoolExecutor", WatchedPool)
    generator = ListingsGenerator(
        context=settings.copy(),
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    # Pelican makes every generator before the first one reads: the files are being read
    # in worker processes from then on, while the articles are read.
    files = sorted((content / "listings").glob("*.yaml"))
    assert len(submitted) == 1 and sorted(submitted[0]) == files
    generator.generate_context()
    assert len(submitted) == 1  # collected, not read a second time
    assert generator.listings == load_folder(content / "listings", settings, workers=1)[0]
    assert {e.path.name for e in generator.context["listing_problems"]} == {
        "cassee.yaml",
        "sans-titre.yaml",
    }
