"""Warns about what an editor wrote that Pelican would ignore without a word.

- **A header key nothing reads.** Pelican keeps any `Key: value` line of a Markdown header
  as metadata, and a theme reads only the keys it knows. An editor who writes `Tag: jardin`
  for `Tags:`, or `Sumary:`, gets an article without tags or summary:

      ATTENTION content/articles/2026-04-12-jardin-partage.md:4 : la clé « Tag » n’existe
      pas : cette ligne est ignorée → vouliez-vous dire « Tags » ?

  A key written in French (`Titre:`, `Résumé:`, `Mots-clés:`) gets its English name
  (`source.english_key`): no spelling distance leads from one to the other.

- **A file no reader takes.** In the article and page folders, Pelican reads only the
  extensions of its readers (`.md`…) and skips the rest: a `.txt`, a `.docx`, an
  `article.MD` are never published. Hidden files, editors' backups (`~`, `#…#`), and
  files under STATIC_PATHS, ARTICLE_EXCLUDES, PAGE_EXCLUDES or IGNORE_FILES are not
  reported.

- **A header line Markdown's header reader stops at**: a space before the colon
  (`Title : Fête`, as French typography writes it) or a key in French (`Résumé:`). Pelican
  skipped the article for want of a title, or showed the rest of the header as text. The
  first is read as `Title:`; the second stays an unknown key, with its warning, and the
  lines after it are read (header_keys.py, a Markdown extension this plugin adds to the
  MARKDOWN setting).

- **HTML pasted from a word processor or a web page** (`class="MsoNormal"`, `style=`,
  `<font>`): published as written, with its own fonts and margins; a warning names its
  lines and says how to paste plain text (pasted_html.py).

- **A key written twice** (`Title:` on two lines, a header copied and completed): Pelican
  made the title a list, shown as ['Fête', 'Repas'], and a second `Image:` stopped the
  build with a traceback. The first line counts (header_keys.py), with a warning on the
  other (header_values.py). A value continued on an indented line is one value, not a
  list (header_keys.py).

- **Tags written `#vélo #atelier` or `vélo; atelier`** (one tag for Pelican, which splits at
  commas only), **two categories on one line** (`Category: Culture, Vie du quartier`: a new
  category of its own), and **a page with `Category:` or `Tags:`** (pages have neither: most likely
  an article saved in content/pages/, out of the blog and into the menu): a warning on the
  line, with what to write (header_values.py).

- **A file Pelican skips** for a missing title, a date it cannot read or an unknown
  status: Pelican's English message (for a date, only "Could not process x.md") becomes an
  error with the line and the fix (skipped.py):

      ERREUR content/articles/2026-11-20-fete.md:4 : « Status » : « brouillon » n’est pas un
      statut connu : non publié → écrivez « Status: draft »

- **Two articles or two pages with one address** (a yearly event named the same twice in a
  year, a copied `Slug:`): Pelican stops with a traceback. The first keeps the address, the
  other is left out with an error naming both files and a free name (addresses.py):

      ERREUR content/articles/2026-09-12-reunion.md : son adresse /2026/reunion/ est déjà
      celle de content/articles/2026-03-07-reunion.md : non publié → renommez le fichier
      (par exemple 2026-09-12-reunion-septembre.md) ou ajoutez la ligne « Slug: reunion-septembre »

- **A date written day first that Pelican reads month first**: `Date: 03/04/2026` is
  published as the 4th of March. An error gives the two dates it could be, written
  AAAA-MM-JJ (dates.py). A published article dated more than a month after the build's
  date (the site's `BUILD_DATE` setting, if it has one) gets a warning: it would top the
  home page until then, and a slip of the year is the likely cause.

- **One category, tag or author written two ways** (`Category: vie du quartier` in one
  article, `Vie du quartier` in three): Pelican makes one page of them, under whichever
  name it met first. The articles that write it otherwise than most get a warning with the
  name to write (spellings.py).

- **A `{filename}`, `{static}` or `{attach}` link to a file that does not exist**
  (renamed, mistyped): Pelican leaves a dead link and says "Unable to find '…'" or
  "Cannot get modification stamp for …" without naming the article. The warning names the
  file and the line instead, and a file of a close name if there is one (links.py);
  Pelican's lines are dropped:

      ATTENTION content/articles/2026-11-20-fete.md:9 : le lien « {filename}2026-06-21-fete.md »
      vise un fichier qui n’existe pas : il reste mort → vouliez-vous dire
      « {filename}2026-06-21-fête.md » ? Sinon, corrigez le chemin ou retirez-le

- **A `{filename}` link to a document** (a PDF…) instead of `{static}`: a dead link, unless
  the file is under STATIC_PATHS (then Pelican links it, and says so in English, without the
  line). The warning gives the line and the `{static}` link to write (links.py):

      ATTENTION content/articles/2026-11-20-fete.md:9 : le lien « {filename}/documents/cr.pdf »
      vise un document avec {filename}, la marque des articles, des pages et des annonces : il
      reste mort → écrivez « {static}/documents/cr.pdf » : le document sera publié avec la page

- **A `{filename}` link to a draft, or to a file nothing published** (an article Pelican
  skipped, a listing with an error): the draft's link works in the local preview only, the
  other stays dead. Found once every generator has read, from the HTML Pelican read, so a
  build reads no file again for it (link_targets.py):

      ATTENTION content/articles/2026-11-20-fete.md:9 : le lien « {filename}2026-12-01-repas.md »
      vise un brouillon (Status: draft) : il marche dans l’aperçu, mais le site publié n’a
      pas cette page → publiez d’abord content/articles/2026-12-01-repas.md (Status:
      published), ou retirez le lien

- **A link to a file of content/ written without `{static}` or `{filename}`**, as the file
  tree shows it: `![Le plan](images/plan.jpg)`. Pelican leaves it as written, the browser
  takes it from the page's address (/2026/fete/images/plan.jpg) and finds nothing. The
  warning gives the link to write (links.py). An image written from the source's own folder
  (`../images/plan.jpg`) is left alone: the thumbnails plugin takes it as `{static}`:

      ATTENTION content/articles/2026-11-20-fete.md:7 : le lien « images/plan.jpg » part de
      l’adresse de la page sur le site, pas du dossier content/ : il ne mène à rien →
      écrivez « {static}/images/plan.jpg »

- **A link to another site without `https://`**: `[la mairie](www.villebourg.fr)`. The
  browser looks for it on this site, under the page's address; the warning gives the
  address to write, « https://www.villebourg.fr » (links.py).

- **An image or a link that Markdown leaves as text**: `![Le plan] ({static}/…)` with a
  space before the parenthesis, or without the parenthesis that closes it. The page shows
  the brackets and the path; the warning gives the line and what to write
  (markdown_slips.py):

      ATTENTION content/articles/2026-11-20-fete.md:7 : « ![Le plan] ({static}/images/plan.jpg) »
      n’est pas une image mais du texte sur la page : Markdown n’en lit pas avec une espace
      entre ] et ( → écrivez « ![Le plan]({static}/images/plan.jpg) », sans espace

- **An image without a description**, `![]({static}/images/plan.jpg)`: a screen reader
  says nothing of it. Pelican warns in English, without the line ("Empty alt attribute for
  image plan.jpg in …"); the warning gives the line and what to write instead, and
  Pelican's line is dropped (image_alt.py):

      ATTENTION content/articles/2026-11-20-fete.md:7 : l’image « ![]({static}/images/plan.jpg) »
      n’a pas de description : un lecteur d’écran n’en dit rien, et qui ne la voit pas ignore
      ce qu’elle montre → écrivez entre les crochets ce qu’elle montre, en une phrase :
      « ![Ce que montre la photo]({static}/images/plan.jpg) »

- **An `{attach}` link to a file another link already publishes**: a second page that
  attaches the same document, or one also linked with `{static}`. The link leads to where
  the file already is; Pelican says so in English without the line. The warning gives the
  line and the `{static}` link to write (attach_links.py).

Known keys are Pelican's own (`PELICAN_KEYS`), those the settings make (the groups of
FILENAME_METADATA and PATH_METADATA, the keys of DEFAULT_METADATA) and the site's own:

- `METADATA_EXTRA_KEYS` (list of str, default `[]`): keys the theme or other plugins read,
  in any case (`["Image", "Canonical"]`).

They run at every build, whatever was read again or from a cache, so a warning stands
until it is mended. `file_problems()` (one file) and `unread_files()` do the same without
a build, for a command that checks content.
"""

