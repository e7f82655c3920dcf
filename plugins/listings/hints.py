"""The exact value to write, when what an editor wrote says it plainly enough.

The schema's descriptions give the rule ("Date de publication, AAAA-MM-JJ."); an editor who
wrote `date: 2 novembre 2026` or `price: 35 €` is better served by the line to write:
« écrivez 2026-11-02 », « écrivez 35 »; one who wrote `prix:` by « vouliez-vous dire
« price » ? ». Each function returns that hint, or None when the
value says nothing sure (then the rule stands alone). Nothing is corrected silently: the
listing stays unpublished until the file says it.
"""

from __future__ import annotations

import datetime
import difflib
import re

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .schema import EMAIL_PATTERN, PHONE_PATTERN, URL_PATTERN

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "janv"), ("février", "fevrier", "févr", "fevr", "fév", "fev"),
            ("mars",), ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"),
            ("août", "aout"), ("septembre", "sept"), ("octobre", "oct"),
            ("novembre", "nov"), ("décembre", "decembre", "déc", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
# A time after the date: " à 14h30", " 14:30", "T14h".
_TIME = r"(?:[T ]\s*(?:à\s*)?(\d{1,2})\s*[h:]\s*(\d{2})?)?$"
# "2 novembre 2026", "1er mai 2026", "lundi 2 nov. 2026".
_WORDS = re.compile(r"^(?:[a-zé]+\.?\s+)?(\d{1,2})(?:er)?\s+([a-zéû]+)\.?\s+(\d{4})" + _TIME)
# "02/11/2026", "2.11.2026", "2-11-2026": day first, as written in France.
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})" + _TIME)
# "2026-11-2": year first, a digit short.
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
# Free or open prices, by their slug (see _word).
_FREE = {"gratuit", "gratuite", "offert", "offerte", "don", "0"}
_OPEN = {"a-debattre", "prix-a-debattre", "libre"}
_CURRENCY = re.compile(r"\s*(?:€|eur|euros?)\s*$|^\s*€\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d{1,2})?$")
# 1.250.000 or 1.250,50: points between groups of three digits, as French prints amounts.
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")
# The tables below are keyed by slug (see _word): one entry covers « Mots clés »,
# « mots-cles » and « MOTS CLÉS ».
# Words editors use for a kind of listing, when it is not one of the site's kinds.
KIND_WORDS = {
    "vente": "offre", "vends": "offre", "a-vendre": "offre", "location": "offre",
    "pret": "offre", "recherche": "demande", "cherche": "demande", "besoin": "demande",
    "donne": "don", "gratuit": "don", "a-donner": "don", "troc": "échange",
    "echange": "échange", "benevole": "bénévolat", "benevolat": "bénévolat",
    "evenement": "événement", "fete": "événement", "sortie": "événement",
    "atelier": "événement", "reunion": "événement",
}  # fmt: skip
# Names editors give a listing's keys, in French or from another site, for the schema's.
KEY_WORDS = {
    "titre": "title", "type": "kind", "genre": "kind", "nature": "kind",
    "categorie": "category", "rubrique": "category", "lieu": "location",
    "ville": "location", "commune": "location", "adresse": "location",
    "quartier": "location", "code-postal": "postcode", "code_postal": "postcode",
    "cp": "postcode", "prix": "price", "tarif": "price", "montant": "price",
    "expiration": "expires", "expire": "expires", "fin": "expires", "statut": "status",
    "etat": "status", "auteur": "author", "auteure": "author", "autrice": "author",
    "annonceur": "author", "photo": "photos", "image": "photos", "images": "photos",
    "etiquettes": "tags", "mots-cles": "tags", "evenement": "event",
    "texte": "description", "contenu": "description", "courriel": "email",
    "mail": "email", "e-mail": "email", "telephone": "phone", "tel": "phone",
    "portable": "phone", "site": "url", "site-web": "url", "lien": "url", "debut": "start",
    "heure": "start", "endroit": "place", "salle": "place",
}  # fmt: skip


def _word(text: str) -> str:
    """`text` as the tables spell it: Pelican's slug, « Mots clés » → mots-cles."""
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def close_to(written: str, choices: list[str]) -> str | None:
    """The one of `choices` closest in spelling to `written` (« sprot » → sport), if any."""
    close = difflib.get_close_matches(" ".join(written.lower().split()), choices, n=1, cutoff=0.5)
    return close[0] if close else None


def key_hint(name: str, keys: list[str]) -> str | None:
    """The key of `keys` an editor meant by `name`: its English name (« prix » is
    « price »), else a close spelling (« tittle »); None if neither."""
    meant = KEY_WORDS.get(_word(name))
    return meant if meant in keys else close_to(name, keys)


