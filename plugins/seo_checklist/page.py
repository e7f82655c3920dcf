"""One built HTML page, read once into the few facts the checks need.

Why not a BeautifulSoup tree: on a site of 5,000 pages, building and then searching full
trees costs several times more than the build's budget allows. `_Extractor` is a single
streaming pass over the page's tokens that keeps only what the checks read. The tokens come
from one regular expression (`TOKEN`) rather than `html.parser`: the checker must cost less
than a fifth of the build, and html.parser's per-tag bookkeeping (line counting, attribute
parsing of every tag) was two thirds of the checker's time. Attributes are parsed only for
the tags the checks read or that carry an id. The tests compare its answers with bs4's.

What it relies on, which our theme's output respects: `<main>`, `<nav>`, `<header>`,
`<footer>`, `<a>`, headings and `<script>` have closing tags; an unclosed `<p>` ends at the
next block element, as in HTML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any, NamedTuple

# A word: letters or digits, with inner apostrophes or hyphens ("l’atelier", "demi-heure").
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Site chrome inside or around <main>: its words are not the page's content.
CHROME = frozenset({"nav", "header", "footer"})
# Elements whose text is never shown as content.
HIDDEN = frozenset({"script", "style", "template", "noscript", "svg"})
# Read wherever they are; never content.
HEAD_TAGS = frozenset({"meta", "link", "title"})
# Elements that end an open <p> (HTML's implied </p>).
ENDS_P = frozenset(
    {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset"}
    | {"figcaption", "figure", "footer", "form", "header", "hr", "main", "menu", "nav", "ol"}
    | {"p", "pre", "section", "table", "ul"}
    | set(HEADINGS)
)
VOID = frozenset({"meta", "link", "img", "br", "hr", "input", "source", "wbr", "area", "base"})
# Elements whose content is raw text up to their end tag (no tags inside).
RAW_TEXT = frozenset({"script", "style"})
# What a browser fetches by itself when it shows a page: the attributes holding addresses,
# by tag. A <link> fetches only for some rels (a canonical link is an address, not a load).
LOADS = {
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "link": ("href",),
}
FETCHING_RELS = frozenset(
    {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload"}
    | {"prefetch", "modulepreload", "preconnect", "dns-prefetch"}
)
# An address on another host: "https://…" or "//…" (a local one is "/…" or relative).
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
# An address in a script's code (a pasted statistics or sharing snippet fetches its own).
CODE_ADDRESS = re.compile(r"(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s\"'`)]*", re.IGNORECASE)
# Tags whose attributes the extractor reads; other tags' attributes are only searched for id.
NEEDS_ATTRS = frozenset({"a", "html", "meta"} | set(LOADS))

# One token of HTML: a comment, a declaration or processing instruction, an end tag
# (group "end"), a start tag (groups "start" and "attrs"), or text. A "<" that starts none
# of these is text, as in HTML. Whitespace after a tag is swallowed with it: the extractor
# ignores whitespace-only text, and there is a lot of it between tags (half the tokens).
TOKEN = re.compile(
    r"""(?:<!--.*?(?:-->|\Z)
    |<[!?][^>]*>
    |</(?P<end>[a-zA-Z][^\s/>]*)[^>]*>
    |<(?P<start>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>
    )\s*
    |[^<]+
    |<""",
    re.DOTALL | re.VERBOSE,
)
ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
HAS_ID = re.compile(r"""\bid\s*=""", re.IGNORECASE)


def _attrs(text: str) -> list[tuple[str, str | None]]:
    """A start tag's attributes as (lowercased name, unescaped value or None)."""
    found: list[tuple[str, str | None]] = []
    for name, double, single, bare in ATTR.findall(text):
        if name == "/":
            continue
        value = double or single or bare
        if not value:
            # `name=""` and a bare `name` differ: only the second has no value at all.
            value = "" if "=" in text and _has_value(text, name) else None
        elif "&" in value:
            value = unescape(value)
        found.append((name.lower(), value))
    return found


def _has_value(text: str, name: str) -> bool:
    return re.search(rf"(?:^|\s){re.escape(name)}\s*=", text) is not None


SNIPPET_CHARS = 60


class Image(NamedTuple):
    """An `<img>` as written: attributes that are absent are None."""

    src: str | None
    alt: str | None
    width: str | None
    height: str | None
    decorative: bool


class Link(NamedTuple):
    """An `<a href>`: its visible text (with the alt of images inside) and its aria-label."""

    href: str
    text: str
    label: str
    labelled_by: bool


class Paragraph(NamedTuple):
    """A paragraph of the main content: its word count and its first words."""

    words: int
    start: str


_NOTHING: frozenset[str] = frozenset()


@dataclass(slots=True)
class Page:
    """The facts of one page. `url` is its URL path: "/", "/2026/slug/", "/404.html"."""

    url: str
    file: str
    lang: str | None = None
    title: str | None = None
    canonical: str | None = None
    metas: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[int, str]] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    jsonld: list[Any] = field(default_factory=list)
    jsonld_errors: list[str] = field(default_factory=list)
    # What the browser would fetch from another host: (tag, address), in page order.
    remote: list[tuple[str, str]] = field(default_factory=list)
    has_main: bool = False
    words: int = 0
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Why the file could not be read, when it could not.
    unreadable: str | None = None
    # (rules, [(check id, message)]): the findings of the page-only checks, kept with the
    # page in the cache while the rules (checks' code, settings) stay the same (engine.py).
    kept_findings: tuple[str, list[tuple[str, str]]] | None = None

    def compact(self, shared: dict[Any, Any]) -> Page:
        """Make equal strings and tuples of this page the very objects in `shared`.

        Every page repeats the menu's and footer's links, the same meta names and headings:
        parsed apart, each page held its own copies. Shared, 20,000 pages take half the memory
        and their cache file less room (pickle writes a shared object once).
        """

        def one(value: Any) -> Any:
            return value if value is None else shared.setdefault(value, value)

        self.links = [
            one(Link(one(a.href), one(a.text), one(a.label), a.labelled_by)) for a in self.links
        ]
        self.metas = {one(name): one(value) for name, value in self.metas.items()}
        self.headings = [one((level, one(text))) for level, text in self.headings]
        self.images = [
            one(Image(*(one(v) if isinstance(v, str) else v for v in image)))
            for image in self.images
        ]
        self.ids = {one(name) for name in self.ids}
        self.paragraphs = [one(Paragraph(p.words, one(p.start))) for p in self.paragraphs]
        return self

    @property
    def description(self) -> str | None:
        return self.metas.get("description")

    @property
    def noindex(self) -> bool:
        robots = self.metas.get("robots", "").lower()
        return "noindex" in robots or "none" in robots.replace(",", " ").split()

    @property
    def is_404(self) -> bool:
        return self.file == "404.html"

    @property
    def ignored(self) -> frozenset[str]:
        """Check ids this page opts out of (`<meta name="babillard:seo-ignore">`)."""
        raw = self.metas.get("babillard:seo-ignore")
        if not raw:  # nearly every page; the site-wide checks ask for each page
            return _NOTHING
        return frozenset(raw.replace(",", " ").split())

    @property
    def canonical_external(self) -> bool:
        return self.metas.get("babillard:canonical-external", "").strip() in {"1", "true", "yes"}


