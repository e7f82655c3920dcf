"""The listings cache: unchanged files are not read again; any change is seen."""

from __future__ import annotations

import shutil
from pathlib import Path

from listings.validate import ListingValidator, load_folder, stray_files

from tasks import listing_settings
from tests.support import CONTENT


def _project(tmp_path: Path) -> tuple[Path, dict]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "listings", content / "listings")
    shutil.copytree(CONTENT / "images", content / "images")
    return content, listing_settings({"PATH": str(content)})


def _count_reads(monkeypatch) -> list[Path]:
    """The files ListingValidator.load reads from now on (in this process)."""
    reads: list[Path] = []
    original = ListingValidator.load

    def counting(self, path):
        reads.append(path)
        return original(self, path)

    monkeypatch.setattr(ListingValidator, "load", counting)
    return reads


def test_second_load_reads_nothing_and_gives_the_same_listings(tmp_path, monkeypatch) -> None:
    content, settings = _project(tmp_path)
    cache = tmp_path / "cache"
    first, errors = load_folder(content / "listings", settings, cache)
    assert not errors and first
    reads = _count_reads(monkeypatch)
    again, _ = load_folder(content / "listings", settings, cache)
    assert reads == []
    assert again == first
    assert again == load_folder(content / "listings", settings)[0]  # same as without cache
    reads.clear()

    # An edited listing is read again, and only it.
    edited = content / "listings" / "velo-enfant-16-pouces.yaml"
    edited.write_text(edited.read_text("utf-8").replace("price: 35", "price: 30"), "utf-8")
    third, _ = load_folder(content / "listings", settings, cache)
    assert reads == [edited]
    assert next(item for item in third if item.slug == "velo-enfant-16-pouces").price == 30

    # A photo that disappears makes its listing be checked again, and reported.
    (content / "images" / "annonces" / "velo-enfant.jpg").unlink()
    reads.clear()
    fourth, errors = load_folder(content / "listings", settings, cache)
    assert reads == [edited]
    assert any("velo-enfant.jpg" in error.message for error in errors)
    assert all(item.slug != "velo-enfant-16-pouces" for item in fourth)


def test_a_library_upgrade_reads_every_listing_again(tmp_path, monkeypatch) -> None:
    import sys

    content, settings = _project(tmp_path)
    cache = tmp_path / "cache"
    first, _ = load_folder(content / "listings", settings, cache)
    reads = _count_reads(monkeypatch)
    # Another nh3 might sanitise a description otherwise: nothing cached may be trusted.
    monkeypatch.setattr(sys.modules["listings.cache"], "_versions", lambda: "nh3=99")
    again, _ = load_folder(content / "listings", settings, cache, workers=1)
    assert len(reads) == len(first) and again == first


def test_a_cached_listing_still_says_what_its_description_lost(tmp_path, monkeypatch) -> None:
    content, settings = _project(tmp_path)
    cache = tmp_path / "cache"
    edited = content / "listings" / "velo-enfant-16-pouces.yaml"
    edited.write_text(edited.read_text("utf-8") + "  <u>Urgent</u>\n", "utf-8")
    first, errors = load_folder(content / "listings", settings, cache)
    (listing,) = [item for item in first if item.slug == "velo-enfant-16-pouces"]
    assert not errors
    assert [w.message for w in listing.warnings] == [
        "du HTML a été retiré de la description : la balise <u>"
    ]
    reads = _count_reads(monkeypatch)
    again, _ = load_folder(content / "listings", settings, cache)
    assert reads == []  # from the cache, and the warning with it
    (cached,) = [item for item in again if item.slug == "velo-enfant-16-pouces"]
    assert cached.warnings == listing.warnings


def test_listings_in_any_case_are_read_and_other_files_reported(tmp_path) -> None:
    content, settings = _project(tmp_path)
    folder = content / "listings"
    (folder / "velo-enfant-16-pouces.yaml").rename(folder / "velo-enfant-16-pouces.YAML")
    for name in ("velo.jpg", "notes.txt", "fete.md", ".DS_Store", "velo.yaml~", "#velo.yaml#"):
        (folder / name).write_bytes(b"x")
    listings, errors = load_folder(folder, settings)
    assert not errors
    assert "velo-enfant-16-pouces" in {item.slug for item in listings}
    stray = stray_files(folder)
    assert [warning.path.name for warning in stray] == ["fete.md", "notes.txt", "velo.jpg"]
    assert all("n’est pas une annonce" in warning.message for warning in stray)
    # An article saved here is moved, not renamed; anything else may be a listing.
    assert "rangez-le dans content/articles/" in stray[0].hint
    assert "renommez-le en .yaml ; une photo va dans" in stray[1].hint


def test_two_files_that_make_one_address_keep_the_first_and_name_it(tmp_path: Path) -> None:
    content, settings = _project(tmp_path)
    listings = content / "listings"
    for folder in ("a", "b"):
        (listings / folder).mkdir()
        shutil.copy(listings / "bocaux-en-verre.yaml", listings / folder / "velo.yaml")
    (listings / "velo-2.yaml").write_text(
        (listings / "bocaux-en-verre.yaml").read_text("utf-8"), "utf-8"
    )
    found, errors = load_folder(listings, settings)
    assert [listing.slug for listing in found].count("velo") == 1
    assert [(error.path, error.message, error.hint) for error in errors] == [
        (
            listings / "b" / "velo.yaml",
            "une autre annonce, listings/a/velo.yaml, a déjà l’adresse « velo » : celle-ci "
            "n’est pas publiée",
            # velo-2 is taken: the name offered is free.
            "renommez ce fichier, par exemple velo-3.yaml : le nom du fichier fait l’adresse "
            "de l’annonce",
        )
    ]
