"""Structured data: every JSON-LD block parses, and carries what search engines require.

A page may hold several `<script type="application/ld+json">` blocks, lists, or an @graph;
objects nested inside others (an Offer inside a Product, an Event's offers) are checked too.
The required fields follow Google's rich-result documentation for each type.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from .page import Page
from .registry import EVERY_PAGE, Context, page_check

ARTICLE_TYPES = frozenset({"BlogPosting", "Article", "NewsArticle"})
ORGANIZATION_TYPES = frozenset({"Organization", "NGO", "LocalBusiness"})
REQUIRED = {
    "BlogPosting": ("headline", "datePublished", "author", "image"),
    "Article": ("headline", "datePublished", "author", "image"),
    "NewsArticle": ("headline", "datePublished", "author", "image"),
    "Event": ("name", "startDate", "location"),
    "Offer": ("price", "priceCurrency", "availability"),
}
# schema.org's ItemAvailability members; http:// and https:// both name them.
AVAILABILITY = frozenset(
    {
        "BackOrder",
        "Discontinued",
        "InStock",
        "InStoreOnly",
        "LimitedAvailability",
        "MadeToOrder",
        "OnlineOnly",
        "OutOfStock",
        "PreOrder",
        "PreSale",
        "Reserved",
        "SoldOut",
    }
)


def _types(item: dict[str, Any]) -> list[str]:
    raw = item.get("@type", [])
    names = raw if isinstance(raw, list) else [raw]
    # "BlogPosting", "schema:BlogPosting" and "https://schema.org/BlogPosting" are one type.
    return [str(name).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names]


def items(page: Page) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every typed object of the page's blocks, with whether it is at the top of a block."""

    def walk(node: Any, top: bool) -> Iterator[tuple[dict[str, Any], bool]]:
        if isinstance(node, list):
            for child in node:
                yield from walk(child, top)
        elif isinstance(node, dict):
            if "@type" in node:
                yield node, top
            for key, value in node.items():
                if isinstance(value, list | dict):
                    yield from walk(value, top and key == "@graph")

    for block in page.jsonld:
        yield from walk(block, True)


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _has_address(location: Any) -> bool:
    places = location if isinstance(location, list) else [location]
    return any(isinstance(p, dict) and _present(p.get("address")) for p in places)


def _label(item: dict[str, Any]) -> str:
    name = item.get("headline") or item.get("name")
    kind = "/".join(_types(item))
    return f"{kind} « {str(name)[:50]} »" if isinstance(name, str) and name else kind


@page_check(
    "jsonld-invalid",
    "error",
    "Chaque bloc JSON-LD est du JSON valide (un objet ou une liste).",
    "Corrigez le gabarit qui écrit le bloc JSON-LD (filtre |tojson pour chaque valeur).",
    skip=EVERY_PAGE,
)
def jsonld_invalid(page: Page, ctx: Context) -> Iterator[str]:
    for error in page.jsonld_errors:
        yield f"Un bloc JSON-LD ne se lit pas : {error}."
    for block in page.jsonld:
        if not isinstance(block, dict | list):
            yield f"Un bloc JSON-LD n’est ni un objet ni une liste : {str(block)[:40]!r}."


@page_check(
    "jsonld-fields",
    "error",
    "Les blocs BlogPosting (headline, datePublished, author, image), Event (name, startDate, "
    "location avec address) et Offer (price, priceCurrency, availability) sont complets.",
    "Complétez les métadonnées de l’article ou de l’annonce (auteur, image, lieu, prix…) : le "
    "thème en tire ces champs.",
)
def jsonld_fields(page: Page, ctx: Context) -> Iterator[str]:
    for item, _top in items(page):
        for kind in _types(item):
            missing = [name for name in REQUIRED.get(kind, ()) if not _present(item.get(name))]
            if kind == "Event" and "location" not in missing and not _has_address(item["location"]):
                missing.append("location.address")
            if missing:
                yield f"Le bloc {_label(item)} n’a pas : {', '.join(missing)}."


@page_check(
    "jsonld-headline-long",
    "warning",
    "Le headline d’un BlogPosting ne dépasse pas SEO_HEADLINE_MAX caractères (110).",
    "Raccourcissez le titre de l’article à {SEO_HEADLINE_MAX} caractères au plus.",
)
def jsonld_headline_long(page: Page, ctx: Context) -> Iterator[str]:
    limit = ctx.settings["SEO_HEADLINE_MAX"]
    for item, _top in items(page):
        headline = item.get("headline")
        if (
            ARTICLE_TYPES & set(_types(item))
            and isinstance(headline, str)
            and len(headline) > limit
        ):
            yield f"Le headline compte {len(headline)} caractères (au plus {limit})."


def _has_offset(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return datetime.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


@page_check(
    "jsonld-date-offset",
    "error",
    "datePublished (et dateModified) d’un BlogPosting est une date et heure avec décalage UTC.",
    "Écrivez les dates en ISO 8601 avec fuseau (2026-10-03T15:30:00+02:00) : "
    "article.date.isoformat(), avec le réglage TIMEZONE.",
)
def jsonld_date_offset(page: Page, ctx: Context) -> Iterator[str]:
    for item, _top in items(page):
        if not ARTICLE_TYPES & set(_types(item)):
            continue
        for name in ("datePublished", "dateModified"):
            value = item.get(name)
            if _present(value) and not _has_offset(value):
                yield f"{name} vaut {value!r} : il manque l’heure ou le décalage UTC."


@page_check(
    "jsonld-availability",
    "error",
    "L’availability d’un Offer est une adresse schema.org (https://schema.org/InStock…).",
    "Écrivez availability sous la forme https://schema.org/InStock (ou SoldOut, Reserved…).",
)
def jsonld_availability(page: Page, ctx: Context) -> Iterator[str]:
    for item, _top in items(page):
        value = item.get("availability")
        if "Offer" not in _types(item) or not _present(value):
            continue
        text = str(value)
        for prefix in ("https://schema.org/", "http://schema.org/"):
            if text.startswith(prefix) and text[len(prefix) :] in AVAILABILITY:
                break
        else:
            yield f"availability vaut {text!r}, qui n’est pas une valeur de schema.org."


@page_check(
    "jsonld-organization",
    "warning",
    "La page d’accueil a un bloc Organization avec name et url.",
    "Le thème doit écrire sur l’accueil un bloc Organization (réglage ORGANIZATION, SITEURL).",
)
def jsonld_organization(page: Page, ctx: Context) -> Iterator[str]:
    if page.url != "/":
        return
    found = [item for item, top in items(page) if top and ORGANIZATION_TYPES & set(_types(item))]
    if not found:
        yield "La page d’accueil n’a pas de bloc JSON-LD Organization."
    for item in found:
        missing = [name for name in ("name", "url") if not _present(item.get(name))]
        if missing:
            yield f"Le bloc Organization n’a pas : {', '.join(missing)}."


@page_check(
    "jsonld-missing",
    "notice",
    "Un article a un bloc JSON-LD BlogPosting.",
    "Le gabarit article.html doit écrire un bloc BlogPosting.",
)
def jsonld_missing(page: Page, ctx: Context) -> Iterator[str]:
    if ctx.kind(page) != "article":
        return
    if not any(ARTICLE_TYPES & set(_types(item)) for item, _top in items(page)):
        yield "L’article n’a pas de bloc JSON-LD BlogPosting."
