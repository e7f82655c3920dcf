"""The listing file format, as a JSON Schema: the one description of what a listing may contain.

The build validates every listing against it (see validate.py), and `invoke schema` writes it
to schema/listing.schema.json so editors' text editors can check YAML as they type. Checks a
JSON Schema cannot express (a date that exists, `expires` after `date`, a photo on disk) are
in validate.py. The `description` texts are what editors see: keep them in plain French.
"""

from __future__ import annotations

from typing import Any

from .settings import STATUSES

SCHEMA_ID = "https://babillard.example.org/schema/listing.schema.json"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$"
# The contact's forms (hints.py recognises a contact written on one line by them).
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^\+?[0-9][0-9 .\-]{5,20}$"
URL_PATTERN = r"^https?://\S+$"
TITLE_MIN, TITLE_MAX = 5, 90


def _text(description: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description, **more}


def listing_schema(settings: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one listing file, with this site's kinds and categories."""
    kinds = list(settings["LISTING_KINDS"])
    categories = list(settings["LISTING_CATEGORIES"])
    currency = settings["LISTING_CURRENCY"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Petite annonce",
        "description": "Une annonce par fichier YAML dans content/listings/ ; le nom du fichier "
        "donne son adresse.",
        "type": "object",
        "required": [
            "title",
            "kind",
            "category",
            "location",
            "date",
            "author",
            "contact",
            "description",
        ],
        "additionalProperties": False,
        "properties": {
            "title": _text(
                f"Titre de l’annonce, de {TITLE_MIN} à {TITLE_MAX} caractères.",
                minLength=TITLE_MIN,
                maxLength=TITLE_MAX,
            ),
            "kind": {"enum": kinds, "description": "Type d’annonce : " + ", ".join(kinds) + "."},
            "category": {
                "enum": categories,
                "description": "Catégorie : " + ", ".join(categories) + ".",
            },
            "location": _text(
                "Ville ou quartier, par exemple « Villebourg, quartier des Tilleuls »."
            ),
            "postcode": {
                "type": ["string", "integer"],
                "pattern": r"^\d{4,5}$",
                "description": 'Code postal, entre guillemets : "45990".',
            },
            "price": {
                "type": "number",
                "minimum": 0,
                "description": f"Prix en {currency}, avec un point pour les centimes "
                "(12.50) ; 0 pour « Gratuit » ; sans prix : « Prix à débattre ».",
            },
            "date": _text("Date de publication, AAAA-MM-JJ.", pattern=DATE_PATTERN, format="date"),
            "expires": _text(
                "Dernier jour de l’annonce, AAAA-MM-JJ ; par défaut "
                f"{settings['LISTING_DEFAULT_DAYS']} jours après la date.",
                pattern=DATE_PATTERN,
                format="date",
            ),
            "status": {
                "enum": list(STATUSES),
                "description": "active (par défaut), reserved (réservée) ou closed (terminée).",
            },
            "author": _text("Qui publie : prénom et initiale, ou nom de l’organisation."),
            "contact": {
                "type": "object",
                "description": "Au moins un moyen de contact : email, phone ou url. Ils ne sont "
                "jamais écrits en clair dans les pages.",
                "minProperties": 1,
                "additionalProperties": False,
                "properties": {
                    "email": _text(
                        "Adresse électronique.",
                        format="email",
                        pattern=EMAIL_PATTERN,
                    ),
                    "phone": _text(
                        'Numéro de téléphone, entre guillemets : "01 99 00 12 34".',
                        pattern=PHONE_PATTERN,
                    ),
                    "url": _text(
                        "Adresse d’une page web, commençant par https://.",
                        format="uri",
                        pattern=URL_PATTERN,
                    ),
                },
            },
            "photos": {
                "type": "array",
                "maxItems": 8,
                "items": _text(
                    "Chemin d’une photo (.jpg, .png, .webp, .gif ou .heic) sous "
                    "content/images/, sans / au début, par exemple annonces/velo.jpg.",
                    # Phones name photos IMG_2041.JPG or .HEIC: capitals are as usual as not
                    # (JSON Schema's regular expressions have no flag for case).
                    pattern=r"^[^/].*\.(jpe?g|png|webp|gif|heic|heif|JPE?G|PNG|WEBP|GIF|HEIC|HEIF)$",
                ),
                "description": "Photos de l’annonce (8 au plus).",
            },
            "tags": {
                "type": "array",
                "items": _text("Un mot-clé."),
                "description": "Mots-clés, par exemple [vélo, enfants].",
            },
            "event": {
                "type": "object",
                "description": "Pour un événement : début, fin et lieu.",
                "required": ["start", "place"],
                "additionalProperties": False,
                "properties": {
                    "start": _text(
                        "Début, AAAA-MM-JJTHH:MM (par exemple 2026-12-12T14:00).",
                        pattern=DATETIME_PATTERN,
                    ),
                    "end": _text("Fin, AAAA-MM-JJTHH:MM.", pattern=DATETIME_PATTERN),
                    "place": _text("Lieu de l’événement, avec son adresse."),
                },
            },
            "description": _text(
                "Texte de l’annonce, en Markdown ; le HTML est retiré.", minLength=10
            ),
        },
        # An event needs its dates; only events may have them.
        "if": {"properties": {"kind": {"const": "événement"}}, "required": ["kind"]},
        "then": {"required": ["event"]},
        "else": {"not": {"required": ["event"]}},
    }


def export_schema(settings: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of the public export of active listings (for partners' sites)."""
    kinds = list(settings["LISTING_KINDS"])
    categories = list(settings["LISTING_CATEGORIES"])
    nullable_text = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://babillard.example.org/schema/listings-export.schema.json",
        "title": "Export des petites annonces actives",
        "type": "object",
        "required": ["generated", "currency", "listings"],
        "additionalProperties": False,
        "properties": {
            "generated": {"type": "string", "pattern": DATE_PATTERN},
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "listings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [
                        "slug",
                        "url",
                        "title",
                        "kind",
                        "category",
                        "location",
                        "date",
                        "expires",
                        "status",
                        "author",
                        "price",
                        "tags",
                        "event",
                    ],
                    "properties": {
                        "slug": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
                        "url": {"type": "string", "minLength": 1},
                        "title": {"type": "string", "minLength": TITLE_MIN, "maxLength": TITLE_MAX},
                        "kind": {"enum": kinds},
                        "category": {"enum": categories},
                        "location": {"type": "string"},
                        "postcode": nullable_text,
                        "date": {"type": "string", "pattern": DATE_PATTERN},
                        "expires": {"type": "string", "pattern": DATE_PATTERN},
                        "status": {"enum": ["active", "reserved"]},
                        "author": {"type": "string"},
                        "price": {"type": ["number", "null"], "minimum": 0},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "event": {
                            "type": ["object", "null"],
                            "required": ["start", "end", "place"],
                            "properties": {
                                "start": {"type": "string"},
                                "end": {"type": "string"},
                                "place": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
    }
