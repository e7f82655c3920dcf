"""Real-world "problem images" for the thumbnails plugin's tests, drawn with Pillow at test time.

Members upload whatever their phone, scanner or old website gives them. This module draws, in a
folder the tests choose, one file for each trap we know of: EXIF orientations, camera metadata
that must not leak (GPS, serial number, XMP), CMYK JPEGs with and without an ICC profile,
progressive JPEGs, 16-bit and palette PNGs, transparency, animated GIFs, broken and lying files,
a decompression bomb, an iPhone-style HEIC (when pillow_heif is installed) and a full-size photo.

No binary file is committed: `make_problem_images(folder)` writes them all, and writes the same
bytes every time (no clock, no unseeded randomness), so a test that fails fails the same way
twice. Each file comes back as a `ProblemImage` whose `note` says what it is a trap for.

The pictures are easy to check after any processing: the orientation files, `lying-extension.jpg`
and `phone.heic` show the same upright quadrant picture (see `expected_color_at`), whatever the
pixels stored in the file and whatever the orientation tag says.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFilter, TiffImagePlugin

Colour = tuple[int, int, int]

# --- The upright quadrant picture -----------------------------------------------------------

#: Size of the orientation files once displayed the right way up (width, height).
UPRIGHT_SIZE = (600, 400)
RED: Colour = (255, 0, 0)
GREEN: Colour = (0, 255, 0)
BLUE: Colour = (0, 0, 255)
WHITE: Colour = (255, 255, 255)
#: Quadrant colours of the upright picture: (top-left, top-right, bottom-left, bottom-right).
QUADRANTS: tuple[Colour, Colour, Colour, Colour] = (RED, GREEN, BLUE, WHITE)

#: How the stored pixels of `orientation-N.jpg` are made from the upright picture: the inverse
#: of what `PIL.ImageOps.exif_transpose` does for tag N (None: stored as is).
STORED_TRANSFORM: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,  # exif_transpose turns it back with ROTATE_270
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,  # exif_transpose turns it back with ROTATE_90
}

# --- Private metadata that a published thumbnail must not carry -------------------------------

CAMERA_MAKE = "Acme Optique"
CAMERA_MODEL = "Acme Phone 12 Pro"
BODY_SERIAL = "SN-BABILLARD-0042137"
ARTIST = "Camille Lefebvre-Dutertre"
#: Degrees, minutes, seconds: a street in Lyon.
GPS_LATITUDE = (45, 45, 51.6)
GPS_LONGITUDE = (4, 50, 2.4)
#: A string found only in the XMP packet (an Adobe Lightroom-style document id).
XMP_MARKER = "xmp.did:babillard-problem-image-3f6c1e"
#: Byte strings present in every source that carries camera metadata; none of them may appear
#: in a published thumbnail.
PRIVATE_MARKERS: tuple[bytes, ...] = (
    CAMERA_MAKE.encode(),
    CAMERA_MODEL.encode(),
    BODY_SERIAL.encode(),
    ARTIST.encode(),
    XMP_MARKER.encode(),
    b"http://ns.adobe.com/xap/1.0/",
)

# --- Other files' known contents ---------------------------------------------------------------

CMYK_SIZE = (500, 300)
#: CMYK ink values of the left and right halves of `cmyk.jpg` and `cmyk-icc.jpg`.
CMYK_LEFT = (255, 0, 0, 0)  # solid cyan
CMYK_RIGHT = (0, 0, 255, 0)  # solid yellow
#: What Pillow's plain `convert("RGB")` makes of the two halves (it knows no inks).
CMYK_NAIVE_RGB: tuple[Colour, Colour] = ((0, 255, 255), (255, 255, 0))
#: The sRGB colours of the inks that `cmyk-icc.jpg`'s embedded profile describes (press-like
#: inks, as in a real print profile): converting through the profile gives these, not the naive
#: ones, so a test can tell whether the profile was honoured.
INK_SRGB: dict[str, Colour] = {
    "cyan": (0, 158, 224),
    "magenta": (236, 0, 140),
    "yellow": (255, 242, 0),
    "black": (35, 31, 32),
}
CMYK_ICC_RGB: tuple[Colour, Colour] = (INK_SRGB["cyan"], INK_SRGB["yellow"])

#: Colour of the transparent pixels' hidden RGB in `rgba.png` and of the transparent palette
#: entry in `palette-transparent.png`: a thumbnail that drops alpha without compositing shows it.
HIDDEN_COLOUR: Colour = (255, 0, 255)
PALETTE_CIRCLE_COLOUR: Colour = (30, 120, 200)
GIF_FRAME_COLOURS: tuple[Colour, Colour, Colour] = (RED, GREEN, BLUE)

BOMB_SIZE = (30_000, 30_000)
#: The pixel limit the plugin is meant to apply; `bomb.png` is far above it.
BOMB_PIXEL_LIMIT = 50_000_000

#: `phone.heic` once displayed: a portrait quadrant picture, stored as 640×480 + orientation 6.
HEIC_UPRIGHT_SIZE = (480, 640)
#: `large-photo.jpg` once displayed (stored as 3000×2000 + orientation 6).
LARGE_PHOTO_UPRIGHT_SIZE = (2000, 3000)
#: A solid band across the top tenth of the upright large photo, to check its orientation.
LARGE_PHOTO_BAND_COLOUR: Colour = RED
LARGE_PHOTO_BAND_FRACTION = 0.1

JPEG_QUALITY = 92


@dataclass(frozen=True)
class ProblemImage:
    """One generated file.

    `kind` names the trap (several files can share one, e.g. the eight "orientation" files);
    `expect_error` is True when a careful thumbnailer must refuse the file (and report it)
    rather than publish something; `note` says what the file is and what to expect.
    """

    name: str
    path: Path
    kind: str
    expect_error: bool
    note: str


def expected_color_at(x_frac: float, y_frac: float) -> Colour:
    """Colour of the upright quadrant picture at a relative position (0.25, 0.25 is red)."""
    if not (0.0 <= x_frac <= 1.0 and 0.0 <= y_frac <= 1.0):
        raise ValueError(f"position outside the picture: ({x_frac}, {y_frac})")
    left, top = x_frac < 0.5, y_frac < 0.5
    if top:
        return RED if left else GREEN
    return BLUE if left else WHITE


def quadrant_picture(size: tuple[int, int] = UPRIGHT_SIZE) -> Image.Image:
    """The upright picture: red, green / blue, white quadrants."""
    width, height = size
    image = Image.new("RGB", size, WHITE)
    half_w, half_h = width // 2, height // 2
    image.paste(RED, (0, 0, half_w, half_h))
    image.paste(GREEN, (half_w, 0, width, half_h))
    image.paste(BLUE, (0, half_h, half_w, height))
    return image


def _stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    transform = STORED_TRANSFORM[orientation]
    return upright if transform is None else upright.transpose(transform)


def _rational(value: float) -> TiffImagePlugin.IFDRational:
    return TiffImagePlugin.IFDRational(round(value * 100), 100)


def camera_exif(orientation: int) -> bytes:
    """EXIF as a phone writes it: orientation, camera, serial number, author and GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = ARTIST
    exif[ExifTags.Base.DateTime] = "2024:06:21 18:30:00"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = BODY_SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = tuple(_rational(v) for v in GPS_LATITUDE)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = tuple(_rational(v) for v in GPS_LONGITUDE)
    return exif.tobytes()


