"""An editor's file as the checks read it: its header lines, its path as editors see it,
and whether it is only an editor's backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The keys a French-speaking editor writes for Pelican's (lower case, with and without
# accents): suggested by name, since no spelling distance leads from « Résumé » to Summary.
FRENCH_KEYS = {
    "titre": "title", "catégorie": "category", "categorie": "category",
    "rubrique": "category", "étiquettes": "tags", "etiquettes": "tags",
    "étiquette": "tags", "etiquette": "tags", "mots-clés": "tags", "mots-cles": "tags",
    "mots clés": "tags", "mots cles": "tags", "mots-clefs": "tags", "mot-clé": "tags",
    "auteur": "author", "auteure": "author", "autrice": "author", "auteurs": "authors",
    "résumé": "summary", "resume": "summary", "chapô": "summary", "chapeau": "summary",
    "statut": "status", "état": "status", "etat": "status", "modifié": "modified",
    "modifie": "modified", "mise à jour": "modified", "mis à jour": "modified",
    "langue": "lang", "traduction": "translation", "modèle": "template",
    "modele": "template",
}  # fmt: skip


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
    root = Path(settings["PATH"]).resolve().parent
    path = path.resolve()
    return path.relative_to(root) if path.is_relative_to(root) else path


def editor_backup(name: str) -> bool:
    """Whether a file name is a backup or autosave an editor leaves beside the file
    (`x.md~`, `#x.md#`): no build reads it, and nothing is said of it."""
    return name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