from __future__ import annotations

import contextlib
import difflib
import fnmatch
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article, Page

from .addresses import ARTICLE_LISTS, PAGE_LISTS, leave_out_clashes
from .dates import DATE_KEYS, build_date, dated_ahead, is_ahead, may_be_misread, misread_dates
from .header_keys import read_header_keys
from .header_values import (
    ARTICLE_ONLY_KEYS,
    article_keys_in_page,
    category_slips,
    repeated_keys,
    tag_slips,
)
from .image_alt import EMPTY_ALT_HTML, EmptyAlt, empty_alts
from .link_targets import UnpublishedLink, unpublished_links
from .links import (
    MARKER,
    RELATIVE,
    BrokenLink,
    DocumentLink,
    PageRelativeLink,
    SchemeLessLink,
    broken_links,
    document_links,
    marked_links,
    page_relative_links,
)
from .markdown_slips import MarkdownSlip, markdown_slips
from .pasted_html import PastedFormatting, may_hold_pasted, pasted_formatting
from .skipped import (
    NOT_UTF8,
    PELICAN_LOGGERS,
    PelicanMessages,
    Problem,
    is_page,
    leave_out_untitled,
    skip_problems,
)
from .source import editor_backup, english_key, header_lines, shown
from .spellings import variant_spellings

