"""The problem-image generator writes what it promises, the same bytes every time."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import struct
import sys
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, ImageOps

from tests.thumbnails.problem_images import (
    ARTIST,
    BODY_SERIAL,
    BOMB_PIXEL_LIMIT,
    BOMB_SIZE,
    CAMERA_MAKE,
    CAMERA_MODEL,
    CMYK_ICC_RGB,
    CMYK_LEFT,
    CMYK_NAIVE_RGB,
    CMYK_RIGHT,
    GIF_FRAME_COLOURS,
    GPS_LATITUDE,
    GPS_LONGITUDE,
    HEIC_UPRIGHT_SIZE,
    HIDDEN_COLOUR,
    LARGE_PHOTO_BAND_COLOUR,
    LARGE_PHOTO_UPRIGHT_SIZE,
    PALETTE_CIRCLE_COLOUR,
    PRIVATE_MARKERS,
    UPRIGHT_SIZE,
    XMP_MARKER,
    ProblemImage,
    expected_color_at,
    make_problem_images,
)

HAVE_HEIF = importlib.util.find_spec("pillow_heif") is not None
JPEG_TOLERANCE = 8
SAMPLES = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
ORIENTATION_FILES = [f"orientation-{n}.jpg" for n in range(1, 9)]
WITH_CAMERA_METADATA = [*ORIENTATION_FILES, "large-photo.jpg"]
FAILING = {"truncated.jpg", "not-an-image.jpg", "empty.jpg", "bomb.png"}
ALWAYS = {
    *ORIENTATION_FILES,
    "cmyk.jpg",
    "cmyk-icc.jpg",
    "progressive.jpg",
    "sixteen-bit.png",
    "palette-transparent.png",
    "rgba.png",
    "animated.gif",
    "truncated.jpg",
    "lying-extension.jpg",
    "not-an-image.jpg",
    "empty.jpg",
    "bomb.png",
    "large-photo.jpg",
}


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ProblemImage]:
    return make_problem_images(tmp_path_factory.mktemp("problem-images"))


def assert_close(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int) -> None:
    assert len(actual) == len(expected), (actual, expected)
    assert all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)), (
        actual,
        expected,
    )


def pixel(image: Image.Image, x_frac: float, y_frac: float) -> tuple[int, ...]:
    value = image.getpixel((int(x_frac * image.width), int(y_frac * image.height)))
    assert isinstance(value, tuple)
    return value


def assert_upright_quadrants(image: Image.Image, tolerance: int = JPEG_TOLERANCE) -> None:
    for x_frac, y_frac in SAMPLES:
        assert_close(pixel(image, x_frac, y_frac), expected_color_at(x_frac, y_frac), tolerance)


# --- The set of files ---------------------------------------------------------------------------


def test_every_file_is_written_and_listed(images: dict[str, ProblemImage]) -> None:
    expected = ALWAYS | {"phone.heic"}  # pillow-heif is pinned: the HEIC is always made
    assert set(images) == expected
    folder = images["empty.jpg"].path.parent
    assert {p.name for p in folder.iterdir()} == expected
    for name, image in images.items():
        assert image.name == name == image.path.name
        assert image.path.is_file()
        assert image.kind and image.note


def test_only_broken_files_expect_an_error(images: dict[str, ProblemImage]) -> None:
    assert {name for name, image in images.items() if image.expect_error} == FAILING


def test_problem_image_is_frozen(images: dict[str, ProblemImage]) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        images["cmyk.jpg"].expect_error = True  # type: ignore[misc]


def test_expected_color_at() -> None:
    assert expected_color_at(0.25, 0.25) == (255, 0, 0)
    assert expected_color_at(0.75, 0.25) == (0, 255, 0)
    assert expected_color_at(0.25, 0.75) == (0, 0, 255)
    assert expected_color_at(0.75, 0.75) == (255, 255, 255)
    with pytest.raises(ValueError):
        expected_color_at(1.5, 0.5)


# --- Orientation and metadata -------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_file_displays_upright(
    images: dict[str, ProblemImage], orientation: int
) -> None:
    with Image.open(images[f"orientation-{orientation}.jpg"].path) as image:
        assert image.format == "JPEG"
        assert image.getexif()[ExifTags.Base.Orientation] == orientation
        width, height = UPRIGHT_SIZE
        assert image.size == ((width, height) if orientation <= 4 else (height, width))
        upright = ImageOps.exif_transpose(image)
    assert upright.size == UPRIGHT_SIZE
    assert_upright_quadrants(upright)


def test_orientations_store_different_pixels(images: dict[str, ProblemImage]) -> None:
    """Each tag really needs its own transform: no two files hold the same stored picture."""
    stored = set()
    for name in ORIENTATION_FILES:
        with Image.open(images[name].path) as image:
            stored.add((image.size, tuple(pixel(image, x, y) for x, y in SAMPLES)))
    assert len(stored) == 8


@pytest.mark.parametrize("name", WITH_CAMERA_METADATA)
def test_sources_carry_private_metadata(images: dict[str, ProblemImage], name: str) -> None:
    path = images[name].path
    with Image.open(path) as image:
        exif = image.getexif()
        xmp = image.info.get("xmp", b"")
    assert exif[ExifTags.Base.Make] == CAMERA_MAKE
    assert exif[ExifTags.Base.Model] == CAMERA_MODEL
    assert exif[ExifTags.Base.Artist] == ARTIST
    assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] == BODY_SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert gps[ExifTags.GPS.GPSLongitudeRef] == "E"
    assert tuple(float(v) for v in gps[ExifTags.GPS.GPSLatitude]) == GPS_LATITUDE
    assert tuple(float(v) for v in gps[ExifTags.GPS.GPSLongitude]) == GPS_LONGITUDE
    assert XMP_MARKER.encode() in xmp
    assert b"<x:xmpmeta" in xmp
    raw = path.read_bytes()
    for marker in PRIVATE_MARKERS:
        assert marker in raw, marker


# --- Colour modes and formats -------------------------------------------------------------------


def test_cmyk_jpeg(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["cmyk.jpg"].path) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "CMYK", (500, 300))
        assert "icc_profile" not in image.info
        assert_close(pixel(image, 0.25, 0.5), CMYK_LEFT, JPEG_TOLERANCE)
        assert_close(pixel(image, 0.75, 0.5), CMYK_RIGHT, JPEG_TOLERANCE)
        rgb = image.convert("RGB")
    assert_close(pixel(rgb, 0.25, 0.5), CMYK_NAIVE_RGB[0], JPEG_TOLERANCE)
    assert_close(pixel(rgb, 0.75, 0.5), CMYK_NAIVE_RGB[1], JPEG_TOLERANCE)


def test_cmyk_jpeg_with_icc_profile(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["cmyk-icc.jpg"].path) as image:
        assert (image.mode, image.size) == ("CMYK", (500, 300))
        profile = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
        srgb = ImageCms.createProfile("sRGB")
        converted = ImageCms.profileToProfile(image, profile, srgb, outputMode="RGB")
    assert "CMYK" in ImageCms.getProfileDescription(profile)
    assert converted is not None
    assert_close(pixel(converted, 0.25, 0.5), CMYK_ICC_RGB[0], 12)
    assert_close(pixel(converted, 0.75, 0.5), CMYK_ICC_RGB[1], 12)


def test_progressive_jpeg(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["progressive.jpg"].path) as image:
        assert (image.format, image.size) == ("JPEG", (800, 600))
        assert image.info.get("progressive")
        image.load()


def test_sixteen_bit_png(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["sixteen-bit.png"].path) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "I;16", (400, 300))
        row = [image.getpixel((x, 150)) for x in range(0, 400, 50)] + [image.getpixel((399, 0))]
    assert row[0] == 0
    assert row[-1] == 65535
    assert row == sorted(row)
    assert 256 < row[4] < 65535 - 256  # really uses more than 8 bits


def test_palette_png_with_transparency(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["palette-transparent.png"].path) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "P", (300, 300))
        assert image.info["transparency"] == 0
        assert image.getpixel((0, 0)) == 0
        assert image.getpixel((150, 150)) == 1
        rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0)) == (*HIDDEN_COLOUR, 0)
    assert rgba.getpixel((150, 150)) == (*PALETTE_CIRCLE_COLOUR, 255)


def test_rgba_png_with_partial_transparency(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["rgba.png"].path) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (400, 400))
        assert image.getpixel((200, 50)) == (*HIDDEN_COLOUR, 0)
        alphas = [image.getpixel((x, 200))[3] for x in (0, 100, 200, 300, 399)]
        assert image.getpixel((200, 350)) == (0, 128, 0, 255)
    assert alphas == sorted(alphas)
    assert alphas[0] < 10
    assert alphas[-1] > 245
    assert 100 < alphas[2] < 156


def test_animated_gif(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["animated.gif"].path) as image:
        assert (image.format, image.size) == ("GIF", (200, 150))
        assert image.is_animated
        assert image.n_frames == 3
        colours = []
        for frame in range(3):
            image.seek(frame)
            colours.append(image.convert("RGB").getpixel((100, 75)))
    assert tuple(colours) == GIF_FRAME_COLOURS


def test_png_with_jpg_extension_is_a_valid_image(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["lying-extension.jpg"].path) as image:
        assert (image.format, image.size) == ("PNG", UPRIGHT_SIZE)
        assert_upright_quadrants(image.convert("RGB"), tolerance=0)


# --- Files that must be refused -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["truncated.jpg", "not-an-image.jpg", "empty.jpg"])
def test_broken_files_fail_to_load(images: dict[str, ProblemImage], name: str) -> None:
    with pytest.raises(OSError), Image.open(images[name].path) as image:
        image.load()


def test_truncated_jpeg_has_a_valid_header(images: dict[str, ProblemImage]) -> None:
    path = images["truncated.jpg"].path
    with Image.open(path) as image:
        assert (image.format, image.size) == ("JPEG", (800, 600))
    assert not path.read_bytes().endswith(b"\xff\xd9")  # no end-of-image marker


def test_empty_file_is_empty(images: dict[str, ProblemImage]) -> None:
    assert images["empty.jpg"].path.stat().st_size == 0


def test_bomb_is_small_on_disk_and_huge_in_its_header(images: dict[str, ProblemImage]) -> None:
    data = images["bomb.png"].path.read_bytes()
    assert len(data) < 1_000_000
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == BOMB_SIZE


def test_bomb_really_decompresses_to_its_declared_size(images: dict[str, ProblemImage]) -> None:
    data = images["bomb.png"].path.read_bytes()
    (length,) = struct.unpack(">I", data[33:37])
    assert data[37:41] == b"IDAT"
    stream = data[41 : 41 + length]
    decompressor, produced = zlib.decompressobj(), 0
    while stream:
        produced += len(decompressor.decompress(stream, 1 << 22))
        stream = decompressor.unconsumed_tail
    width, height = BOMB_SIZE
    assert decompressor.eof
    assert produced == height * (1 + (width + 7) // 8)


def test_bomb_is_refused_by_the_pixel_limit(
    images: dict[str, ProblemImage], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", BOMB_PIXEL_LIMIT)  # restored afterwards
    with pytest.raises(Image.DecompressionBombError), Image.open(images["bomb.png"].path):
        pass


# --- HEIC -----------------------------------------------------------------------------------


def test_heic_is_displayed_upright(images: dict[str, ProblemImage]) -> None:
    # pillow-heif is in the lock file: phones' HEIC photos must work, never be skipped.
    assert HAVE_HEIF, "pillow_heif is missing: run scripts/setup"
    path = images["phone.heic"].path
    with Image.open(path) as image:  # the generator registered pillow_heif's opener
        assert image.format == "HEIF"
        # pillow_heif applies the stored rotation itself and resets the EXIF tag.
        assert image.size == HEIC_UPRIGHT_SIZE
        assert image.info["original_orientation"] == 6
        assert image.getexif().get(ExifTags.Base.Orientation, 1) == 1
        assert_upright_quadrants(image.convert("RGB"))
    raw = path.read_bytes()
    for marker in PRIVATE_MARKERS:
        assert marker in raw, marker


def test_heic_is_left_out_without_pillow_heif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # makes `import pillow_heif` fail
    images = make_problem_images(tmp_path)
    assert set(images) == ALWAYS
    assert not (tmp_path / "phone.heic").exists()


# --- The large photo ----------------------------------------------------------------------------


def test_large_photo(images: dict[str, ProblemImage]) -> None:
    path = images["large-photo.jpg"].path
    assert 500_000 < path.stat().st_size < 5_000_000
    with Image.open(path) as image:
        assert image.size == (3000, 2000)
        assert image.getexif()[ExifTags.Base.Orientation] == 6
        upright = ImageOps.exif_transpose(image)
    assert upright.size == LARGE_PHOTO_UPRIGHT_SIZE
    assert_close(pixel(upright, 0.5, 0.05), LARGE_PHOTO_BAND_COLOUR, JPEG_TOLERANCE)
    assert pixel(upright, 0.5, 0.5) != pixel(upright, 0.1, 0.9)  # a picture, not a flat colour


def test_large_photo_supports_draft_mode(images: dict[str, ProblemImage]) -> None:
    with Image.open(images["large-photo.jpg"].path) as image:
        image.draft("RGB", (375, 250))
        image.load()
        assert image.size == (375, 250)  # decoded at 1/8 scale


# --- Determinism ---------------------------------------------------------------------------------


def test_generation_is_deterministic(images: dict[str, ProblemImage], tmp_path: Path) -> None:
    again = make_problem_images(tmp_path)
    assert set(again) == set(images)
    for name, image in images.items():
        assert again[name].path.read_bytes() == image.path.read_bytes(), name
        assert dataclasses.replace(again[name], path=image.path) == image
