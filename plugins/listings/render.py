"""Turn members' text into safe HTML, and hide contact details from address harvesters."""

from __future__ import annotations

import base64
import json
import re
import threading

import markdown
import nh3

from .model import Contact

# What a description may contain once rendered. Headings start at h3: the page already has
# its h1 (title) and h2 sections, and a skipped level confuses screen readers.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https"}
# Members' links: tell search engines they are user content, and keep the page private.
LINK_REL = "nofollow ugc noopener noreferrer"

_HEADING = re.compile(r"<(/?)h[12](\s|>)")

_local = threading.local()


def _converter() -> markdown.Markdown:
    # One per thread, reset() between descriptions: making one costs as much as converting
    # a typical description.
    if not hasattr(_local, "md"):
        _local.md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return _local.md


# The key only makes the blob look like noise to a harvester; it is not a secret.
_KEY = b"babillard"


def description_to_html(text: str) -> str:
    """Markdown → HTML with every raw HTML tag, script, event handler and unsafe URL removed."""
    html = _converter().reset().convert(text)
    html = _HEADING.sub(r"<\1h3\2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def plain_summary(html: str, length: int = 200) -> str:
    """The first words of the description, as text, for cards, feeds and meta tags."""
    text = " ".join(nh3.clean(html, tags=set()).split())
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def tel_uri(phone: str) -> str:
    """`01 99 00 12 34` → `tel:0199001234` (keeps a leading +)."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}"


def encode_contact(contact: Contact) -> str:
    """The email and phone as an opaque string that theme/static/js/contact.js decodes.

    Neither appears in the HTML in any form a harvester reads (plain, entities, or plain
    base64); visitors get real mailto:/tel: links with one click.
    """
    data = {}
    if contact.email:
        data["email"] = contact.email
    if contact.phone:
        data["phone"] = contact.phone
        data["tel"] = tel_uri(contact.phone)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    mixed = bytes(byte ^ _KEY[i % len(_KEY)] for i, byte in enumerate(raw))
    return base64.b64encode(mixed).decode("ascii")


def decode_contact(blob: str) -> dict[str, str]:
    """The inverse of encode_contact (what the browser script does); used by tests."""
    mixed = base64.b64decode(blob)
    raw = bytes(byte ^ _KEY[i % len(_KEY)] for i, byte in enumerate(mixed))
    return json.loads(raw.decode())