def xmp_packet(orientation: int) -> bytes:
    """An XMP packet as Lightroom or a phone writes it, with the orientation repeated in it."""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmpMM:DocumentID="{XMP_MARKER}">
   <xmp:CreatorTool>{CAMERA_MODEL}</xmp:CreatorTool>
   <tiff:Orientation>{orientation}</tiff:Orientation>
   <exif:GPSLatitude>45,45.86N</exif:GPSLatitude>
   <exif:GPSLongitude>4,50.04E</exif:GPSLongitude>
   <dc:creator><rdf:Seq><rdf:li>{ARTIST}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _save_jpeg(image: Image.Image, path: Path, orientation: int, **options: object) -> None:
    # Pillow writes XMP into JPEG itself (the `xmp` option, since Pillow 11; we require >= 12).
    image.save(
        path,
        "JPEG",
        quality=JPEG_QUALITY,
        exif=camera_exif(orientation),
        xmp=xmp_packet(orientation),
        **options,
    )


def photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """A photo-like RGB picture: smooth gradients, a few soft shapes and film-like grain."""
    width, height = size
    gradient = Image.linear_gradient("L")  # 256×256, black at the top
    vertical = gradient.resize(size, Image.Resampling.BILINEAR)
    horizontal = gradient.transpose(Image.Transpose.ROTATE_90)  # black on the left
    horizontal = horizontal.resize(size, Image.Resampling.BILINEAR)
    radial = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    image = Image.merge("RGB", (horizontal, radial, vertical.point(lambda v: 255 - v)))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    for _ in range(6):
        cx, cy = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(min(size) // 10, min(size) // 3)
        colour = (rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    image = image.filter(ImageFilter.BoxBlur(max(2, min(size) // 100)))
    grain = Image.frombytes("L", size, rng.randbytes(width * height)).convert("RGB")
    return Image.blend(image, grain, 0.07)


# --- A CMYK ICC profile, built by hand (ImageCms can only create sRGB, Lab and XYZ ones) ------

_D50 = (0.9642, 1.0, 0.8249)
# sRGB primaries adapted to D50, as in the ICC's sRGB profiles.
_SRGB_TO_XYZ_D50 = (
    (0.4360747, 0.3850649, 0.1430804),
    (0.2225045, 0.7168786, 0.0606169),
    (0.0139322, 0.0971045, 0.7141733),
)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab_from_linear_rgb(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    x, y, z = (sum(m * c for m, c in zip(row, rgb, strict=True)) for row in _SRGB_TO_XYZ_D50)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / _D50[0]), f(y / _D50[1]), f(z / _D50[2])
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _lab_to_naive_cmyk(lab: tuple[float, float, float]) -> tuple[float, ...]:
    """Lab → sRGB (clipped) → CMYK with full grey replacement; only fills the B2A0 table."""
    lightness, a, b = lab
    fy = (lightness + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def finv(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    xyz = (finv(fx) * _D50[0], finv(fy) * _D50[1], finv(fz) * _D50[2])
    # Inverse of _SRGB_TO_XYZ_D50 (Bradford-adapted sRGB).
    inverse = (
        (3.1338561, -1.6168667, -0.4906146),
        (-0.9787684, 1.9161415, 0.0334540),
        (0.0719453, -0.2289914, 1.4052427),
    )
    linear = [
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, xyz, strict=True)))) for row in inverse
    ]
    rgb = [c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055 for c in linear]
    k = 1 - max(rgb)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    return (*((1 - c - k) / (1 - k) for c in rgb), k)


def _ink_model_lab(inks: tuple[float, ...]) -> tuple[float, float, float]:
    """Lab of an ink mix: each ink filters light like a transparent layer of its own colour."""
    linear = [1.0, 1.0, 1.0]
    for amount, name in zip(inks, ("cyan", "magenta", "yellow", "black"), strict=True):
        for i, channel in enumerate(INK_SRGB[name]):
            linear[i] *= 1 - amount * (1 - _linear(channel))
    return _lab_from_linear_rgb((linear[0], linear[1], linear[2]))


def _encode_lab16(lab: tuple[float, float, float]) -> list[int]:
    """Lab in the ICC v2 16-bit encoding used by lut16Type (L 100 = 0xFF00, a/b 0 = 0x8000)."""
    lightness, a, b = lab
    values = (lightness * 65280 / 100, (a + 128) * 256, (b + 128) * 256)
    return [min(65535, max(0, round(v))) for v in values]


def _grid(points: int, dims: int) -> list[tuple[float, ...]]:
    """Grid nodes in ICC CLUT order (first input varies slowest), as fractions 0..1."""
    nodes: list[tuple[float, ...]] = [()]
    for _ in range(dims):
        nodes = [(*node, i / (points - 1)) for node in nodes for i in range(points)]
    return nodes


def _lut16(inputs: int, outputs: int, points: int, clut: list[int]) -> bytes:
    identity = (1, 0, 0, 0, 1, 0, 0, 0, 1)
    return b"".join(
        (
            b"mft2",
            bytes(4),
            struct.pack(">BBBB", inputs, outputs, points, 0),
            struct.pack(">9i", *(v << 16 for v in identity)),
            struct.pack(">HH", 2, 2),  # two-entry (identity) input and output curves
            struct.pack(">HH", 0, 65535) * inputs,
            struct.pack(f">{len(clut)}H", *clut),
            struct.pack(">HH", 0, 65535) * outputs,
        )
    )


def _s15f16(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def cmyk_icc_profile() -> bytes:
    """A small but complete ICC v2 printer profile: CMYK device, Lab PCS, A2B0 and B2A0 tables.

    Its inks are press-like (`INK_SRGB`), unlike the naive CMYK → RGB formula; LittleCMS
    (`PIL.ImageCms`) opens it and converts with it. The date is fixed so the bytes never change.
    """
    a2b0 = [v for node in _grid(5, 4) for v in _encode_lab16(_ink_model_lab(node))]
    b2a0: list[int] = []
    for lf, af, bf in _grid(5, 3):
        cmyk = _lab_to_naive_cmyk((lf * 100, af * 255 - 128, bf * 255 - 128))
        b2a0.extend(min(65535, max(0, round(v * 65535))) for v in cmyk)
    description = "Babillard test CMYK (press-like inks)"
    desc = b"".join(
        (
            b"desc",
            bytes(4),
            struct.pack(">I", len(description) + 1),
            description.encode("ascii") + b"\0",
            struct.pack(">II", 0, 0),  # no Unicode description
            struct.pack(">HB", 0, 0) + bytes(67),  # no Macintosh description
        )
    )
    tags = [
        (b"desc", desc),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test data.\0"),
        (b"wtpt", b"XYZ " + bytes(4) + b"".join(_s15f16(v) for v in _D50)),
        (b"A2B0", _lut16(4, 3, 5, a2b0)),
        (b"B2A0", _lut16(3, 4, 5, b2a0)),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = [struct.pack(">I", len(tags))], []
    for signature, body in tags:
        table.append(signature + struct.pack(">II", offset, len(body)))
        padded = body + bytes(-len(body) % 4)
        data.append(padded)
        offset += len(padded)
    header = b"".join(
        (
            struct.pack(">I", offset),
            bytes(4),  # preferred CMM: none
            struct.pack(">I", 0x02100000),  # version 2.1
            b"prtr",
            b"CMYK",
            b"Lab ",
            struct.pack(">6H", 2024, 1, 1, 0, 0, 0),
            b"acsp",
            bytes(4 + 4 + 4 + 4 + 8),  # platform, flags, manufacturer, model, attributes
            struct.pack(">I", 0),  # perceptual intent
            b"".join(_s15f16(v) for v in _D50),
            bytes(4 + 16 + 28),  # creator, profile id (none in v2), reserved
        )
    )
    assert len(header) == 128
    return header + b"".join(table) + b"".join(data)


# --- The decompression bomb ---------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(size: tuple[int, int] = BOMB_SIZE) -> bytes:
    """A valid 1-bit greyscale PNG of `size`, all black: ~110 kB on disk, 900 Mpx once decoded.

    Built chunk by chunk: Pillow would need the whole image in memory to write it.
    """
    width, height = size
    row = bytes(1 + (width + 7) // 8)  # filter byte "none", then zero bits
    compressor = zlib.compressobj(9)
    rows_per_call = 1000
    parts = [compressor.compress(row * rows_per_call) for _ in range(height // rows_per_call)]
    parts.append(compressor.compress(row * (height % rows_per_call)))
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", ihdr),
            _png_chunk(b"IDAT", b"".join(parts)),
            _png_chunk(b"IEND", b""),
        )
    )


# --- The optional HEIC ------------------------------------------------------------------------


def _heif_plugin() -> object | None:
    """pillow_heif, registered as a Pillow opener, or None when it is not installed."""
    try:
        import pillow_heif  # optional: a Pillow plugin
    except ImportError:
        return None
    pillow_heif.register_heif_opener()
    return pillow_heif


# --- The generator ------------------------------------------------------------------------------


def make_problem_images(folder: Path) -> dict[str, ProblemImage]:
    """Write every problem image into `folder` (created if needed); return them by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    images: dict[str, ProblemImage] = {}

    def add(name: str, kind: str, note: str, *, expect_error: bool = False) -> Path:
        path = folder / name
        images[name] = ProblemImage(name, path, kind, expect_error, note)
        return path

    upright = quadrant_picture()
    for orientation in range(1, 9):
        stored = _stored_for(upright, orientation)
        path = add(
            f"orientation-{orientation}.jpg",
            "orientation",
            f"EXIF Orientation {orientation} (also tiff:Orientation in XMP); stored "
            f"{stored.width}×{stored.height}, displayed as the upright {UPRIGHT_SIZE[0]}×"
            f"{UPRIGHT_SIZE[1]} quadrant picture. Carries GPS, Make/Model/BodySerialNumber, "
            "Artist and an XMP packet, all of which a thumbnail must drop.",
        )
        _save_jpeg(stored, path, orientation)

    cmyk = Image.new("CMYK", CMYK_SIZE, CMYK_RIGHT)
    cmyk.paste(CMYK_LEFT, (0, 0, CMYK_SIZE[0] // 2, CMYK_SIZE[1]))
    cmyk.save(
        add(
            "cmyk.jpg",
            "cmyk",
            "CMYK JPEG (Adobe APP14, inverted inks as Photoshop writes them), no ICC profile; "
            "left half solid cyan, right half solid yellow. Browsers show CMYK badly or not "
            "at all: a thumbnail must be RGB.",
        ),
        "JPEG",
        quality=JPEG_QUALITY,
    )
    cmyk.save(
        add(
            "cmyk-icc.jpg",
            "cmyk-icc",
            "The same CMYK picture with an embedded, hand-built ICC v2 CMYK profile (press-like "
            "inks, LittleCMS reads it): converting through the profile gives CMYK_ICC_RGB, "
            "the naive formula gives CMYK_NAIVE_RGB.",
        ),
        "JPEG",
        quality=JPEG_QUALITY,
        icc_profile=cmyk_icc_profile(),
    )

    photo = photo_like((800, 600), seed=3)
    photo.save(
        add("progressive.jpg", "progressive", "Progressive (multi-scan) JPEG, 800×600."),
        "JPEG",
        quality=JPEG_QUALITY,
        progressive=True,
    )

    width, height = 400, 300
    row = struct.pack(f"<{width}H", *(x * 65535 // (width - 1) for x in range(width)))
    Image.frombytes("I;16", (width, height), row * height).save(
        add(
            "sixteen-bit.png",
            "16-bit",
            "16-bit greyscale PNG (mode I;16), 400×300, black on the left to white on the "
            "right. Converting straight to 8-bit RGB clips it to white: it needs scaling.",
        )
    )

    palette = Image.new("P", (300, 300), 0)
    palette.putpalette(HIDDEN_COLOUR + PALETTE_CIRCLE_COLOUR)
    ImageDraw.Draw(palette).ellipse((50, 50, 249, 249), fill=1)
    palette.save(
        add(
            "palette-transparent.png",
            "palette-transparency",
            "Palette PNG whose background index 0 is transparent (its colour, magenta, must "
            "never show) with an opaque circle of PALETTE_CIRCLE_COLOUR in the middle.",
        ),
        transparency=0,
    )

    rgba = Image.new("RGBA", (400, 400), (*HIDDEN_COLOUR, 0))
    band = Image.new("RGBA", (400, 200), (255, 140, 0, 255))
    ramp = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90)  # 0 on the left
    band.putalpha(ramp.resize(band.size, Image.Resampling.BILINEAR))
    rgba.paste(band, (0, 100))
    ImageDraw.Draw(rgba).rectangle((0, 300, 399, 399), fill=(0, 128, 0, 255))
    rgba.save(
        add(
            "rgba.png",
            "alpha",
            "RGBA PNG, 400×400: top quarter fully transparent (hidden RGB magenta), middle "
            "half orange with alpha rising from 0 on the left to 255 on the right, bottom "
            "quarter opaque green. Flattening must composite, not drop the alpha channel.",
        )
    )

    frames = [Image.new("RGB", (200, 150), colour) for colour in GIF_FRAME_COLOURS]
    frames[0].save(
        add(
            "animated.gif",
            "animated",
            "Animated GIF, 3 frames (red, green, blue), 200×150, looping: a thumbnail keeps "
            "the first frame (or the animation), never a broken mix.",
        ),
        save_all=True,
        append_images=frames[1:],
        duration=200,
        loop=0,
    )

    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=JPEG_QUALITY)
    whole = buffer.getvalue()
    add(
        "truncated.jpg",
        "truncated",
        "An 800×600 baseline JPEG cut to 60% of its bytes (an interrupted upload): Pillow "
        "opens the header but load() fails unless ImageFile.LOAD_TRUNCATED_IMAGES is set.",
        expect_error=True,
    ).write_bytes(whole[: len(whole) * 60 // 100])

    upright.save(
        add(
            "lying-extension.jpg",
            "wrong-extension",
            "A PNG named .jpg: the content decides, not the extension. It is a valid upright "
            "600×400 quadrant picture and must be processed.",
        ),
        "PNG",
    )
    add(
        "not-an-image.jpg",
        "not-an-image",
        "A text file named .jpg: Image.open raises UnidentifiedImageError.",
        expect_error=True,
    ).write_text(
        "Ceci n'est pas une image.\nThis is plain text with a .jpg name.\n", encoding="utf-8"
    )
    add(
        "empty.jpg",
        "empty",
        "Zero bytes (a failed copy): Image.open raises UnidentifiedImageError.",
        expect_error=True,
    ).write_bytes(b"")

    add(
        "bomb.png",
        "decompression-bomb",
        f"Decompression bomb: a valid 1-bit PNG that declares {BOMB_SIZE[0]}×{BOMB_SIZE[1]} "
        f"(900 Mpx: 900 MB once decoded in mode 1, 3.6 GB as RGB) in ~110 kB. Must be "
        f"refused from its header, e.g. Image.MAX_IMAGE_PIXELS = {BOMB_PIXEL_LIMIT}.",
        expect_error=True,
    ).write_bytes(bomb_png())

    if _heif_plugin() is not None:
        heic_stored = _stored_for(quadrant_picture(HEIC_UPRIGHT_SIZE), 6)
        heic_stored.save(
            add(
                "phone.heic",
                "heic",
                "iPhone-style HEIC, stored 640×480 with EXIF orientation 6 plus GPS, camera "
                "and XMP metadata; displayed as the upright 480×640 quadrant picture. "
                "pillow_heif turns the orientation into an irot box on save and applies it "
                "on open, reporting Orientation 1 afterwards: do not rotate twice.",
            ),
            "HEIF",
            quality=80,
            exif=camera_exif(6),
            xmp=xmp_packet(6),
        )

    large = photo_like(LARGE_PHOTO_UPRIGHT_SIZE, seed=2024)
    band_height = round(LARGE_PHOTO_UPRIGHT_SIZE[1] * LARGE_PHOTO_BAND_FRACTION)
    large.paste(LARGE_PHOTO_BAND_COLOUR, (0, 0, LARGE_PHOTO_UPRIGHT_SIZE[0], band_height))
    _save_jpeg(
        _stored_for(large, 6),
        add(
            "large-photo.jpg",
            "large-photo",
            "A 6 Mpx phone photo: stored 3000×2000 with EXIF orientation 6, displayed "
            "2000×3000 with a solid red band across its top tenth. For timing and JPEG "
            "draft-mode (decode at 1/2, 1/4, 1/8) tests.",
        ),
        6,
    )
    return images