def kind_hint(value: str, kinds: list[str]) -> str | None:
    """The site's kind an editor's word means (« vente » is an « offre »), if it is one."""
    meant = KIND_WORDS.get(_word(value))
    return meant if meant in kinds else None


def date_hint(value: str, with_time: bool) -> str | None:
    """« écrivez 2026-11-02 » (or 2026-11-02T14:30 where a time is wanted) for a date
    written in words or day first; None if `value` is not such a date."""
    text = " ".join(value.lower().split())
    found = _WORDS.match(text)
    if found:
        day, month_name, year, hour, minute = found.groups()
        month = MONTHS.get(month_name.rstrip("."))
        if month is None:
            return None
        parts = (int(year), month, int(day))
    elif found := _DAY_FIRST.match(text):
        day, month, year, hour, minute = found.groups()
        parts = (int(year), int(month), int(day))
    elif found := _YEAR_FIRST.match(text):
        year, month, day, hour, minute = found.groups()
        parts = (int(year), int(month), int(day))
    else:
        return None
    try:
        date = datetime.date(*parts)
    except ValueError:
        return None  # 31/02/2026: validate.py says the date does not exist
    written = date.isoformat()
    if with_time:
        if hour is None:
            return f"écrivez la date et l’heure, par exemple {written}T14:30"
        written += f"T{int(hour):02d}:{int(minute or 0):02d}"
    return f"écrivez {written}"


def price_hint(value: str) -> str | None:
    """« écrivez 35.50 » for a price written with a currency, a comma or points between
    the thousands, « écrivez 0 » for a free one; None if `value` holds no plain amount."""
    text = " ".join(value.lower().split())
    if _word(text) in _FREE:
        return "écrivez 0 (la page affiche « Gratuit »)"
    if _word(text) in _OPEN:
        return "retirez la ligne « price » : sans prix, la page affiche « Prix à débattre »"
    amount = _CURRENCY.sub("", text).replace(" ", "")
    if _GROUPED.match(amount):
        whole = amount.replace(".", "").replace(",", ".")
        return f"écrivez {whole} (un nombre seul : sans €, sans point ni espace entre les milliers)"
    if not _NUMBER.match(amount):
        return None
    return (
        f"écrivez {amount.replace(',', '.')} (un nombre seul : sans €, un point pour les centimes)"
    )


# A number as it is often written: "+33 (0)6 12 34 56 78" (the 0 not dialled from abroad),
# "06/12/34/56/78", "(01) 99 00 12 34"; then maybe words: "06 12 34 56 78 (après 18 h)".
_PHONE_START = re.compile(r"^\s*(\+?[\d(][\d .\-/()]*\d)\s*(.*)$")


def phone_hint(value: str) -> str | None:
    """The number to write for a phone the schema refuses, if one can be read in it."""
    found = _PHONE_START.match(value)
    if found is None:
        return None
    number = re.sub(r"\(0\)", "", found[1]) if found[1].startswith("+") else found[1]
    number = " ".join(re.sub(r"[/()]", " ", number).split())
    if not re.match(PHONE_PATTERN, number):
        return None
    hint = f'écrivez « phone: "{number}" »'
    rest = found[2][1:-1] if found[2].startswith("(") and found[2].endswith(")") else found[2]
    if rest:
        return f"{hint} : le reste (« {rest} ») va dans la description"
    if "(0)" in found[1] and found[1].startswith("+"):
        return f"{hint}, sans le (0) : depuis l’étranger, on ne le compose pas"
    return f"{hint}, sans parenthèses ni barres"


def shape_hint(key: str, value: str) -> str | None:
    """The lines to write for a list or a group of keys written as one line of text:
    `tags: vélo, enfants`, `photos: a.jpg`, `contact: paul@example.org`; None for others."""
    parts = [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
    if key == "tags" and parts:
        return f"écrivez « tags: [{', '.join(parts)}] »"
    if key == "photos" and parts:
        lines = " ".join(f"« - {part} »" for part in parts)
        return f"écrivez « photos: » puis, en dessous, une ligne par photo en retrait : {lines}"
    if key == "contact":
        text = value.strip()
        text = f"https://{text}" if text.startswith("www.") else text
        # The schema's own forms decide which key it is; a phone is written in quotes.
        if re.match(EMAIL_PATTERN, text):
            line = f"email: {text}"
        elif re.match(URL_PATTERN, text):
            line = f"url: {text}"
        elif re.match(PHONE_PATTERN, text):
            line = f'phone: "{text}"'
        else:
            return None
        return f"écrivez « contact: » puis, en dessous, en retrait de deux espaces : « {line} »"
    return None
