"""An `{attach}` link to a file that another link already publishes.

`[le compte rendu]({attach}/documents/cr.pdf)` publishes the file beside the page that links
it (/2026/fete/cr.pdf). A file has one place on the site: when a second page attaches it,
or another links it with `{static}`, the link leads to where the file already is, and
Pelican says so in English, naming the article without the line: "The {attach} link in
articles/x.md cannot relocate documents/cr.pdf because another link already referenced
its location. Falling back to {filename} link behavior instead."

The plugin's log filter says it in French instead, with the line and the link to write:
`{static}`, the form for a file several pages show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .links import marked_links
from .source import shown

# Pelican 4.12's message (pelican/contents.py, Static.attach_to). Its log filter limits it
# to four and a « More {attach} warnings silenced. »: the plugin's filter runs first, and
# names every one.
CANNOT_RELOCATE = (
    "The {attach} link in %s cannot relocate %s because %s. "
    "Falling back to {filename} link behavior instead."
)
# Pelican's reasons, as editors read them.
_REASONS = {
    "another link already referenced its location": (
        "un autre lien le publie déjà (avec {static}, ou avec {attach} dans une autre page)"
    ),
    # Another page's {attach} moved it first, or the settings give its address.
    "its output location was already overridden": (
        "une autre page le publie déjà à côté d’elle, avec {attach}"
    ),
}
_SET_BY_SETTINGS = "son adresse est fixée par les réglages (EXTRA_PATH_METADATA)"


def cannot_relocate(args: tuple[object, ...], settings: dict[str, Any]) -> str | None:
    """Pelican's "cannot relocate" message (its arguments: the linking source and the file,
    both from PATH, and the reason) as editors read it, or None if the source cannot be
    read or does not write such a link (Pelican's line is then kept)."""
    if len(args) != 3:
        return None
    root = Path(str(settings["PATH"]))
    source, attached = root / str(args[0]), root / str(args[1])
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    found = next(
        (
            (line, written, marker)
            for line, written, marker, _target, file in marked_links(source, text, root)
            if marker in ("{attach}", "|attach|") and file == attached
        ),
        None,
    )
    if found is None:
        return None
    line, written, marker = found
    reason = _REASONS.get(str(args[2]), str(args[2]))
    if str(args[1]) in (settings.get("EXTRA_PATH_METADATA") or {}):
        reason = _SET_BY_SETTINGS
    static = "{static}" + written[len(marker) :]
    relative = attached.relative_to(root).as_posix()
    return (
        f"{shown(source, settings)}:{line} : le lien « {written} » ne peut pas mettre "
        f"{relative} à côté de cette page : {reason} ; il mène à ce fichier-là → écrivez "
        f"« {static} », la forme juste pour un fichier que plusieurs pages montrent"
    )
