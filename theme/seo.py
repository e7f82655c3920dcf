"""What the theme tells search engines and social networks: titles, descriptions, JSON-LD.

Templates call these as Jinja filters and globals (registered in pelicanconf.py). They read
the site's settings from the template context, so the SEO checklist's thresholds
(SEO_TITLE_MIN…) and the theme always agree. JSON-LD is built as Python data and serialised
here, never by string templating, so a quote in a title cannot break it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

_TAG = re.compile(r"<[^>]+>")
# Tags that separate words; inline ones (<em>, <a>…) must not add a space before a comma.
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|li|ul|ol|h[1-6]|div|figure|figcaption|td|th|tr|blockquote|section)\b[^>]*>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_FIRST_PARAGRAPH = re.compile(r"<p[\s>].*?</p>", re.DOTALL | re.IGNORECASE)
SCHEMA = "https://schema.org/"
# A listing's status, as schema.org's ItemAvailability.
AVAILABILITY = {"active": "InStock", "reserved": "Reserved", "closed": "SoldOut"}


def plain_text(value: Any) -> str:
    """HTML or text as one line of plain text (tags removed, entities decoded)."""
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", str(value or "")))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-·") + "…"


def url_path(output_file: str | None) -> str:
    """The public path of an output file: `2026/x/index.html` → `/2026/x/`."""
    path = "/" + (output_file or "").lstrip("/")
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def first_paragraph(content_html: str) -> str:
    """Plain text of the first paragraph of rendered content ("" if none)."""
    match = _FIRST_PARAGRAPH.search(content_html or "")
    return plain_text(match.group(0)) if match else ""


def _setting(context: Mapping[str, Any], name: str, default: Any) -> Any:
    value = context.get(name)
    return default if value is None else value


@pass_context
def site_title(context: Mapping[str, Any], title: Any) -> str:
    """The <title>: the page's own title followed by the first of TITLE_SUFFIXES that makes
    it 30–60 characters long (SEO_TITLE_MIN/MAX). A title too long for any suffix stands
    alone, shortened at a word if needed; an empty title (the home page) is SITE_TITLE."""
    low = _setting(context, "SEO_TITLE_MIN", 30)
    high = _setting(context, "SEO_TITLE_MAX", 60)
    text = plain_text(title)
    if not text:
        return str(_setting(context, "SITE_TITLE", context.get("SITENAME", "")))
    suffixes = _setting(context, "TITLE_SUFFIXES", [context.get("SITENAME", "")])
    candidates = [f"{text} · {suffix}" for suffix in suffixes if suffix] + [text]
    for candidate in candidates:
        if low <= len(candidate) <= high:
            return candidate
    fitting = [c for c in candidates if len(c) <= high]
    if fitting:  # all too short: the longest one is the most telling
        return max(fitting, key=len)
    return shorten(text, high)


@pass_context
def meta_description(context: Mapping[str, Any], text: Any) -> str:
    """A meta description: plain text, at most SEO_DESCRIPTION_MAX characters."""
    return shorten(plain_text(text), _setting(context, "SEO_DESCRIPTION_MAX", 160))


def to_jsonld(data: Mapping[str, Any] | None) -> Markup:
    """A `<script type="application/ld+json">` block ("" for None)."""
    if not data:
        return Markup("")
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(", ", ": "))
    # "</" inside a script would end it early; "<\/" means the same to a JSON parser.
    text = text.replace("</", "<\\/")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _absolute(context: Mapping[str, Any], path: str) -> str:
    if path.startswith(("https://", "http://")):
        return path
    return f"{context.get('SITEURL', '')}/{path.lstrip('/')}"


@pass_context
def article_jsonld(context: Mapping[str, Any], article: Any, image: str) -> Markup:
    """BlogPosting for an article: headline, dates with offset, authors, image, publisher."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": plain_text(article.title),
        "description": meta_description(context, _summary(article)),
        "datePublished": article.date.isoformat(),
        "author": [
            {"@type": "Person", "name": str(author), "url": _absolute(context, author.url)}
            for author in getattr(article, "authors", [])
        ],
        "image": image,
        "url": _absolute(context, article.url),
        "mainEntityOfPage": _absolute(context, article.url),
        "inLanguage": context.get("DEFAULT_LANG"),
        "publisher": _organization(context),
    }
    modified = getattr(article, "modified", None)
    if modified:
        data["dateModified"] = modified.isoformat()
    category = getattr(article, "category", None)
    if category:
        data["articleSection"] = str(category)
    tags = getattr(article, "tags", None)
    if tags:
        data["keywords"] = ", ".join(sorted(str(t) for t in tags))
    return to_jsonld(data)


def _summary(content: Any) -> str:
    """The Summary metadata if the editor wrote one, else the first paragraph."""
    if "summary" in getattr(content, "metadata", {}):
        return plain_text(content.metadata["summary"])
    return first_paragraph(content.content)


