"""jsonschema's findings about a listing, said in French with the line and the fix.

The schema's `description` texts are the hints: they already say, in plain words, what a
key must hold.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError

from .errors import ContentError
from .hints import (
    close_to,
    date_hint,
    key_hint,
    kind_hint,
    phone_hint,
    price_hint,
    shape_hint,
)
from .schema import DATE_PATTERN, DATETIME_PATTERN
from .yamlfile import YamlDocument

_TYPE_NAMES = {
    "string": "du texte",
    "number": "un nombre",
    "integer": "un nombre entier",
    "object": "une liste de « clé: valeur » en retrait",
    "array": "une liste",
    "boolean": "true ou false",
    "null": "vide",
}
_PYTHON_TYPE_NAMES = {
    str: "du texte",
    int: "un nombre",
    float: "un nombre",
    bool: "true/false",
    list: "une liste",
    dict: "des « clé: valeur »",
    type(None): "vide",
}
# Contact details typed into the description would defeat the contact protection.


def _meant_keys(value: object, schema: dict[str, Any]) -> set[str]:
    """The known keys that unknown keys of `value` stand for (« prix » for « price »): a
    missing key written under another name gets one error, the unknown key's, not two."""
    known = list(schema.get("properties", {}))
    if not isinstance(value, dict) or schema.get("additionalProperties") is not False:
        return set()
    return {key_hint(str(name), known) for name in value if name not in known} - {None}


def _key_name(where: tuple[str | int, ...]) -> str:
    """« contact.email », « photos n°2 »: list items counted from 1, as editors count."""
    name = ""
    for part in where:
        name += f" n°{part + 1}" if isinstance(part, int) else f"{'.' if name else ''}{part}"
    return name or "annonce"


def translate(
    path: Path, doc: YamlDocument, error: ValidationError, schema: dict[str, Any]
) -> list[ContentError]:
    """One jsonschema finding as editor messages (a `required` finding names one key)."""
    where = tuple(error.absolute_path)
    line, column = doc.line_of(where)
    key = _key_name(where)
    value = error.instance
    description = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    kind = error.validator

    def problem(message: str, hint: str = description) -> list[ContentError]:
        return [ContentError(path, line, message, hint, column)]

    if kind == "required":
        # jsonschema reports each missing key as its own error: "'title' is a required…"
        missing = re.findall(r"^'([^']+)' is a required property", error.message)
        properties = error.schema.get("properties", {})
        if not properties and where == ():
            properties = schema["properties"]
        written_otherwise = _meant_keys(value, error.schema)  # said on the unknown key's line
        return [
            ContentError(
                path,
                line,
                f"il manque la clé « {name} »" + (f" dans « {key} »" if where else ""),
                f"ajoutez une ligne « {name}: … » — "
                + properties.get(name, {}).get("description", ""),
                column,
            )
            for name in missing
            if name not in written_otherwise
        ]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        results = []
        for extra in [name for name in value if name not in known]:
            extra_line, extra_column = doc.line_of((*where, extra))
            meant = key_hint(str(extra), known)
            hint = (
                (f"vouliez-vous dire « {meant} » ? " if meant else "")
                + "Clés possibles : "
                + ", ".join(known)
                + "."
            )
            results.append(
                ContentError(path, extra_line, f"clé inconnue « {extra} »", hint, extra_column)
            )
        return results
    if kind == "enum":
        choices = [str(choice) for choice in error.validator_value]
        meant = (kind_hint(str(value), choices) if key == "kind" else None) or close_to(
            str(value), choices
        )
        hint = (
            (f"vouliez-vous dire « {meant} » ? " if meant else "")
            + "Choisissez parmi : "
            + ", ".join(choices)
            + "."
        )
        return problem(f"« {key} » vaut « {value} », qui n’est pas une valeur connue", hint)
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        got = _PYTHON_TYPE_NAMES.get(type(value), type(value).__name__)
        expected = " ou ".join(_TYPE_NAMES.get(t, t) for t in wanted if t != "null")
        hint = description
        if "number" in wanted and isinstance(value, str):
            hint = price_hint(value) or description
        elif isinstance(value, str):
            hint = shape_hint(key, value) or description
        return problem(f"« {key} » doit être {expected}, pas {got}", hint)
    if kind == "minLength":
        if error.validator_value <= 1:
            return problem(f"« {key} » est vide")
        return problem(
            f"« {key} » est trop court ({len(value)} caractères, {error.validator_value} au moins)"
        )
    if kind == "maxLength":
        return problem(
            f"« {key} » est trop long ({len(value)} caractères, {error.validator_value} au plus)"
        )
    if kind == "minimum":
        return problem(f"« {key} » ne peut pas être négatif ({value})")
    if kind == "minProperties":
        return problem(
            f"« {key} » ne donne aucun moyen de contact",
            "ajoutez en dessous, en retrait, au moins une ligne « email: … », "
            "« phone: … » ou « url: … »",
        )
    if kind == "maxItems":
        return problem(f"« {key} » a {len(value)} éléments, {error.validator_value} au plus")
    if kind == "pattern":
        hint = description
        if error.validator_value in (DATE_PATTERN, DATETIME_PATTERN) and isinstance(value, str):
            hint = date_hint(value, with_time=error.validator_value == DATETIME_PATTERN) or hint
        if where == ("contact", "phone") and isinstance(value, str):
            hint = phone_hint(value) or hint
        if where[:1] == ("photos",):  # plan.pdf, or a name with no extension
            return problem(f"« {key} » : « {value} » n’est pas le nom d’une photo", hint)
        return problem(f"« {key} » : « {value} » n’a pas la forme attendue", hint)
    if kind == "not" and where == ():
        return [
            ContentError(
                path,
                *doc.line_of(("event",))[:1],
                "seul un événement peut avoir une clé « event »",
                "mettez « kind: événement », ou retirez le bloc « event »",
            )
        ]
    return problem(f"« {key} » : {error.message}")
