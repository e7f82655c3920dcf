"""Responsive, private, cached thumbnails for Pelican: every local image becomes a <picture>.

Settings: see README.md in this folder (defaults in settings.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from .images import ImageProblem, ImageTooLarge
from .rewrite import rewrite
from .service import ThumbnailService
from .settings import configure

_service: ThumbnailService | None = None


def _start(pelican: Any) -> None:
    # At `initialized`: settings are checked before anything is read, and the template
    # helpers exist before generators build their Jinja environments.
    global _service
    configure(pelican.settings)
    _service = ThumbnailService(pelican.settings)
    pelican.settings["JINJA_GLOBALS"] = {
        **pelican.settings.get("JINJA_GLOBALS", {}),
        "responsive_image": responsive_image,
        "social_image": social_image,
    }


@pass_context
def responsive_image(
    context: Any,
    path: str,
    alt: str,
    eager: bool = False,
    sizes: str | None = None,
    page: Any = None,
) -> Markup:
    """Template helper: `<picture>` for an image under PATH, or "" if it cannot be used."""
    if _service is None:
        return Markup("")
    source = _service.content_root / path
    markup = _service.picture(
        source, alt, eager=eager, sizes=sizes, page=page or context.get("output_file")
    )
    return markup or Markup("")


@pass_context
def social_image(context: Any, path: str, page: Any = None) -> str:
    """Template helper: absolute URL of the 1200×630 sharing image (og:image), or ""."""
    if _service is None:
        return ""
    return (
        _service.social_image(_service.content_root / path, page or context.get("output_file"))
        or ""
    )


def _rewrite_content(instance: Any) -> None:
    # At `content_object_init`: the HTML is fresh from Markdown, before Pelican caches or
    # renders it, so every later use (pages, feeds, summaries) gets the responsive markup.
    if _service is None or not getattr(instance, "_content", None):
        return
    instance._content = rewrite(instance._content, Path(instance.source_path), _service)


def _keep_originals_private(generator: Any) -> None:
    # Originals carry GPS positions: only broken images (linked as they are) stay published.
    if _service is None or _service.settings["THUMBNAIL_PUBLISH_ORIGINALS"]:
        return
    root = _service.source_root

    def published(static: Any) -> bool:
        path = Path(static.source_path).resolve()
        if not path.is_relative_to(root) or path.suffix.lower() in (".md", ".txt"):
            return True
        info = _service.source(path)
        return isinstance(info, ImageProblem) and not isinstance(info, ImageTooLarge)

    kept = [static for static in generator.staticfiles if published(static)]
    # StaticGenerator copies what is in its context, filled just before this signal.
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept


def _finish(pelican: Any) -> None:
    global _service
    if _service is not None:
        _service.finish(Path(pelican.settings["OUTPUT_PATH"]))
    _service = None  # a fresh state for the next build (--autoreload)


def start_partial(pelican: Any) -> None:
    """Before a partial build re-reads content (a resident process, livereload): the
    helpers work again, and `partial_ready` can then say whether it may skip publishing."""
    _start(pelican)


def partial_ready(pelican: Any) -> bool:
    """After a partial build read its content and rendered its pages: True if every
    rendition they use is already published (a partial build encodes and removes nothing);
    False means: build in full. Either way the plugin is left as after a build."""
    global _service
    service, _service = _service, None
    return service is not None and service.published_already(Path(pelican.settings["OUTPUT_PATH"]))


def register() -> None:
    """Pelican entry point."""
    signals.initialized.connect(_start)
    signals.content_object_init.connect(_rewrite_content)
    signals.static_generator_finalized.connect(_keep_originals_private)
    signals.finalized.connect(_finish)