@pass_context
def content_description(context: Mapping[str, Any], content: Any) -> str:
    """Meta description of an article or page: its Summary, or its first paragraph."""
    return meta_description(context, _summary(content))


def has_own_summary(content: Any) -> bool:
    """True when the editor wrote a Summary (the SEO checklist flags derived ones)."""
    return bool(plain_text(getattr(content, "metadata", {}).get("summary")))


def seo_metas(content: Any) -> Markup:
    """The SEO checklist's per-page opt-outs, from an article's or page's metadata:
    `SEO-Ignore: content-short` and `Canonical: https://…` (a text republished from
    elsewhere, whose canonical address is the original)."""
    metadata = getattr(content, "metadata", {})
    tags = []
    ignore = plain_text(metadata.get("seo-ignore"))
    if ignore:
        tags.append(f'<meta name="babillard:seo-ignore" content="{html.escape(ignore)}">')
    if plain_text(metadata.get("canonical")):
        tags.append('<meta name="babillard:canonical-external" content="1">')
    return Markup("\n  ".join(tags))


def canonical_url(content: Any, default: str) -> str:
    """`Canonical:` metadata when the editor gave one, else the page's own address."""
    return plain_text(getattr(content, "metadata", {}).get("canonical")) or default


def _organization(context: Mapping[str, Any]) -> dict[str, Any]:
    org = context.get("ORGANIZATION") or {}
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": org.get("name") or context.get("SITENAME"),
        "url": f"{context.get('SITEURL', '')}/",
    }
    if org.get("email"):
        data["email"] = org["email"]
    if org.get("address"):
        data["address"] = org["address"]
    return data


@pass_context
def organization_jsonld(context: Mapping[str, Any], logo: str = "") -> Markup:
    """Organization block of the home page: name, url, contact, logo."""
    data = {"@context": SCHEMA, **_organization(context)}
    if logo:
        data["logo"] = logo
    data["description"] = context.get("SITEDESCRIPTION") or context.get("SITESUBTITLE")
    return to_jsonld(data)


def _availability(listing: Any, expired: bool) -> str:
    # An expired listing's page stays online (shared links), but the thing is gone.
    state = "Discontinued" if expired else AVAILABILITY.get(listing.status, "InStock")
    return SCHEMA + state


def _offer(context: Mapping[str, Any], listing: Any, expired: bool) -> dict[str, Any] | None:
    price = listing.price
    if price is None and listing.kind_slug == "don":
        price = 0  # a gift is free even when the member did not write "price: 0"
    if price is None:
        return None
    return {
        "@type": "Offer",
        "price": f"{price:.2f}" if price % 1 else str(int(price)),
        "priceCurrency": context.get("LISTING_CURRENCY", "EUR"),
        "availability": _availability(listing, expired),
        "url": _absolute(context, listing.url),
        "validThrough": listing.expires.isoformat(),
    }


def _place(listing: Any, name: str) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": listing.location}
    if listing.postcode:
        address["postalCode"] = listing.postcode
    return {"@type": "Place", "name": name, "address": address}


@pass_context
def listing_jsonld(
    context: Mapping[str, Any], listing: Any, images: list[str], expired: bool = False
) -> Markup:
    """Structured data for a listing, by kind: an Event, a Demand (someone looks for
    something), or a Product with its Offer (price, currency, availability from status)."""
    kind = (
        "Event"
        if listing.event is not None
        else "Demand"
        if listing.kind_slug in ("demande", "benevolat")
        else "Product"
    )
    common: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": kind,
        "name": listing.title,
        "description": meta_description(context, listing.summary),
        "url": _absolute(context, listing.url),
    }
    if images:
        common["image"] = images
    offer = _offer(context, listing, expired)
    if kind == "Event":
        data = {
            **common,
            "startDate": listing.event.start.isoformat(),
            "endDate": listing.event.end.isoformat(),
            "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
            "eventStatus": SCHEMA
            + ("EventCancelled" if listing.status == "closed" else "EventScheduled"),
            "location": _place(listing, listing.event.place),
            "organizer": {"@type": "Person", "name": listing.author},
        }
        if offer:
            data["offers"] = offer
    elif kind == "Demand":
        data = {**common, "areaServed": _place(listing, listing.location)}
    else:
        data = {**common, "category": listing.category_label}
        if offer:
            offer["seller"] = {"@type": "Person", "name": listing.author}
            offer["areaServed"] = _place(listing, listing.location)
            data["offers"] = offer
    return to_jsonld(data)


def jinja_filters() -> dict[str, Callable[..., Any]]:
    return {
        "site_title": site_title,
        "meta_description": meta_description,
        "content_description": content_description,
        "url_path": url_path,
        "absolute": pass_context(_absolute),
    }


def jinja_globals() -> dict[str, Callable[..., Any]]:
    return {
        "article_jsonld": article_jsonld,
        "listing_jsonld": listing_jsonld,
        "organization_jsonld": organization_jsonld,
        "has_own_summary": has_own_summary,
        "seo_metas": seo_metas,
        "canonical_url": canonical_url,
    }
