"""Pure image work with Pillow: inspect a source safely, and render its renditions.

Runs in worker processes, so it keeps no state and imports nothing from Pelican.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import PIL
from PIL import Image, ImageCms, ImageOps

try:  # HEIC/HEIF from phones; the wheel ships libheif.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - it is in the lock file
    pillow_heif = None

# Bump when rendering changes: every cached rendition is then made again.
RENDER_VERSION = "2"
# The libraries that decode and encode: an upgrade may change the bytes of a rendition (or
# what an image is found to be), so their versions are part of every cache key too.
LIBRARIES = f"Pillow {PIL.__version__}, pillow-heif {getattr(pillow_heif, '__version__', '-')}"
_SRGB = ImageCms.createProfile("sRGB")
_SWAPS_AXES = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter


class ImageProblem(Exception):
    """An image that cannot be rendered; the message is for an editor, in French.

    The page keeps a plain link to the original, which stays published.
    """

    # What the editor does, and what the page does meanwhile: the two halves of the hint.
    fix = "remplacez-la par une photo JPEG, PNG, WebP ou HEIC lisible"
    meanwhile = "la page garde un simple lien vers le fichier"


class ImageMissing(ImageProblem):
    """No file at that path: a name mistyped (case, accents, extension) or a photo not added."""

    fix = "vérifiez son nom et son dossier (majuscules, accents, extension), ou ajoutez-la"
    meanwhile = "le lien de la page reste mort"

    def __init__(self) -> None:
        super().__init__("le fichier n’existe pas")


class ImageTooLarge(ImageProblem):
    """Over THUMBNAIL_MAX_PIXELS: not safe to serve at all, so pages leave it out."""

    fix = "réduisez ses dimensions avant de l’ajouter"  # the message gives the limit
    meanwhile = "elle n’est pas affichée"


@dataclass(frozen=True)
class SourceInfo:
    """What we need to know of a source image to plan its renditions."""

    sha256: str
    width: int  # as displayed, after EXIF orientation
    height: int
    family: str  # "jpeg" (opaque) or "png" (transparency is used)
    animated: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Spec:
    """One rendition: its size, format and quality. `crop` fills the box exactly."""

    width: int
    height: int
    fmt: str  # "webp", "jpeg" or "png"
    quality: int | None
    crop: bool = False

    def key(self, sha256: str) -> str:
        """The cache key: the source's content and every parameter that changes the bytes."""
        size = f"{self.width}x{self.height}"
        raw = f"{RENDER_VERSION}|{LIBRARIES}|{sha256}|{size}|{self.fmt}|{self.quality}|{self.crop}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    @property
    def extension(self) -> str:
        return "jpg" if self.fmt == "jpeg" else self.fmt


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _open(path: Path, max_pixels: int) -> Image.Image:
    if path.stat().st_size == 0:
        raise ImageProblem("le fichier est vide (0 octet)")
    # open() reads only the header; Pillow's own bomb check would refuse before we learn the
    # size, so it is off for this call and our limit, with the size in the message, applies.
    previous_limit = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = None
        image = Image.open(path)
    except (OSError, SyntaxError, ValueError):
        raise ImageProblem(
            "ce n’est pas une image lisible (fichier abîmé, ou d’un autre type que son extension)"
        ) from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        raise ImageTooLarge(
            f"l’image est démesurée ({width} × {height} pixels, {max_pixels:,} au plus)".replace(
                ",", " "
            )
        )
    return image


def inspect(path: Path, max_pixels: int) -> SourceInfo:
    """Check that `path` decodes completely, and describe it. Raises ImageProblem."""
    sha = file_sha256(path)
    image = _open(path, max_pixels)
    try:
        width, height = image.size  # before draft mode shrinks it
        orientation = image.getexif().get(0x0112, 1)
        animated = bool(getattr(image, "is_animated", False))
        if image.format == "JPEG":
            # Decoding at 1/8 scale still reads the whole stream: truncation shows, fast.
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
        transparent = _uses_transparency(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ImageProblem(
            "l’image est abîmée ou incomplète (le fichier est peut-être coupé)"
        ) from None
    finally:
        image.close()
    if orientation in _SWAPS_AXES:
        width, height = height, width
    return SourceInfo(sha, width, height, "png" if transparent else "jpeg", animated)


def _uses_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return "transparency" in image.info


def _to_srgb(image: Image.Image, keep_alpha: bool) -> Image.Image:
    """8-bit sRGB (or sRGBA): what browsers show the same everywhere."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit: scale to 8 bits instead of clipping everything above 255 to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if keep_alpha and image.mode in ("RGBA", "LA") else "RGB"
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert("RGBA" if keep_alpha else "RGB")
            image = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to Pillow's plain conversion below
    target = "RGBA" if keep_alpha else "RGB"
    return image if image.mode == target else image.convert(target)


def render(path: Path, specs: list[Spec], max_pixels: int) -> list[bytes]:
    """Decode `path` once and encode every spec. Metadata never reaches the output."""
    image = _open(path, max_pixels)
    with image:
        orientation = image.getexif().get(0x0112, 1)
        if image.format == "JPEG":
            box = max(s.width for s in specs), max(s.height for s in specs)
            if orientation in _SWAPS_AXES:
                box = box[::-1]
            # JPEG draft mode: decode at the smallest 1/2ⁿ scale still larger than needed.
            image.draft("RGB", box)
        image.seek(0)  # animated images: the first frame
        frame = ImageOps.exif_transpose(image)
        keep_alpha = any(spec.fmt in ("png", "webp") for spec in specs) and _uses_transparency(
            frame
        )
        frame = _to_srgb(frame, keep_alpha)
    # Resize once per size, largest first, each from the next larger one: a 400 px
    # rendition made from the 800 px one looks the same and costs a fraction.
    resized: dict[tuple[int, int, bool], Image.Image] = {}
    previous = frame
    for width, height, crop in sorted({(s.width, s.height, s.crop) for s in specs}, reverse=True):
        if crop:
            resized[(width, height, crop)] = ImageOps.fit(
                frame, (width, height), Image.Resampling.LANCZOS
            )
            continue
        base = previous if previous.width >= width else frame
        previous = base.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
        resized[(width, height, crop)] = previous
    for image in resized.values():
        image.info = {}  # no EXIF, XMP, ICC or comment is carried over
    results = []
    for spec in specs:
        out = resized[(spec.width, spec.height, spec.crop)]
        if spec.fmt == "jpeg" and out.mode != "RGB":
            out = out.convert("RGB")
            out.info = {}
        buffer = io.BytesIO()
        if spec.fmt == "webp":
            out.save(buffer, "WEBP", quality=spec.quality, method=4)
        elif spec.fmt == "jpeg":
            out.save(buffer, "JPEG", quality=spec.quality, optimize=True, progressive=True)
        else:
            out.save(buffer, "PNG", optimize=True)
        results.append(buffer.getvalue())
    return results
