"""Real-world problem images through the thumbnails plugin: right way up, private, or reported."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image
from thumbnails.images import ImageProblem, Spec, inspect, render

from tests.support import CONTENT, BuildResult, build_site, run_invoke
from tests.thumbnails import problem_images as pi

LIMIT = pi.BOMB_PIXEL_LIMIT


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pi.ProblemImage]:
    return pi.make_problem_images(tmp_path_factory.mktemp("problems"))


def _render_one(path: Path, width: int, height: int, fmt: str) -> Image.Image:
    (data,) = render(path, [Spec(width, height, fmt, 90)], LIMIT)
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _close(actual: tuple, expected: tuple, tolerance: int = 40) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=False))


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_exif_orientation_is_applied(images: dict, orientation: int, fmt: str) -> None:
    path = images[f"orientation-{orientation}.jpg"].path
    info = inspect(path, LIMIT)
    assert (info.width, info.height) == pi.UPRIGHT_SIZE
    out = _render_one(path, 300, 200, fmt).convert("RGB")
    assert out.size == (300, 200)
    for x, y in ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)):
        pixel = out.getpixel((int(x * 300), int(y * 200)))
        assert _close(pixel, pi.expected_color_at(x, y)), (orientation, x, y, pixel)


@pytest.mark.parametrize("fmt", ["jpeg", "webp", "png"])
def test_no_metadata_survives(images: dict, fmt: str) -> None:
    path = images["orientation-6.jpg"].path
    assert any(marker in path.read_bytes() for marker in pi.PRIVATE_MARKERS)  # the source has it
    (data,) = render(path, [Spec(300, 200, fmt, 90)], LIMIT)
    for marker in pi.PRIVATE_MARKERS:
        assert marker not in data
    out = Image.open(io.BytesIO(data))
    assert dict(out.getexif()) == {}
    assert "xmp" not in out.info and "icc_profile" not in out.info and "exif" not in out.info
    assert out.getexif().get_ifd(0x8825) == {}  # no GPS block


def test_cmyk_with_and_without_profile_comes_out_in_srgb(images: dict) -> None:
    for name, expected in (("cmyk.jpg", pi.CMYK_NAIVE_RGB), ("cmyk-icc.jpg", pi.CMYK_ICC_RGB)):
        out = _render_one(images[name].path, 250, 150, "jpeg")
        assert out.mode == "RGB"
        assert _close(out.getpixel((40, 75)), expected[0], 30), name
        assert _close(out.getpixel((210, 75)), expected[1], 30), name


def test_sixteen_bit_png_keeps_its_gradient(images: dict) -> None:
    out = _render_one(images["sixteen-bit.png"].path, 200, 150, "jpeg").convert("L")
    left, right = out.getpixel((5, 75)), out.getpixel((195, 75))
    assert left < 60 and right > 190  # not clipped to white


@pytest.mark.parametrize("name", ["palette-transparent.png", "rgba.png"])
def test_transparency_gives_png_family_and_stays_transparent(images: dict, name: str) -> None:
    info = inspect(images[name].path, LIMIT)
    assert info.family == "png"
    for fmt in ("png", "webp"):
        out = _render_one(images[name].path, 200, 200, fmt)
        assert out.mode == "RGBA"
        assert out.getpixel((1, 1))[3] == 0, fmt  # a transparent corner stays transparent


def test_opaque_photo_gives_jpeg_family(images: dict) -> None:
    assert inspect(images["progressive.jpg"].path, LIMIT).family == "jpeg"
    assert _render_one(images["progressive.jpg"].path, 400, 300, "jpeg").size == (400, 300)


def test_animated_gif_gives_its_first_frame(images: dict) -> None:
    info = inspect(images["animated.gif"].path, LIMIT)
    assert info.animated
    out = _render_one(images["animated.gif"].path, 100, 75, "jpeg").convert("RGB")
    assert _close(out.getpixel((50, 37)), pi.GIF_FRAME_COLOURS[0])


def test_lying_extension_is_read_by_its_content(images: dict) -> None:
    info = inspect(images["lying-extension.jpg"].path, LIMIT)
    assert info.width > 0


def test_heic_photo_from_a_phone(images: dict) -> None:
    info = inspect(images["phone.heic"].path, LIMIT)
    assert (info.width, info.height) == pi.HEIC_UPRIGHT_SIZE
    out = _render_one(images["phone.heic"].path, 240, 320, "jpeg").convert("RGB")
    assert _close(out.getpixel((60, 80)), pi.expected_color_at(0.25, 0.25))


def test_large_phone_photo_is_upright_with_draft_decoding(images: dict) -> None:
    path = images["large-photo.jpg"].path
    info = inspect(path, LIMIT)
    assert (info.width, info.height) == pi.LARGE_PHOTO_UPRIGHT_SIZE
    out = _render_one(path, 400, 600, "jpeg").convert("RGB")
    assert _close(out.getpixel((200, 20)), pi.LARGE_PHOTO_BAND_COLOUR)  # the band is on top


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("truncated.jpg", "abîmée ou incomplète"),
        ("not-an-image.jpg", "pas une image lisible"),
        ("empty.jpg", "vide"),
        ("bomb.png", "démesurée (30000 × 30000 pixels"),
    ],
)
def test_broken_images_raise_a_plain_problem(images: dict, name: str, words: str) -> None:
    with pytest.raises(ImageProblem, match=words.replace("(", r"\(")):
        inspect(images[name].path, LIMIT)


def test_build_reports_each_broken_image_with_its_page(images: dict, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    folder = content / "images" / "essais"
    folder.mkdir()
    names = [
        "orientation-6.jpg",
        "truncated.jpg",
        "not-an-image.jpg",
        "empty.jpg",
        "bomb.png",
        "animated.gif",
    ]
    for name in names:
        shutil.copy(images[name].path, folder / name)
    body = "\n\n".join(f"![Essai {name}]({{static}}/images/essais/{name})" for name in names)
    article = content / "articles" / "2026-11-01-essai-images.md"
    article.write_text(
        "Title: Essai des images abîmées\nCategory: Culture\nAuthor: Test\n\n" + body + "\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "out", content=content)
    assert result.returncode == 1
    assert "Traceback" not in result.log
    for name in ("truncated.jpg", "not-an-image.jpg", "empty.jpg", "bomb.png"):
        line = 5 + 2 * names.index(name)  # after the three header lines and a blank one
        assert (
            f"content/images/essais/{name} (utilisée par "
            f"content/articles/2026-11-01-essai-images.md:{line})"
        ) in result.log, name
    assert "animated.gif : GIF animé" in result.log
    page = (result.output / "2026" / "essai-images" / "index.html").read_text()
    assert page.count("<picture>") == 2  # the upright photo and the GIF's first frame
    # Broken ones keep a plain link to the original, which stays published; the bomb is gone.
    assert 'src="/images/essais/truncated.jpg"' in page
    assert (result.output / "images" / "essais" / "truncated.jpg").is_file()
    assert "bomb.png" not in page
    assert not (result.output / "images" / "essais" / "bomb.png").exists()
    assert not (result.output / "images" / "essais" / "orientation-6.jpg").exists()  # private
    assert (result.output / "index.html").is_file()

    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 1
    for name in ("truncated.jpg", "not-an-image.jpg", "empty.jpg", "bomb.png"):
        assert f"essais/{name} :" in check.stdout, name


def test_articles_get_a_1200x630_sharing_image(prod_build: BuildResult) -> None:
    from bs4 import BeautifulSoup

    from tests.support import PROD_SITEURL, read_metadata

    with_image = [
        p for p in sorted((CONTENT / "articles").glob("*.md")) if read_metadata(p).get("image")
    ]
    assert with_image
    for source in with_image:
        page = prod_build.output / source.name[:4] / source.stem[11:] / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        url = soup.find("meta", property="og:image")["content"]
        assert url.startswith(PROD_SITEURL + "/images/r/"), url
        with Image.open(prod_build.output / url.removeprefix(PROD_SITEURL + "/")) as image:
            assert image.size == (1200, 630)
            assert image.format == "JPEG"
            assert dict(image.getexif()) == {}


def test_unchanged_images_are_not_read_again(images: dict, tmp_path: Path, monkeypatch) -> None:
    """A build over thousands of photos must not re-read them when nothing changed."""
    import os

    from thumbnails import service as service_module
    from thumbnails.settings import configure

    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    photo = content / "images" / "photo.jpg"
    shutil.copy(images["progressive.jpg"].path, photo)
    settings = configure({"PATH": str(content), "SITEURL": ""})

    first = service_module.ThumbnailService(settings)
    assert first.picture(photo, "photo") is not None
    first.finish(tmp_path / "out")

    reads: list[Path] = []
    real_hash = service_module.file_sha256
    monkeypatch.setattr(
        service_module, "file_sha256", lambda path: reads.append(path) or real_hash(path)
    )
    second = service_module.ThumbnailService(settings)
    assert second.picture(photo, "photo") is not None
    assert reads == []  # same size and mtime: the recorded hash is used

    shutil.copy(images["orientation-3.jpg"].path, photo)  # new content
    os.utime(photo, ns=(1, 1))
    third = service_module.ThumbnailService(settings)
    assert third.picture(photo, "photo") is not None
    assert reads == [photo.resolve()]
    assert third.source(photo).width == pi.UPRIGHT_SIZE[0]