__all__ = [
    "BrokenLink", "DocumentLink", "PageRelativeLink", "Problem", "UnknownKey",
    "UnpublishedLink", "broken_links", "document_links", "editor_backup", "file_problems",
    "header_lines", "known_keys",
    "page_relative_links", "shown", "skip_problems", "unknown_keys", "unpublished_links",
    "unread_files", "unread_message",
]  # fmt: skip

logger = logging.getLogger(__name__)

# What Pelican itself reads from a header (pelican.readers.METADATA_PROCESSORS and
# pelican.contents.Content), lower case as its Markdown reader gives them.
PELICAN_KEYS = frozenset(
    {
        "title",
        "date",
        "modified",
        "category",
        "tags",
        "author",
        "authors",
        "slug",
        "summary",
        "status",
        "lang",
        "translation",
        "template",
        "save_as",
        "url",
    }
)


@dataclass(frozen=True)
class UnknownKey:
    """A header line whose key nothing reads: where, which key, and the likely one."""

    line: int
    key: str  # as the editor wrote it
    suggestion: str | None

    @property
    def message(self) -> str:
        return f"la clé « {self.key} » n’existe pas : cette ligne est ignorée"

    @property
    def hint(self) -> str:
        if self.suggestion:
            return f"vouliez-vous dire « {self.suggestion} » ?"
        return "corrigez la clé ou retirez la ligne (les clés possibles sont dans le guide)"


# What the plugin warns about in a source: each has a line, a message and a hint.
Warned = (
    UnknownKey
    | BrokenLink
    | DocumentLink
    | PageRelativeLink
    | SchemeLessLink
    | MarkdownSlip
    | EmptyAlt
    | PastedFormatting
    | Problem
)


def known_keys(settings: dict[str, Any]) -> frozenset[str]:
    """Every key something reads, lower case, for these settings."""
    keys = set(PELICAN_KEYS)
    keys |= {key.lower() for key in settings.get("DEFAULT_METADATA", {})}
    for setting in ("FILENAME_METADATA", "PATH_METADATA"):
        pattern = settings.get(setting) or ""
        with contextlib.suppress(re.error):  # Pelican reports a broken pattern itself
            keys |= {group.lower() for group in re.compile(pattern).groupindex}
    keys |= {key.lower() for key in settings.get("METADATA_EXTRA_KEYS", [])}
    return frozenset(keys)