def url_for(file: str) -> str:
    """URL path of an output file: "a/b/index.html" → "/a/b/", "404.html" → "/404.html"."""
    if file == "index.html":
        return "/"
    if file.endswith("/index.html"):
        return "/" + file[: -len("index.html")]
    return "/" + file


def parse_html(text: str, file: str) -> Page:
    """Read one page's HTML (already decoded) into a Page."""
    extractor = _Extractor(Page(url_for(file), file))
    extractor.feed(text)
    extractor.close()
    return extractor.page


def parse_file(job: tuple[str, str]) -> Page:
    """Read (output folder, relative file path) into a Page; runs in worker processes too."""
    root, file = job
    try:
        text = (Path(root) / file).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Page(url_for(file), file, unreadable=str(error))
    return parse_html(text, file)


# Menus and footers repeat the same links on every page. Sharing one object per distinct
# link lets pickle write each once per batch (results from worker processes, the page cache),
# which made those pickles several times smaller, and keeps memory flat on big sites.
_SHARED_LINKS: dict[Link, Link] = {}


def _squash(chunks: list[str]) -> str:
    return " ".join(" ".join(chunks).split())


class _Extractor:
    """The single pass: counters for where we are, small buffers for the text we keep."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.hidden = 0  # depth inside HIDDEN elements
        self.svg = 0  # an SVG's <title> is not the page's
        self.in_head = False
        self.chrome = 0  # depth inside nav/header/footer
        self.main = 0  # depth inside <main>
        self.main_words = 0
        self.other_words = 0  # outside chrome and outside <main>: used when there is no <main>
        self.title: list[str] | None = None
        self.heading: tuple[int, list[str]] | None = None
        self.link: tuple[str, list[str], str, bool] | None = None
        self.para: list[Any] | None = None  # [words, snippet chunks, in main]
        self.paras: list[tuple[Paragraph, bool]] = []
        self.script: list[str] | None = None  # a JSON-LD block's text
        self.code: list[str] | None = None  # an inline script's code

    def feed(self, text: str) -> None:
        """Tokenize the whole page and hand each token to the handlers below."""
        position = 0
        size = len(text)
        match_token = TOKEN.match
        while position < size:
            token = match_token(text, position)
            position = token.end()
            tag = token.group("start")
            if tag is not None:
                tag = tag.lower()
                raw = token.group("attrs")
                closed = raw.endswith("/")
                attrs = _attrs(raw) if tag in NEEDS_ATTRS or HAS_ID.search(raw) else []
                if closed:
                    self.handle_startendtag(tag, attrs)
                    continue
                self.handle_starttag(tag, attrs)
                if tag in RAW_TEXT:
                    # Script and style content is text up to the end tag, never markup.
                    end = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, position)
                    stop = end.start() if end else size
                    if stop > position:
                        self.handle_data(text[position:stop])
                    position = end.end() if end else size
                    self.handle_endtag(tag)
                continue
            end_tag = token.group("end")
            if end_tag is not None:
                self.handle_endtag(end_tag.lower())
                continue
            chunk = token.group(0)
            if chunk[0] != "<" or chunk == "<":  # text (a tag's trailing space is dropped)
                self.handle_data(unescape(chunk) if "&" in chunk else chunk)

    # --- tags ----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        page = self.page
        for name, value in attrs:
            if name == "id" and value:
                page.ids.add(value)
        if tag in LOADS:
            self._loads(tag, attrs)
        if tag in HEAD_TAGS:
            self._head_tag(tag, attrs)
            return
        if tag in ENDS_P and self.para is not None:
            self._end_paragraph()
        if tag in HIDDEN:
            self.hidden += 1
            if tag == "svg":
                self.svg += 1
            if tag == "script":
                if _attr(attrs, "type").strip().lower() == "application/ld+json":
                    self.script = []  # data, not code
                elif not _attr(attrs, "src"):
                    self.code = []
            return
        if tag in CHROME:
            self.chrome += 1
        elif tag == "p":
            self.para = [0, [], self.main > 0]
        elif tag in HEADINGS:
            self.heading = (HEADINGS[tag], [])
        elif tag == "a":
            self._start_link(attrs)
        elif tag == "img":
            self._image(attrs)
        elif tag == "main":
            self.main += 1
            page.has_main = True
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "html":
            page.lang = _attr(attrs, "lang").strip() or None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<img ... />` and friends are void: no end tag follows. `<svg ... />` is complete.
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            if tag == "svg":
                self.svg = max(0, self.svg - 1)
            if tag == "script" and self.script is not None:
                self._end_jsonld()
            if tag == "script" and self.code is not None:
                code = "".join(self.code)
                self.code = None
                self.page.remote += [("script", m) for m in CODE_ADDRESS.findall(code)]
            return
        if tag in ENDS_P and self.para is not None:
            self._end_paragraph()  # its own </p>, or the end of the block that holds it
        if tag in CHROME:
            self.chrome = max(0, self.chrome - 1)
        elif tag in HEADINGS:
            if self.heading is not None:
                self.page.headings.append((self.heading[0], _squash(self.heading[1])))
                self.heading = None
        elif tag == "a":
            if self.link is not None:
                href, chunks, label, labelled_by = self.link
                link = Link(href, _squash(chunks), label, labelled_by)
                self.page.links.append(_SHARED_LINKS.setdefault(link, link))
                self.link = None
        elif tag == "main":
            self.main = max(0, self.main - 1)
        elif tag == "head":
            self.in_head = False
        elif tag == "title" and self.title is not None:
            if self.page.title is None:
                self.page.title = _squash(self.title)
            self.title = None

    # The head's three elements are read wherever they appear (an SVG's <title> aside).
    def _head_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        page = self.page
        if tag == "meta":
            key = (_attr(attrs, "name") or _attr(attrs, "property")).strip().lower()
            if key and key not in page.metas:
                page.metas[key] = _attr(attrs, "content").strip()
        elif tag == "link":
            rel = _attr(attrs, "rel").lower().split()
            if "canonical" in rel and page.canonical is None:
                page.canonical = _attr(attrs, "href").strip()
        elif tag == "title" and self.page.title is None and not self.svg:
            self.title = []

    # --- text ------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)
            return
        if self.code is not None:
            self.code.append(data)
            return
        if self.title is not None:
            self.title.append(data)
            return
        if self.hidden or self.in_head or data.isspace():
            return
        if self.heading is not None:
            self.heading[1].append(data)
        if self.link is not None:
            self.link[1].append(data)
        if self.chrome:
            return
        words = len(WORD.findall(data))
        if self.main:
            self.main_words += words
        else:
            self.other_words += words
        para = self.para
        if para is not None:
            para[0] += words
            if sum(map(len, para[1])) < SNIPPET_CHARS:
                para[1].append(data)

    def close(self) -> None:
        if self.para is not None:
            self._end_paragraph()
        page = self.page
        page.words = self.main_words if page.has_main else self.main_words + self.other_words
        page.paragraphs = [p for p, in_main in self.paras if in_main or not page.has_main]

    # --- helpers ---------------------------------------------------------------------------

    def _start_link(self, attrs: list[tuple[str, str | None]]) -> None:
        href = None
        label = ""
        labelled_by = False
        for name, value in attrs:
            if name == "href":
                href = value
            elif name == "aria-label":
                label = (value or "").strip()
            elif name == "aria-labelledby":
                labelled_by = bool(value and value.strip())
            elif name == "name" and value:
                self.page.ids.add(value)
        if href is not None:
            self.link = (href.strip(), [], label, labelled_by)

    def _loads(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and not FETCHING_RELS.intersection(_attr(attrs, "rel").lower().split()):
            return
        if tag == "input" and _attr(attrs, "type").strip().lower() != "image":
            return
        names = LOADS[tag]
        for name, value in attrs:
            if name not in names or not value:
                continue
            # srcset: "address 400w, address 800w"
            addresses = (
                [c.split()[0] for c in value.split(",") if c.strip()]
                if name == "srcset"
                else [value]
            )
            self.page.remote += [(tag, a.strip()) for a in addresses if REMOTE.match(a)]

    def _image(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        alt = values.get("alt")
        decorative = (values.get("role") or "").strip().lower() in {"presentation", "none"} or (
            (values.get("aria-hidden") or "").strip().lower() == "true"
        )
        self.page.images.append(
            Image(values.get("src"), alt, values.get("width"), values.get("height"), decorative)
        )
        if self.link is not None and alt:
            self.link[1].append(alt)

    def _end_paragraph(self) -> None:
        words, chunks, in_main = self.para  # type: ignore[misc]
        self.para = None
        if words and not self.chrome:
            start = " ".join(_squash(chunks).split(" ")[:8])
            self.paras.append((Paragraph(words, start), in_main))

    def _end_jsonld(self) -> None:
        text = "".join(self.script or [])
        self.script = None
        try:
            self.page.jsonld.append(json.loads(text))
        except json.JSONDecodeError as error:
            where = f"ligne {error.lineno}, colonne {error.colno}"
            self.page.jsonld_errors.append(f"{where} ({error.msg})")


def _attr(attrs: list[tuple[str, str | None]], name: str) -> str:
    for key, value in attrs:
        if key == name:
            return value or ""
    return ""
