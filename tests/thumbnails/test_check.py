"""`invoke check`'s reading of the images a page shows, without a build."""

from __future__ import annotations

from pathlib import Path

from thumbnails.check import mention_line, referenced_images


def test_referenced_images_reads_addresses_as_markdown_does(tmp_path: Path) -> None:
    content = tmp_path / "content"
    page = content / "articles" / "2026-01-01-a.md"
    page.parent.mkdir(parents=True)
    text = (
        '![a]({static}/images/ma photo.jpg "Le titre")\n'  # a space in the name, a title
        "![b](<{static}/images/une autre.jpg>)\n"
        "![c]({static}/images/photo(1).jpg)\n"  # parentheses that pair up
        "![d](../images/relative.jpg 'Titre')\n"
        '<img src="{static}/images/html.jpg" alt="e">\n'
        "![f](https://example.org/ailleurs.jpg)\n"  # not ours
        "![g]({static}/images/oubli.jpg\n"  # no ")": text on the page, not an image
        "![h] ({static}/images/espace.jpg)\n"  # a space after "]": text too
    )
    settings = {"PATH": str(content), "THUMBNAIL_SOURCE_PATH": "images"}
    found = referenced_images(page, text, settings)
    images = content.resolve() / "images"
    assert found == {
        images / name
        for name in ("ma photo.jpg", "une autre.jpg", "photo(1).jpg", "relative.jpg", "html.jpg")
    }


def test_mention_line_finds_the_line_that_names_the_image(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text(
        "Title: Semis\n"
        "Image: images/autre-semis.jpg\n"
        "\n"
        "![Le plan]({static}/images/PLAN.JPG)\n"
        "![Photo](ma%20photo.jpg)\n"
        '![Semis]({static}/images/semis.jpg "Titre")\n',
        encoding="utf-8",
    )
    # A whole name, as written: not inside another name, not another case.
    assert mention_line(page, tmp_path / "semis.jpg") == 6
    assert mention_line(page, tmp_path / "autre-semis.jpg") == 2
    assert mention_line(page, tmp_path / "PLAN.JPG") == 4
    assert mention_line(page, tmp_path / "plan.jpg") is None
    assert mention_line(page, tmp_path / "ma photo.jpg") == 5  # written %-encoded
    assert mention_line(tmp_path / "absent.md", tmp_path / "semis.jpg") is None
