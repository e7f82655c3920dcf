"""An editor's file as the checks read it: its header lines, its path as editors see it,
and whether it is only an editor's backup."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

# The keys a French-speaking editor writes for Pelican's, by their slug (no accents, no
# capitals, hyphens): suggested by name, since no spelling distance leads from « Résumé »
# to Summary.
FRENCH_KEYS = {
    "titre": "title", "categorie": "category", "rubrique": "category", "etiquette": "tags",
    "etiquettes": "tags", "mot-cle": "tags", "mots-cles": "tags", "mots-clefs": "tags",
    "auteur": "author", "auteure": "author", "autrice": "author", "auteurs": "authors",
    "resume": "summary", "chapo": "summary", "chapeau": "summary", "statut": "status",
    "etat": "status", "modifie": "modified", "mise-a-jour": "modified",
    "mis-a-jour": "modified", "langue": "lang", "traduction": "translation",
    "modele": "template",
}  # fmt: skip


def english_key(key: str) -> str | None:
    """Pelican's key for a key written in French (« Mots clés » → tags), or None."""
    return FRENCH_KEYS.get(slugify(key, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]))


def header_lines(text: str) -> list[tuple[int, str, str]]:
    """(line, key as written, value) of each `Key: value` line of a Markdown header, up to
    the first blank line. Indented lines continue the line before: they have no key."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if colon and key.strip() and line[0] not in " \t":
            found.append((number, key.strip(), value.strip()))
    return found


def shown(path: Path, settings: dict[str, Any]) -> Path:
    """`content/articles/x.md`: relative to the folder holding PATH, as editors see it."""
    root = _resolved(str(settings["PATH"])).parent
    path = path.resolve()
    return path.relative_to(root) if path.is_relative_to(root) else path


@functools.lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    # Once per content folder, not once per message: resolving costs a system call per part
    # of the path, and a build names its content folder for every file it checks.
    return Path(folder).resolve()


def editor_backup(name: str) -> bool:
    """Whether a file name is a backup or autosave an editor leaves beside the file
    (`x.md~`, `#x.md#`): no build reads it, and nothing is said of it."""
    return name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
