"""Turn members' text into safe HTML, and hide contact details from address harvesters."""

from __future__ import annotations

import base64
import html
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser

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
# `start`: a list the member numbered from 3 (Markdown writes <ol start="3">) keeps its numbers.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https"}
# Tags removed with everything inside them (nh3's default), not only the tags themselves.
REMOVED_WITH_CONTENT = {"script", "style"}
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


def description_to_html(text: str) -> tuple[str, list[Removed]]:
    """Markdown → HTML with every raw HTML tag, script, event handler and unsafe URL
    removed, and what was removed (so the editor is told: nothing is dropped silently)."""
    html = _converter().reset().convert(text)
    html = _HEADING.sub(r"<\1h3\2", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return clean, _Inventory.of(html)


@dataclass(frozen=True)
class Removed:
    """One thing nh3 takes out of a description: `what` in the editor's words, and a
    pattern (`where`) that finds it in the file the member wrote, for its line number."""

    what: str
    where: str
    image: bool = False


class _Inventory(HTMLParser):
    """What the allow-lists above remove from Markdown's HTML, found the way nh3 applies
    them (tags, then attributes of the kept tags, then link schemes). Comments are left
    out: they are never shown, and removing them is what their writer expects."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removed] = []

    @classmethod
    def of(cls, html: str) -> list[Removed]:
        if "<" not in html:
            return []
        inventory = cls()
        inventory.feed(html)
        inventory.close()
        return inventory.removed

    # The content of <script> and <style> is text to HTMLParser (CDATA), as it is to nh3,
    # which removes it: a tag written inside them is not reported on its own.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            if tag == "img":
                self.removed.append(Removed("une image", r"<img\b|!\[", image=True))
            elif tag in REMOVED_WITH_CONTENT:
                self.removed.append(Removed(f"<{tag}> et son contenu", _tag_pattern(tag)))
            else:
                self.removed.append(Removed(f"la balise <{tag}>", _tag_pattern(tag)))
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                where = rf"\b{re.escape(name)}\s*="
                self.removed.append(Removed(f"l’attribut {name} de <{tag}>", where))
            elif name == "href" and value and not _link_kept(value):
                self.removed.append(_removed_link(value))


def _tag_pattern(tag: str) -> str:
    return rf"<{re.escape(tag)}\b"


def _link_kept(url: str) -> bool:
    """Whether nh3 keeps this address: asked of nh3 itself, which also drops addresses it
    cannot parse, whatever their scheme."""
    alone = nh3.clean(
        f'<a href="{html.escape(url)}"></a>',
        tags={"a"},
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
    return "href=" in alone


def _removed_link(url: str) -> Removed:
    try:
        scheme = urllib.parse.urlsplit(url.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme and scheme not in ALLOWED_URL_SCHEMES:
        return Removed(f"un lien « {scheme}: »", rf"{re.escape(scheme)}\s*:")
    shown = url.strip()[:40]
    return Removed(f"un lien à l’adresse invalide « {shown} »", re.escape(shown[:20]))


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
