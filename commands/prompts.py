"""Asking editors questions in the terminal, and turning their answers into file content."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path


def slugify(title: str) -> str:
    """`Fête des voisins : venez !` → `fete-des-voisins-venez`, as Pelican slugifies."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    slug = slugify(unicodedata.normalize("NFC", title), DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    return slug.strip("-")


def known_categories(articles: Path) -> list[str]:
    """The categories already used by articles, so a new article reuses one."""
    found = set()
    for path in articles.glob("*.md"):
        if not path.is_file():  # a folder named "x.md"
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            if key.strip().lower() == "category" and value.strip():
                found.add(value.strip())
    return sorted(found)


def ask(question: str, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{question}{suffix} : ").strip()
    return answer or default


def choose(question: str, choices: dict[str, str]) -> str:
    """Ask for one of `choices` by number or by name; ask again until the answer is one."""
    keys = list(choices)
    for number, key in enumerate(keys, start=1):
        print(f"  {number}. {choices[key]} ({key})")
    while True:
        answer = input(f"{question} (numéro) : ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        if answer in choices:
            return answer
        print(f"Répondez par un numéro de 1 à {len(keys)}.")


def yaml_text(value: str) -> str:
    # A JSON string is a valid YAML scalar, whatever it contains (colons, quotes, #).
    return json.dumps(value, ensure_ascii=False)
