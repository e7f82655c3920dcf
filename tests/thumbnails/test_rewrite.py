"""Rewriting an article's images: only the `<img>` tags change, found as a browser finds them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from thumbnails.rewrite import find_images, rewrite
from thumbnails.service import ThumbnailService
from thumbnails.settings import configure


@pytest.mark.parametrize(
    ("html", "tags"),
    [
        ('<p><img alt="a" src="x.jpg"></p>', ['<img alt="a" src="x.jpg">']),
        # Capitals, XHTML's "/>", an unquoted value, Windows line ends before a tag.
        (
            "intro\n<p>a <b>b</b>\n <IMG SRC=\"y.png\" Alt='b' /> c</p>\r\n<img src=z.jpg>",
            ["<IMG SRC=\"y.png\" Alt='b' />", "<img src=z.jpg>"],
        ),
        # A tag written over several lines, after several lines; a tag never closed.
        (
            'a\nb\n<img\nsrc="c.jpg"\nalt="sur\ndeux lignes"><p>fin</p>\n<img src="d.jpg"',
            ['<img\nsrc="c.jpg"\nalt="sur\ndeux lignes">'],
        ),
        # Not images: inside a comment, a script, an attribute value.
        (
            '<!-- <img src="n1.jpg"> --><script>s = "<img src=n2.jpg>";</script>'
            '<p data-x="<img src=n3.jpg>">t</p><img src="oui.jpg" alt>',
            ['<img src="oui.jpg" alt>'],
        ),
    ],
)
def test_images_are_found_where_they_are(html: str, tags: list[str]) -> None:
    assert [html[start:end] for start, end, _ in find_images(html)] == tags


def test_attributes_are_read_as_a_browser_reads_them() -> None:
    html = '<img src="{static}/a b.jpg" title="T &amp; U" class=" x  y " alt>'
    [(_start, _end, attributes)] = find_images(html)
    assert attributes == {"src": "{static}/a b.jpg", "title": "T & U", "class": " x  y ", "alt": ""}


def test_only_the_image_tags_change(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (1600, 1200), "teal").save(content / "images" / "photo.jpg")
    settings = configure({"PATH": str(content), "SITEURL": "", "OUTPUT_PATH": "out"})
    before = "<h2>Fête</h2>\n<p>Un&nbsp;stand<br>et des crêpes :</p>\n<p>"
    after = '</p>\n<p><img alt="Ailleurs" src="https://example.org/x.jpg"></p>\n'
    html = f'{before}<img alt="Le stand" class="a  b" src="{{static}}/images/photo.jpg">{after}'
    result = rewrite(html, content / "articles" / "fete.md", ThumbnailService(settings))
    assert result.startswith(before) and result.endswith(after)
    picture = result[len(before) : -len(after)]
    assert picture.startswith("<picture") and picture.endswith("</picture>")
    assert 'alt="Le stand"' in picture and 'class="a b"' in picture
    assert 'loading="lazy"' not in picture  # the first image of the article is on screen


ARTICLE = (
    '<h2>Fête</h2><p><img alt="Le stand" src="{static}/images/photo.jpg"></p>'
    '<p><img alt="Ailleurs" src="https://example.org/x.jpg"></p>'
    '<p><img alt="Cassée" src="{static}/images/broken.jpg"></p>'
)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict]:
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (1600, 1200), "teal").save(content / "images" / "photo.jpg")
    (content / "images" / "broken.jpg").write_bytes(b"not a JPEG at all")
    (content / "articles").mkdir()
    settings = configure({"PATH": str(content), "SITEURL": "", "OUTPUT_PATH": "out"})
    return content, settings


def test_a_rewrite_plans_renditions_and_reports_broken_images(site, caplog) -> None:
    content, settings = site
    service = ThumbnailService(settings)
    result = rewrite(ARTICLE, content / "articles" / "fete.md", service)
    # Ours becomes a <picture>; another site's and a broken one keep their <img>.
    assert "<picture>" in result and "broken.jpg" in result and "example.org" in result
    assert service._jobs and any("broken.jpg" in r.getMessage() for r in caplog.records)


def test_a_replaced_photo_gives_its_own_markup(site) -> None:
    content, settings = site
    page = content / "articles" / "fete.md"
    first = rewrite(ARTICLE, page, ThumbnailService(settings))
    photo = content / "images" / "photo.jpg"
    Image.new("RGB", (900, 600), "orange").save(photo)  # other size: other markup
    second = rewrite(ARTICLE, page, ThumbnailService(settings))
    assert second != first and 'width="900"' in second


def test_a_link_to_a_photo_leads_to_its_largest_rendition(site) -> None:
    content, settings = site
    (content / "images" / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    service = ThumbnailService(settings)
    links = [
        '<a href="{filename}/images/photo.jpg">la photo</a>',
        "<a data-href='x' title='t' href='{static}/images/photo.jpg#x'>la photo</a>",
        '<a href="../images/photo.jpg"><img alt="Le stand" src="../images/photo.jpg"></a>',
        '<a href="{static}/images/plan.pdf">le plan</a>',  # not a photo: published as it is
        '<a href="{static}/images/broken.jpg">cassée</a>',  # published as it is, too
        '<a href="https://example.org/x.jpg">ailleurs</a> <a href="#haut">haut</a>',
    ]
    html = "<p>" + "</p>\n<p>".join(links) + "</p>"
    result = rewrite(html, content / "articles" / "fete.md", service)
    # The photo is 1600 px wide: its largest rendition, the one <picture> offers last.
    full = service.full_size(content / "images" / "photo.jpg")
    assert full is not None and full.startswith("/images/r/photo-1600w-") and full.endswith(".jpg")
    lines = result.split("</p>\n<p>")
    assert lines[0] == f'<p><a href="{full}">la photo</a>'
    assert lines[1] == f"<a data-href='x' title='t' href='{full}'>la photo</a>"
    assert lines[2].startswith(f'<a href="{full}"><picture>')
    assert f"{full} 1600w" in lines[2]  # the same file: nothing more to encode
    assert lines[3:] == [*links[3:5], links[5] + "</p>"]
    assert full.removeprefix("/") in service._published
