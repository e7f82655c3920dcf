"""One build's thumbnail work: plan renditions, give pages their markup, encode what is missing.

Pages ask for images while Pelican renders them (`picture()`): that only plans and returns
markup. The encoding happens once, at the end of the build (`finish()`), in parallel, and only
for renditions missing from the cache. The cache lives outside output/ and is keyed by the
source's content hash and every parameter, so an unchanged image costs nothing next time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican.utils import slugify

from .check import mention_line
from .images import (
    LIBRARIES,
    ImageMissing,
    ImageProblem,
    ImageTooLarge,
    SourceInfo,
    Spec,
    file_sha256,
    inspect,
    render,
)
from .output import write_if_changed

logger = logging.getLogger(__name__)

_SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


@dataclass
class Stats:
    """What the last build did; written to the cache folder for tests and `invoke bench`."""

    encoded: int = 0
    reused: int = 0
    published: int = 0
    sources: int = 0
    problems: list[str] = field(default_factory=list)


class ThumbnailService:
    """The plugin's state for one build (reset after `finalized`, for --autoreload)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.content_root = Path(settings["PATH"]).resolve()
        self.source_root = (self.content_root / settings["THUMBNAIL_SOURCE_PATH"]).resolve()
        cache = Path(settings["THUMBNAIL_CACHE_PATH"])
        self.cache_root = cache if cache.is_absolute() else self.content_root.parent / cache
        # Versioned: entries written by an older plugin may lack fields (too_large), and
        # another Pillow may see an image otherwise.
        libraries = hashlib.sha256(LIBRARIES.encode()).hexdigest()[:8]
        self.index_path = self.cache_root / f"sources-v3-{libraries}.json"
        self.max_pixels = settings["THUMBNAIL_MAX_PIXELS"]
        self.siteurl = settings.get("SITEURL", "")
        stored = self._load_index()
        self._index: dict[str, dict[str, Any]] = stored.get("sources", {})
        self._hashes: dict[str, list[Any]] = stored.get("files", {})
        self._sources: dict[Path, SourceInfo | ImageProblem] = {}
        self._social: dict[Path, str | None] = {}
        self._resolve_memo: dict[Path, Path] = {}
        self._jobs: dict[Path, dict[str, Spec]] = {}
        self._published: dict[str, tuple[str, str]] = {}  # output path → (key, extension)
        self._reported: set[tuple[Path, str]] = set()
        self._first_page: dict[Path, Path | str | None] = {}  # to name it in late problems
        self.stats = Stats()

    # --- sources ------------------------------------------------------------------------

    def _load_index(self) -> dict[str, dict[str, Any]]:
        try:
            return json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _content_hash(self, path: Path) -> str:
        """The file's SHA-256, re-read only when its size or modification time changed.

        The hash stays the cache key; the stat only spares reading thousands of unchanged
        photos on every build (as git's index does).
        """
        stat = path.stat()
        name = str(path)
        known = self._hashes.get(name)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        sha = file_sha256(path)
        self._hashes[name] = [stat.st_size, stat.st_mtime_ns, sha]
        return sha

    def source(self, path: Path) -> SourceInfo | ImageProblem:
        """What `path` is, or why it cannot be used. Decodes each content only once, ever."""
        path = self._resolved(path)
        if path in self._sources:
            return self._sources[path]
        try:
            sha = self._content_hash(path)
        except OSError:
            result: SourceInfo | ImageProblem = ImageMissing()
        else:
            known = self._index.get(f"{sha}|{self.max_pixels}")
            if known and "error" in known:
                kind = ImageTooLarge if known.get("too_large") else ImageProblem
                result = kind(known["error"])
            elif known:
                result = SourceInfo(**known)
            else:
                try:
                    result = inspect(path, self.max_pixels)
                    self._index[f"{sha}|{self.max_pixels}"] = result.to_json()
                except ImageProblem as problem:
                    result = problem
                    self._index[f"{sha}|{self.max_pixels}"] = {
                        "error": str(problem),
                        "too_large": isinstance(problem, ImageTooLarge),
                    }
        self._sources[path] = result
        return result

    def _resolved(self, path: Path) -> Path:
        # Path.resolve() asks the file system for every part of the path: pages ask about
        # the same few images thousands of times per build.
        found = self._resolve_memo.get(path)
        if found is None:
            found = self._resolve_memo[path] = path.resolve()
        return found

    def is_renderable(self, path: Path) -> bool:
        return isinstance(self.source(path), SourceInfo)

    def report(self, image: Path, page: Path | str | None, problem: ImageProblem) -> None:
        """Log a problem once per image and page: the editor sees which file, and where."""
        key = (image, str(page))
        if key in self._reported:
            return
        self._reported.add(key)
        where = f" (utilisée par {self._where(image, page)})" if page else ""
        fix = f"{problem.fix} ; en attendant, {problem.meanwhile}"
        message = f"{_relative(image, self.content_root.parent)}{where} : {problem} → {fix}"
        self.stats.problems.append(message)
        logger.error("%s", message)

    def _where(self, image: Path, page: Path | str) -> str:
        """`page` as the editor knows it, with the line naming `image` if it is a source."""
        where = _relative(page, self.content_root.parent)
        source = Path(str(page)).resolve()
        # Templates may pass an output file name: only a file under content/ is the editor's.
        if source.is_relative_to(self.content_root):
            line = mention_line(source, image)
            if line:
                return f"{where}:{line}"
        return where

    # --- planning -----------------------------------------------------------------------

    def _plan(self, path: Path, info: SourceInfo, spec: Spec, label: str) -> str:
        """Register one rendition; returns its URL path inside the output."""
        key = spec.key(info.sha256)
        self._jobs.setdefault(path, {})[key] = spec
        stem = _stem_slug(path.stem)
        name = (
            f"{self.settings['THUMBNAIL_OUTPUT_PATH']}/{stem}-{label}-{key[:10]}.{spec.extension}"
        )
        self._published[name] = (key, spec.extension)
        return name

    def _usable(self, path: Path, page: Path | str | None) -> tuple[Path, SourceInfo] | None:
        """`path` resolved and what it is, if it can be rendered; else None, and the problem
        is logged with `page` (the first page that asks for it is remembered either way)."""
        path = self._resolved(path)
        info = self.source(path)
        if isinstance(info, ImageProblem):
            self.report(path, page, info)
            return None
        self._first_page.setdefault(path, page)
        return path, info

    def _widths(self, info: SourceInfo) -> list[int]:
        # Never enlarge: widths above the source's are replaced by the source's own width.
        return sorted({min(width, info.width) for width in self.settings["THUMBNAIL_WIDTHS"]})

    def picture(
        self,
        path: Path,
        alt: str,
        *,
        eager: bool = False,
        sizes: str | None = None,
        page: Path | str | None = None,
        extra: dict[str, str] | None = None,
    ) -> Markup | None:
        """`<picture>` markup for `path` (WebP + JPEG/PNG, srcset, sizes, width, height).

        Returns None when the image cannot be used; the problem is logged with `page`.
        """
        usable = self._usable(path, page)
        if usable is None:
            return None
        path, info = usable
        if info.animated and (path, "animated") not in self._reported:
            self._reported.add((path, "animated"))
            logger.warning(
                "%s : GIF animé, seule sa première image est montrée → pour une "
                "animation, publiez plutôt une vidéo courte",
                _relative(path, self.content_root.parent),
            )
        quality = self.settings["THUMBNAIL_QUALITY"]
        sets: dict[str, list[str]] = {"webp": [], info.family: []}
        largest: tuple[int, int] = (0, 0)
        fallback = ""
        for width in self._widths(info):
            height = max(1, round(info.height * width / info.width))
            for fmt in sets:
                spec = Spec(width, height, fmt, quality.get(fmt))
                url = f"{self.siteurl}/{self._plan(path, info, spec, f'{width}w')}"
                sets[fmt].append(f"{url} {width}w")
                if fmt == info.family and (not fallback or width <= 800):
                    fallback = url
            largest = (width, height)
        sizes = sizes or self.settings["THUMBNAIL_SIZES"]
        attributes = {
            "src": fallback,
            "srcset": ", ".join(sets[info.family]),
            "sizes": sizes,
            "width": str(largest[0]),
            "height": str(largest[1]),
            "alt": alt,
            **({} if eager else {"loading": "lazy"}),
            "decoding": "async",
            **(extra or {}),
        }
        img = " ".join(
            f'{name}="{escape(value, quote=True)}"' for name, value in attributes.items()
        )
        return Markup(
            f'<picture><source type="image/webp" srcset="{escape(", ".join(sets["webp"]))}" '
            f'sizes="{escape(sizes)}"><img {img}></picture>'
        )

    def full_size(self, path: Path, page: Path | str | None = None) -> str | None:
        """URL of the largest rendition of `path` in its own family (JPEG or PNG): the
        photo "in full size" that a link can lead to, since the original is not published.
        It is the largest of the `<picture>` renditions: no more encoding when the page also
        shows the photo. None when the image cannot be used; the problem is logged."""
        usable = self._usable(path, page)
        if usable is None:
            return None
        path, info = usable
        width = self._widths(info)[-1]
        height = max(1, round(info.height * width / info.width))
        spec = Spec(width, height, info.family, self.settings["THUMBNAIL_QUALITY"].get(info.family))
        return f"{self.siteurl}/{self._plan(path, info, spec, f'{width}w')}"

    def social_image(self, path: Path, page: Path | str | None = None) -> str | None:
        """Absolute URL of a JPEG cropped to THUMBNAIL_SOCIAL_SIZE, for og:image."""
        # The site's default sharing image is asked for by every page: answer from memory
        # (a problem with it is reported once, with the first page that asked).
        if path in self._social:
            return self._social[path]
        self._social[path] = url = self._social_image(path, page)
        return url

    def _social_image(self, path: Path, page: Path | str | None) -> str | None:
        usable = self._usable(path, page)
        if usable is None:
            return None
        path, info = usable
        box_w, box_h = self.settings["THUMBNAIL_SOCIAL_SIZE"]
        scale = min(1.0, info.width / box_w, info.height / box_h)  # never enlarge
        spec = Spec(
            max(1, round(box_w * scale)),
            max(1, round(box_h * scale)),
            "jpeg",
            self.settings["THUMBNAIL_QUALITY"]["jpeg"],
            crop=True,
        )
        return f"{self.siteurl}/{self._plan(path, info, spec, 'partage')}"

    # --- the end of the build -----------------------------------------------------------

    def _cache_file(self, key: str, extension: str) -> Path:
        return self.cache_root / "renditions" / key[:2] / f"{key}.{extension}"

    def published_already(self, output: Path) -> bool:
        """Whether every rendition planned so far is already in `output` (its name carries
        its key): a partial build, which publishes nothing, may then rely on them."""
        return all((output / name).is_file() for name in self._published)

    def finish(self, output: Path) -> Stats:
        """Encode missing renditions in parallel, publish this build's, remove stale ones."""
        todo: list[tuple[Path, list[str], list[Spec]]] = []
        for path, specs in sorted(self._jobs.items()):
            missing = {
                k: s for k, s in specs.items() if not self._cache_file(k, s.extension).is_file()
            }
            self.stats.reused += len(specs) - len(missing)
            if missing:
                todo.append((path, list(missing), list(missing.values())))
        self.stats.sources = len(self._jobs)
        self._encode(todo)
        self._publish(output)
        self.cache_root.mkdir(parents=True, exist_ok=True)
        write_if_changed(
            self.index_path,
            json.dumps(
                {"sources": self._index, "files": self._hashes}, indent=1, sort_keys=True
            ).encode(),
        )
        (self.cache_root / "last-build.json").write_text(
            json.dumps(self.stats.__dict__, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        if self._jobs:
            logger.info(
                "Images : %d rendus, %d repris du cache, %d publiés",
                self.stats.encoded,
                self.stats.reused,
                self.stats.published,
            )
        return self.stats

    def _encode(self, todo: list[tuple[Path, list[str], list[Spec]]]) -> None:
        if not todo:
            return
        workers = self.settings["THUMBNAIL_WORKERS"] or os.cpu_count() or 1
        total, done = sum(len(keys) for _, keys, _ in todo), 0
        progress = sys.stderr.isatty() and total > 8
        pool = None
        if workers > 1 and len(todo) > 1:
            try:  # workers are started by the first submits
                pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)))
                futures = {
                    pool.submit(_safe_render, item[0], item[2], self.max_pixels): item
                    for item in todo
                }
            except (OSError, RuntimeError) as error:  # BrokenProcessPool is a RuntimeError
                logger.info("Images : rendu sans processus parallèles (%s)", error)
                if pool is not None:
                    pool.shutdown(cancel_futures=True)
                pool = None
        if pool is None:
            results = ((item, _safe_render(item[0], item[2], self.max_pixels)) for item in todo)
        else:
            results = ((futures[f], f.result()) for f in as_completed(futures))
        try:
            for (path, keys, specs), outcome in results:
                if isinstance(outcome, ImageProblem):
                    self.report(path, self._first_page.get(path), outcome)
                    continue
                for key, spec, data in zip(keys, specs, outcome, strict=True):
                    write_if_changed(self._cache_file(key, spec.extension), data)
                    self.stats.encoded += 1
                done += len(keys)
                if progress:
                    sys.stderr.write(f"\rImages : {done}/{total} rendus")
        finally:
            if pool:
                pool.shutdown()
            if progress:
                sys.stderr.write("\n")

    def _publish(self, output: Path) -> None:
        folder = output / self.settings["THUMBNAIL_OUTPUT_PATH"]
        for name, (key, extension) in sorted(self._published.items()):
            cached = self._cache_file(key, extension)
            if cached.is_file():
                write_if_changed(output / name, cached.read_bytes())
                self.stats.published += 1
        # Renditions no page uses any more are not published.
        wanted = {output / name for name in self._published}
        if folder.is_dir():
            for stale in folder.rglob("*"):
                if stale.is_file() and stale not in wanted:
                    stale.unlink()


def _safe_render(path: Path, specs: list[Spec], max_pixels: int) -> list[bytes] | ImageProblem:
    """render() for a worker process: an image problem comes back as a value, not a crash."""
    try:
        return render(path, specs, max_pixels)
    except ImageProblem as problem:
        return problem
    except (OSError, ValueError) as error:
        return ImageProblem(f"l’image n’a pas pu être convertie ({error})")


def _relative(path: Path | str | None, root: Path) -> str:
    path = Path(str(path))
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=4096)
def _stem_slug(stem: str) -> str:
    # Each photo is planned at every width on every page that shows it: slugify its name once.
    return slugify(stem, regex_subs=_SLUG_SUBS) or "image"
