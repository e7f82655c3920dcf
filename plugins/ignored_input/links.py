"""Links to a file that does not exist, with the line that writes them.

An article links to another by its file, `[la fête]({filename}2026-06-21-fete.md)`, and to
a document or a photo of the content folder by `{static}` (or `{attach}`):
`[le compte rendu]({static}/documents/compte-rendu.pdf)`. When that file is renamed, or the
name mistyped, Pelican leaves the link as written (a dead link on the page) and says only
"Unable to find '2026-06-21-fete.md', skipping url replacement." or, for `{static}`, two
lines of "Cannot get modification stamp for /…/compte-rendu.pdf [Errno 2]…", without
naming the article.

`broken_links()` finds those links in a source's text, as Pelican resolves them (from the
content folder when the path starts with `/`, else from the source's own folder), and
looks in the folder for a file of a close name (`Compte-Rendu.pdf`, `fete.md` for `fte.md`)
to suggest. The plugin warns with the file and the line, and drops Pelican's lines for the
links it named.

`page_relative_links()` finds the links written as a path from content/ without a marker,
`![Le plan](images/plan.jpg)` or `[le compte rendu](../documents/cr.pdf)`: Pelican leaves
them as written, so the browser takes them from the page's address (/2026/fete/images/…)
and finds nothing. The fix is the same link with `{static}/` (or `{filename}/`).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Pelican's default INTRASITE_LINK_REGEX markers: {filename} and the older |filename|, and
# the same for static and attach.
MARKED = re.compile(r"\{(?:filename|static|attach)\}|\|(?:filename|static|attach)\|")
# Where an address starts (Pelican replaces markers only in HTML attributes: a guide that
# mentions {static} in a sentence is left alone): a Markdown link or image "](", "](<", an
# HTML attribute '="' (its name kept), or a reference "[id]: ".
OPENING = re.compile(r"(\]\(\s*<?|\b(?P<attribute>[\w-]+)\s*=\s*[\"']|^\s*\[[^\]]+\]:\s*<?)")
# A Markdown link's title, after its address: ](x.pdf "Le compte rendu").
_TITLE = re.compile(r"\s+[\"'(].*$")
# Cheap test before reading a source: can its HTML hold such a link at all?
MARKER = re.compile(r"[{|](?:filename|static|attach)[}|]")
# Cheap test on the HTML: an address that is relative (no scheme, not /, #, ? or a marker).
# It starts with "=" and looks back for src or (h)ref: a literal first lets the regex engine
# skip ahead, 13 times faster than "\b(?:src|href)=" on a page.
RELATIVE = re.compile(r"""=["'](?![a-zA-Z][\w+.-]*:|[/#?{|"'])(?<=(?:src|ref)=["'])""")
# Relative images from the source's folder are taken as {static} ones by the thumbnails
# plugin; other files linked that way are not.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif"})
# Sources Pelican reads (linked with {filename}), and listings, which the listings plugin
# makes linkable the same way; anything else is {static}.
SOURCE_SUFFIXES = frozenset(
    {".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst", ".yaml", ".yml"}
)


@dataclass(frozen=True)
class BrokenLink:
    """A link to a file that is not there: its line, the link as written, and a file of a
    close name in the same folder, if there is one."""

    line: int
    written: str  # "{filename}2026-06-21-fete.md"
    target: str  # what Pelican looks up, and names in its "Unable to find" message
    file: Path | None  # the file looked for; None for "{filename}#programme"
    near: str = ""  # the link to that file of a close name, as the editor would write it
    folder: str = ""  # where the file was looked for, "content/documents/"

    @property
    def message(self) -> str:
        return f"le lien « {self.written} » vise un fichier qui n’existe pas : il reste mort"

    @property
    def hint(self) -> str:
        if self.file is None:
            return f"pour un endroit de la même page, écrivez seulement ({self.target})"
        if self.near:
            return f"vouliez-vous dire « {self.near} » ? Sinon, corrigez le chemin ou retirez-le"
        if self.written.strip("{|").startswith("filename"):
            return (
                "écrivez le chemin exact du fichier visé depuis content/, par exemple "
                "{filename}/articles/2026-06-21-fete.md, ou retirez le lien"
            )
        return (
            f"ajoutez le fichier au dossier {self.folder}, ou corrigez le chemin (majuscules, "
            "accents et extension comptent), ou retirez le lien"
        )


def addresses(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Each address `text` writes where Pelican would replace a marker, as Python-Markdown
    reads it: (line, address, the HTML attribute it is the value of, if any)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if "](" not in line and "=" not in line and "]:" not in line:
            continue  # most lines of prose: no address at all
        for match in OPENING.finditer(line):
            yield number, _address(match.group(1), line[match.end() :]), match["attribute"]


def marked_links(
    path: Path, text: str, content_root: Path
) -> Iterator[tuple[int, str, str, str, Path | None]]:
    """Each `{filename}`, `{static}` or `{attach}` link of `text` (the source at `path`):
    (line, link as written, marker, what follows the marker, the file it names as Pelican
    resolves it: from the content folder when the path starts with "/", else from the
    source's own folder; None for "{filename}#programme")."""
    for number, written, _attribute in addresses(text):
        marked = MARKED.match(written)
        if not marked:
            continue
        marker, target = marked.group(0), written[marked.end() :]
        file = unquote(unescape(urlsplit(target).path))
        if not file:
            yield number, written, marker, target, None
            continue
        yield number, written, marker, target, linked_file(file, path, content_root)


def linked_file(file: str, source: Path, content_root: Path) -> Path:
    """The file a link's path names, as Pelican resolves it: from the content folder when
    it starts with "/", else from the folder of `source`, the file that writes it."""
    base = content_root if file.startswith("/") else source.parent
    return Path(os.path.normpath(base / file.lstrip("/")))


# What marked_links() yields: (line, link as written, marker, what follows it, file).
Marked = tuple[int, str, str, str, Path | None]


def broken_links(
    path: Path, text: str, content_root: Path, marked: list[Marked] | None = None
) -> list[BrokenLink]:
    """The `{filename}`, `{static}` and `{attach}` links of `text` (the source at `path`)
    whose file does not exist. `marked`: marked_links() of the text, if already found."""
    if marked is None:
        marked = list(marked_links(path, text, content_root))
    found = []
    for number, written, marker, target, wanted in marked:
        if wanted is None:  # "{filename}#programme": Pelican finds nothing either
            found.append(BrokenLink(number, written, target, None))
            continue
        if not wanted.is_file():
            near = _close_name(wanted, path)
            suggestion = ""
            if near:
                parts = urlsplit(target)
                file = unquote(unescape(parts.path))
                written_folder = file[: len(file) - len(wanted.name)]
                fragment = f"#{parts.fragment}" if parts.fragment else ""
                suggestion = f"{marker}{written_folder}{near}{fragment}"
            folder = os.path.relpath(wanted.parent, content_root.parent) + "/"
            found.append(BrokenLink(number, written, target, wanted, suggestion, folder))
    return found


# What a {filename} link may name without being told to use {static}: what Pelican reads,
# and photos (the thumbnails plugin links them to a rendition).
_NOT_DOCUMENTS = SOURCE_SUFFIXES | IMAGE_SUFFIXES


@dataclass(frozen=True)
class DocumentLink:
    """A `{filename}` link to a document (a PDF…): its line, the link as written, the file,
    and whether Pelican publishes the file anyway (it is under STATIC_PATHS). `{filename}`
    is for what Pelican reads; a document is linked with `{static}`, which also publishes it.
    Written with `{filename}`, a published one still works (Pelican says so in English), and
    any other is a dead link (Pelican: "Unable to find")."""

    line: int
    written: str  # "{filename}/documents/statuts.pdf"
    target: str  # what follows the marker, as Pelican names it in "Unable to find"
    file: Path
    published: bool

    @property
    def message(self) -> str:
        message = (
            f"le lien « {self.written} » vise un document avec {{filename}}, la marque des "
            "articles, des pages et des annonces"
        )
        return message if self.published else f"{message} : il reste mort"

    @property
    def hint(self) -> str:
        fixed = self.written.replace("{filename}", "{static}").replace("|filename|", "{static}")
        if self.published:
            return f"écrivez « {fixed} » (le lien fonctionne, mais c’est la forme juste)"
        return f"écrivez « {fixed} » : le document sera publié avec la page"


def document_links(
    path: Path,
    text: str,
    content_root: Path,
    static_paths: Iterable[str],
    marked: list[Marked] | None = None,
) -> list[DocumentLink]:
    """The `{filename}` links of `text` (the source at `path`) to a file of the content
    folder that is not a source Pelican reads. Images are left out: the thumbnails plugin
    takes a link to a photo, whatever its marker, to a rendition of it. `marked`:
    marked_links() of the text, if already found."""
    if marked is None:
        marked = list(marked_links(path, text, content_root))
    roots = [Path(os.path.normpath(content_root / folder)) for folder in static_paths]
    return [
        DocumentLink(number, written, target, wanted, any(wanted.is_relative_to(r) for r in roots))
        for number, written, marker, target, wanted in marked
        if "filename" in marker
        and wanted is not None
        and wanted.suffix.lower() not in _NOT_DOCUMENTS
        and wanted.is_file()
    ]


def _address(opening: str, rest: str) -> str:
    """The address that starts `rest`, as Python-Markdown and Pelican read it: `opening` is
    what came before it (see OPENING)."""
    if opening.endswith("<"):
        return rest.split(">", 1)[0]
    if opening[-1] in "\"'":
        return rest.split(opening[-1], 1)[0]
    if not opening.startswith("]"):
        return rest.split(None, 1)[0] if rest.strip() else ""  # a reference: no spaces
    # A Markdown link: up to its closing parenthesis (those inside pair up, "x(1).pdf"),
    # spaces included ("ma photo.jpg"), without its title.
    depth = 0
    for index, char in enumerate(rest):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return _TITLE.sub("", rest[:index]).strip()
            depth -= 1
    return _TITLE.sub("", rest).strip()


def _close_name(wanted: Path, source: Path) -> str:
    """The name of a file next to `wanted` that is probably the one meant: the same but for
    case, or close enough to be a typing slip ("" if none). Not `source`, the file that
    links: a page rarely links to itself by its file."""
    try:
        names = [
            entry.name
            for entry in os.scandir(wanted.parent)
            if entry.is_file() and entry.path != str(source)
        ]
    except OSError:
        return ""
    by_lower = {name.lower(): name for name in names}
    if wanted.name.lower() in by_lower:
        return by_lower[wanted.name.lower()]
    close = difflib.get_close_matches(wanted.name.lower(), list(by_lower), n=1, cutoff=0.8)
    return by_lower[close[0]] if close else ""


@dataclass(frozen=True)
class PageRelativeLink:
    """A link to a file of content/ written without {static} or {filename}: its line, the
    link as written, and the same link as Pelican resolves it."""

    line: int
    written: str  # "images/plan.jpg"
    suggestion: str  # "{static}/images/plan.jpg"

    @property
    def message(self) -> str:
        return (
            f"le lien « {self.written} » part de l’adresse de la page sur le site, pas du "
            "dossier content/ : il ne mène à rien"
        )

    @property
    def hint(self) -> str:
        return f"écrivez « {self.suggestion} »"


@dataclass(frozen=True)
class SchemeLessLink:
    """A link to another site written without `https://`: `[la mairie](www.villebourg.fr)`.
    The browser takes it as a path from the page's address, on this site."""

    line: int
    written: str  # "www.villebourg.fr/agenda"

    @property
    def message(self) -> str:
        return (
            f"le lien « {self.written} » n’a pas de https:// : le navigateur le cherche dans ce "
            "site, sous l’adresse de la page, et ne trouve rien"
        )

    @property
    def hint(self) -> str:
        return f"écrivez « https://{self.written} »"


# The first part of an address that names another site rather than a file: "www.…", or a
# name ending with a domain ending (not a file's: .pdf, .html, .jpg…).
_SITE = re.compile(
    r"^(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|be|ch|lu|ca|"
    r"info|io|re|bzh|paris|alsace|corsica|asso\.fr|gouv\.fr))$",
    re.IGNORECASE,
)


def page_relative_links(
    path: Path, text: str, content_root: Path
) -> list[PageRelativeLink | SchemeLessLink]:
    """The links of `text` (the source at `path`) to a file of the content folder, written
    as a relative path without a marker, and those to another site without https://."""
    found: list[PageRelativeLink | SchemeLessLink] = []
    root = content_root.resolve()
    folder = path.parent.resolve()
    for number, written, attribute in addresses(text):
        if attribute not in (None, "src", "href"):
            continue  # alt="images/plan.jpg" is text, not a link
        parts = urlsplit(written)
        file = unquote(unescape(parts.path))
        if parts.scheme or parts.netloc or not file or file.startswith("/") or MARKER.match(file):
            continue
        beside = Path(os.path.normpath(folder / file))
        if beside.suffix.lower() in IMAGE_SUFFIXES and beside.is_file():
            continue  # the thumbnails plugin takes it as {static}
        candidates = (Path(os.path.normpath(root / file)), beside)
        target = next((c for c in candidates if c.is_relative_to(root) and c.is_file()), None)
        if target is None:
            if _SITE.match(file.split("/", 1)[0]):
                found.append(SchemeLessLink(number, written))
            continue  # not a file of content/: perhaps a page of the site, the SEO check says
        marker = "{filename}" if target.suffix.lower() in SOURCE_SUFFIXES else "{static}"
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        suggestion = f"{marker}/{target.relative_to(root).as_posix()}{fragment}"
        found.append(PageRelativeLink(number, written, suggestion))
    return found