def unknown_keys(text: str, known: frozenset[str]) -> list[UnknownKey]:
    """The header lines of a Markdown file (header_lines) whose key is not in `known`."""
    found = []
    for number, key, _ in header_lines(text):
        if key.lower() not in known:
            found.append(UnknownKey(number, key, _likely_key(key.lower(), known)))
    return found


def _likely_key(key: str, known: frozenset[str]) -> str | None:
    """The known key meant by `key` (lower case), as the guides write it: its English name
    (« Résumé »), else a close spelling (« Sumary »), else None."""
    english = english_key(key)
    if english in known:
        return _as_written(english)
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return _as_written(close[0]) if close else None


def _as_written(key: str) -> str:
    """`seo-ignore` → `SEO-Ignore`, `tags` → `Tags`: as the guides write keys."""
    return "-".join(part.upper() if part == "seo" else part.capitalize() for part in key.split("-"))


def file_problems(
    path: Path, settings: dict[str, Any], known: frozenset[str]
) -> tuple[list[Problem], list[Warned]]:
    """Without a build: why Pelican would skip the file at `path` (errors), and what of it
    it would ignore or show otherwise than meant (warnings). Each has a line, a message and
    a hint. What depends on other files (drafts, a date ahead as Pelican reads it) needs
    every file planned: `invoke check` does it (commands/content_check.py)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [NOT_UTF8], []
    lines = header_lines(text)
    warnings: list[Warned] = [*unknown_keys(text, known), *repeated_keys(lines)]
    root = Path(settings["PATH"])
    marked = list(marked_links(path, text, root))
    warnings += broken_links(path, text, root, marked)
    warnings += document_links(path, text, root, settings["STATIC_PATHS"], marked)
    warnings += page_relative_links(path, text, Path(settings["PATH"]))
    warnings += markdown_slips(text)
    warnings += empty_alts(text)
    warnings += pasted_formatting(text)
    warnings += tag_slips(lines)
    if is_page(path, settings):
        warnings += article_keys_in_page(lines)
    else:
        warnings += category_slips(lines)
    errors = skip_problems(path, text, settings) + misread_dates(lines)
    return errors, warnings


def check(instance: Any) -> None:
    """At `content_object_init`, for an article or a page: each check of the module's doc
    that needs only its source (unknown keys, broken and page-relative links, images left
    as text, pasted HTML, a date a year ahead, tags in one, a page with a category) warns;
    a date Pelican may have read the wrong way round is an error. Cheap tests on what
    Pelican read come first: a valid file is not read again."""
    if not isinstance(instance, Article | Page) or not instance.source_path:
        return
    settings = instance.settings
    known = known_keys(settings)
    metadata = getattr(instance, "metadata", {})
    keys_known = all(key.lower() in known for key in metadata)
    # Pelican replaces links in the HTML and the summary; none there, none to check.
    fields = [str(getattr(instance, "_content", "") or ""), str(metadata.get("summary") or "")]
    may_link = any(MARKER.search(field) for field in fields)
    may_link_relative = any(RELATIVE.search(field) for field in fields)
    # An image or a link left as text, "![Le plan] (…)" (markdown_slips.py).
    may_slip = "](" in fields[0] or "] (" in fields[0]
    # An image without a description, "![](…)" (image_alt.py).
    may_lack_alt = EMPTY_ALT_HTML.search(fields[0]) is not None
    # HTML pasted from Word or a site, with its own fonts and margins (pasted_html.py).
    may_paste = may_hold_pasted(fields[0])
    # A published article dated more than a month ahead: a slip of the year (dates.py).
    today = build_date(settings)
    ahead = isinstance(instance, Article) and instance.status == "published"
    ahead = ahead and is_ahead(metadata.get("date"), today)
    # Tags written "#vélo #atelier", a page with a category (header_values.py).
    tags_slip = any("#" in str(tag) or ";" in str(tag) for tag in metadata.get("tags") or ())
    # Two categories on one line, "Culture, Vie du quartier" (header_values.py).
    category_slip = isinstance(instance, Article) and any(
        mark in str(metadata.get("category") or "") for mark in ",;"
    )
    page_keys = isinstance(instance, Page) and any(k in metadata for k in ARTICLE_ONLY_KEYS)
    # A date Pelican read month first that could have been written day first (dates.py).
    may_misread = any(
        may_be_misread(date.day, date.month)
        for date in (metadata.get(key) for key in DATE_KEYS)
        if hasattr(date, "day")
    )
    if keys_known and not (
        may_link
        or may_link_relative
        or may_misread
        or may_slip
        or may_lack_alt
        or may_paste
        or ahead
        or tags_slip
        or category_slip
        or page_keys
    ):
        return  # the common case: no file to read
    source = Path(instance.source_path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return  # the reader has reported it
    where = shown(source, settings)
    lines = header_lines(text)
    if may_misread:
        for problem in misread_dates(lines):
            logger.error("%s:%d : %s → %s", where, problem.line, problem.message, problem.hint)
    found: list[Warned] = [*unknown_keys(text, known)]
    if not keys_known:  # a key written twice is renamed to an unknown one (header_keys.py)
        found += repeated_keys(lines)
    if may_link:
        root = Path(settings["PATH"])
        marked = list(marked_links(source, text, root))
        links = broken_links(source, text, root, marked)
        documents = document_links(source, text, root, settings["STATIC_PATHS"], marked)
        _messages.named([*links, *documents])
        found += links + documents
    if may_link_relative:
        found += page_relative_links(source, text, Path(settings["PATH"]))
    if may_slip:
        found += markdown_slips(text, fields[0])
    if may_lack_alt:
        found += empty_alts(text)
    if may_paste:
        found += pasted_formatting(text)
    if ahead:
        found += dated_ahead(lines, metadata["date"], today)
    if tags_slip:
        found += tag_slips(lines)
    if category_slip:
        found += category_slips(lines)
    if page_keys:
        found += article_keys_in_page(lines)
    for item in found:
        _warn(where, item)


def _warn(where: Path, item: Warned | UnpublishedLink) -> None:
    """Log `item` as editors read it: `content/articles/x.md:12 : … → fix`, without a line
    when there is none to give (a date taken from the file's name)."""
    line = f":{item.line}" if item.line else ""
    logger.warning("%s%s : %s → %s", where, line, item.message, item.hint)


def unread_files(settings: dict[str, Any], extensions: set[str]) -> list[Path]:
    """Files of the article and page folders that no reader with these `extensions` takes,
    hidden files, backups, ignored and static files apart."""
    content = Path(settings["PATH"])
    read = {*settings.get("ARTICLE_PATHS", []), *settings.get("PAGE_PATHS", [])}
    # Pelican excludes the page folders from the articles and the other way round: a
    # folder one generator excludes and the other reads is still read.
    excluded = {*settings.get("ARTICLE_EXCLUDES", []), *settings.get("PAGE_EXCLUDES", [])}
    skipped = [content / f for f in [*settings.get("STATIC_PATHS", []), *(excluded - read)]]
    ignored = settings.get("IGNORE_FILES", [])
    found = set()
    for folder in sorted(read):
        for path in (content / folder).rglob("*"):
            relative = path.relative_to(content)
            if (
                path.suffix[1:] in extensions  # first: no stat for the files read
                or not path.is_file()
                or any(part.startswith(".") for part in relative.parts)
                or editor_backup(path.name)
                or any(fnmatch.fnmatch(str(relative), pattern) for pattern in ignored)
                or any(path.is_relative_to(other) for other in skipped)
            ):
                continue
            found.add(path)
    return sorted(found)


def unread_message(extensions: set[str]) -> tuple[str, str]:
    """What to say of an unread file, and the fix."""
    read = ".md" if "md" in extensions else ", ".join(f".{e}" for e in sorted(extensions))
    return (
        f"ce fichier n’est pas lu (seuls les fichiers {read} le sont) : il n’est pas publié",
        f"si c’est un article ou une page, enregistrez-le en {read.split(',')[0]} (en "
        "minuscules) ; sinon rangez-le hors de ce dossier (les images vont dans "
        "content/images/)",
    )


def report_unpublished_links(generators: list[Any]) -> None:
    """At `all_generators_finalized`, when every generator has read (the listings plugin's
    too): warn about each `{filename}` link of a published article or page to a draft or to
    a file nothing published (link_targets.py). Pelican's line about it is dropped."""
    contents = [
        item
        for generator in generators
        for name in (*ARTICLE_LISTS, *PAGE_LISTS)
        if "draft" not in name
        for item in getattr(generator, name, None) or ()
        if isinstance(item, Article | Page)
    ]
    if not contents:
        return
    settings = contents[0].settings
    context = next(generator.context for generator in generators if hasattr(generator, "context"))
    found = unpublished_links(contents, context, settings)
    _messages.named([link for _instance, link in found])
    for instance, link in found:
        _warn(shown(Path(instance.source_path), settings), link)


def report_unread(generators: list[Any]) -> None:
    """At `all_generators_finalized`: warn about each file no reader took."""
    readers = next((g.readers for g in generators if hasattr(g, "readers")), None)
    if readers is None:
        return
    settings = readers.settings
    extensions = set(readers.extensions) - {"static"}
    message, hint = unread_message(extensions)
    for path in unread_files(settings, extensions):
        logger.warning("%s : %s → %s", shown(path, settings), message, hint)


_messages = PelicanMessages()


def explain_skips(pelican: Any) -> None:
    """At `initialized`: Pelican's messages about a file it skips are said our way, and
    those about a link `check` named are dropped (skipped.py), for this build. Header lines
    written `Title : …` or `Résumé: …` no longer end the header (header_keys.py)."""
    read_header_keys(pelican.settings)
    _messages.new_build(pelican.settings)
    for name in PELICAN_LOGGERS:
        filters = logging.getLogger(name).filters
        if _messages not in filters:
            # First, before Pelican's LimitFilter: it turns the fifth message of a kind
            # (« cannot relocate », « Empty alt ») into an English « More … » line and drops
            # the rest, before a later filter could name them with their line.
            filters.insert(0, _messages)


def leave_out_articles(generator: Any) -> None:
    """At `article_generator_pretaxonomy`: an article with an empty title (skipped.py), and
    of two articles with one address the second (addresses.py), are left out of the lists,
    tags and archives, with an error."""
    leave_out_untitled(generator, ARTICLE_LISTS)
    leave_out_clashes(generator, ARTICLE_LISTS)


def leave_out_pages(generator: Any) -> None:
    """At `page_generator_finalized`: the same for pages."""
    leave_out_untitled(generator, PAGE_LISTS)
    leave_out_clashes(generator, PAGE_LISTS)


def report_spellings(generator: Any) -> None:
    """At `article_generator_finalized`: warn about each article that writes a category, a
    tag or an author otherwise than most articles do (spellings.py)."""
    for spelling in variant_spellings([*generator.articles, *generator.translations]):
        where = shown(spelling.source, generator.settings)
        logger.warning("%s:%d : %s → %s", where, spelling.line(), spelling.message, spelling.hint)


def register() -> None:
    """Pelican entry point."""
    signals.initialized.connect(explain_skips)
    signals.article_generator_pretaxonomy.connect(leave_out_articles)
    signals.page_generator_finalized.connect(leave_out_pages)
    signals.article_generator_finalized.connect(report_spellings)
    signals.content_object_init.connect(check)
    signals.all_generators_finalized.connect(report_unread)
    signals.all_generators_finalized.connect(report_unpublished_links)
