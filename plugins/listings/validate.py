"""Check one listing file against the schema and the site, and build the Listing.

Every problem becomes a ContentError in French with the file, the line and the fix. The
schema (schema.py) does the structural checks; this module translates its findings for
editors and adds what a JSON Schema cannot say (real dates, their order, photos on disk).
"""

from __future__ import annotations

import collections
import datetime
import difflib
import hashlib
import logging
import multiprocessing
import os
import pickle
import re
import zoneinfo
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from html import unescape
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pelican.utils import slugify
from PIL import Image

from .cache import ListingCache, settings_digest
from .errors import ContentError
from .messages import translate
from .model import Contact, Event, Listing, Photo
from .render import Removed, description_to_html, encode_contact, plain_summary
from .schema import DATETIME_PATTERN, listing_schema
from .yamlfile import YamlDocument, read_yaml

logger = logging.getLogger(__name__)

_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
_EVENT_LENGTH = datetime.timedelta(hours=2)
_SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def kind_slug(kind: str) -> str:
    """`événement` → `evenement`: the URL form of a kind."""
    return slugify(kind, regex_subs=_SLUG_SUBS)


class ListingValidator:
    """Validates listing files for one site's settings (build it once per build)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.schema = listing_schema(settings)
        self.validator = Draft202012Validator(self.schema)
        self.content_root = Path(settings["PATH"])
        self.photos_root = self.content_root / settings["LISTING_PHOTOS_PATH"]
        self.photo_name = re.compile(self.schema["properties"]["photos"]["items"]["pattern"])
        self.timezone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")

    # --- one file -----------------------------------------------------------------------

    def load(self, path: Path) -> tuple[Listing | None, list[ContentError]]:
        """Read, check and build the listing in `path`; None when anything is wrong."""
        document, errors = read_yaml(path)
        if document is None:
            return None, errors
        if not isinstance(document.data, dict):
            return None, [
                ContentError(
                    path,
                    1,
                    "le fichier ne décrit pas une annonce",
                    "écrivez une ligne « clé: valeur » par information "
                    "(title: …, kind: …), sans tiret en début de ligne",
                )
            ]
        errors += self._schema_errors(path, document)
        dates = self._dates(path, document, errors)
        photos = self._photos(path, document, errors)
        event = self._event(path, document, errors)
        self._description(path, document, errors)
        self._price(path, document, errors)
        if errors:
            return None, errors
        line = document.line_of(("description",))[0]
        listing = self._build(path, document.data, dates, photos, event, line)
        if event and listing.expires < event.start.date():
            listing.warnings += (self._gone_before(path, document, listing, event),)
        return listing, []

    def _schema_errors(self, path: Path, doc: YamlDocument) -> list[ContentError]:
        found = sorted(
            self.validator.iter_errors(doc.data), key=lambda e: doc.line_of(tuple(e.absolute_path))
        )
        errors: list[ContentError] = []
        for error in found:
            if _photo_from_root(error):
                continue  # _photos says it, with the path to write
            errors.extend(translate(path, doc, error, self.schema))
        return errors

    # --- checks a schema cannot make -----------------------------------------------------

    def _date(
        self, path: Path, doc: YamlDocument, key: str, errors: list[ContentError]
    ) -> datetime.date | None:
        value = doc.data.get(key)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None  # missing or malformed: the schema already said so
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            line, column = doc.line_of((key,))
            errors.append(
                ContentError(
                    path,
                    line,
                    f"« {key} » : le {value} n’existe pas",
                    "vérifiez le jour et le mois (AAAA-MM-JJ)",
                    column,
                )
            )
            return None

    def _dates(
        self, path: Path, doc: YamlDocument, errors: list[ContentError]
    ) -> tuple[datetime.date | None, datetime.date | None]:
        published = self._date(path, doc, "date", errors)
        expires = self._date(path, doc, "expires", errors)
        if published and expires and expires < published:
            line, column = doc.line_of(("expires",))
            errors.append(
                ContentError(
                    path,
                    line,
                    f"« expires » ({expires}) est avant « date » ({published})",
                    f"mettez une date d’expiration après le {published}",
                    column,
                )
            )
        if published and not expires:
            expires = published + datetime.timedelta(days=self.settings["LISTING_DEFAULT_DAYS"])
        return published, expires

    def _datetime(
        self, path: Path, doc: YamlDocument, key: str, errors: list[ContentError]
    ) -> datetime.datetime | None:
        event = doc.data.get("event")
        value = event.get(key) if isinstance(event, dict) else None
        if not isinstance(value, str) or not re.match(DATETIME_PATTERN, value):
            return None  # missing or malformed: the schema already said so, with the fix
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            line, column = doc.line_of(("event", key))
            errors.append(
                ContentError(
                    path,
                    line,
                    f"« event.{key} » : « {value} » n’existe pas",
                    "vérifiez le jour, le mois et l’heure (AAAA-MM-JJTHH:MM)",
                    column,
                )
            )
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)

    def _event(self, path: Path, doc: YamlDocument, errors: list[ContentError]) -> Event | None:
        event = doc.data.get("event")
        if not isinstance(event, dict):
            return None
        start = self._datetime(path, doc, "start", errors)
        end = self._datetime(path, doc, "end", errors)
        if start and end and end < start:
            line, column = doc.line_of(("event", "end"))
            errors.append(
                ContentError(
                    path,
                    line,
                    "l’événement finit avant de commencer",
                    f"mettez « end » après {start:%Y-%m-%d %H:%M}",
                    column,
                )
            )
        if not start or not isinstance(event.get("place"), str):
            return None
        return Event(start, end or start + _EVENT_LENGTH, event["place"].strip())

    def _price(self, path: Path, doc: YamlDocument, errors: list[ContentError]) -> None:
        """`price: 1.500`, a thousand and a half as French writes it, is 1.5 to YAML: the
        page would show « 1,50 € ». Three digits after the point mean no price in euros
        and cents: an error, with both readings."""
        written = doc.plain.get(("price",), "")
        if not isinstance(doc.data.get("price"), float) or not _THOUSANDS.fullmatch(written):
            return
        line, column = doc.line_of(("price",))
        whole, read = written.replace(".", ""), _euros(float(written))
        errors.append(
            ContentError(
                path,
                line,
                f"« price » : « {written} » se lit {read} (le point marque les centimes) : ambigu",
                f"écrivez {whole} pour {whole} euros, sans point ni espace (ou "
                f"{float(written):.2f} pour {read})",
                column,
            )
        )

    def _gone_before(
        self, path: Path, doc: YamlDocument, listing: Listing, event: Event
    ) -> ContentError:
        """The warning for an event whose listing expires before it takes place: it leaves
        the lists, the feed and the calendar before the day, and nothing said so."""
        day = f"{event.start:%Y-%m-%d}"
        gone = "l’annonce quitte les listes et le calendrier avant l’événement"
        line_to_write = f"« expires: {event.end:%Y-%m-%d} » (le jour où l’événement finit)"
        if "expires" in doc.data:
            line, column = doc.line_of(("expires",))
            message = f"« expires » ({listing.expires}) est avant « event.start » ({day}) : {gone}"
            return ContentError(
                path, line, message, f"écrivez {line_to_write}", column, event.end.date()
            )
        line, column = doc.line_of(("event", "start"))
        message = (
            f"sans ligne « expires », l’annonce expire le {listing.expires} "
            f"({self.settings['LISTING_DEFAULT_DAYS']} jours après « date »), avant "
            f"l’événement du {day} : {gone}"
        )
        return ContentError(
            path, line, message, f"ajoutez la ligne {line_to_write}", column, event.end.date()
        )

    def _photos(self, path: Path, doc: YamlDocument, errors: list[ContentError]) -> list[Photo]:
        photos = doc.data.get("photos")
        if not isinstance(photos, list):
            return []
        found = []
        for index, name in enumerate(photos):
            if not isinstance(name, str):
                continue
            line, column = doc.line_of(("photos", index))
            target = (self.photos_root / name).resolve()
            if not name.startswith("/") and not self.photo_name.search(name):
                continue  # not a photo's name (plan.pdf): the schema's message says what to write
            if name.startswith("/"):
                # "/images/annonces/x.jpg", the address on the site: the path to write.
                meant = _meant_photo(name, self.photos_root)
                errors.append(
                    ContentError(
                        path,
                        line,
                        f"la photo « {name} » commence par « / »",
                        (f"écrivez « {meant} » : " if meant else "")
                        + "le chemin se compte depuis content/"
                        + f"{self.settings['LISTING_PHOTOS_PATH']}/, sans / au début",
                        column,
                    )
                )
            elif not target.is_relative_to(self.photos_root.resolve()):
                errors.append(
                    ContentError(
                        path,
                        line,
                        f"la photo « {name} » sort du dossier des images",
                        "donnez un chemin sous content/images/, sans « .. »",
                        column,
                    )
                )
            elif not target.is_file():
                meant = _meant_photo(name, self.photos_root)
                folder = f"content/{self.settings['LISTING_PHOTOS_PATH']}/"
                if meant and name.replace("\\", "/").endswith(f"/{meant}"):
                    hint = f"écrivez « {meant} » : le chemin se compte depuis {folder}"
                else:
                    hint = (
                        f"vouliez-vous dire « {meant} » ? " if meant else ""
                    ) + "vérifiez le nom du fichier (majuscules et extension comprises)"
                errors.append(
                    ContentError(
                        path, line, f"la photo « {name} » n’existe pas dans {folder}", hint, column
                    )
                )
            else:
                found.append(Photo(name, *_image_size(target)))
        return found

    def _description(self, path: Path, doc: YamlDocument, errors: list[ContentError]) -> None:
        text = doc.data.get("description")
        if not isinstance(text, str):
            return
        line, column = doc.line_of(("description",))
        if _EMAIL_IN_TEXT.search(text) or _PHONE_IN_TEXT.search(text):
            errors.append(
                ContentError(
                    path,
                    line,
                    "la description contient une adresse email ou un numéro de "
                    "téléphone, qui serait lisible par les robots collecteurs",
                    "retirez-le de la description et mettez-le sous « contact: », qui le protège",
                    column,
                )
            )

    # --- the Listing ---------------------------------------------------------------------

    def _build(
        self,
        path: Path,
        data: dict[str, Any],
        dates: tuple[datetime.date | None, datetime.date | None],
        photos: list[Photo],
        event: Event | None,
        description_line: int,
    ) -> Listing:
        published, expires = dates
        assert published and expires  # guaranteed: no errors were found
        slug = slugify(path.stem, regex_subs=_SLUG_SUBS)
        contact = Contact(**{k: str(v).strip() for k, v in data["contact"].items()})
        html, removed = description_to_html(data["description"])
        settings = self.settings
        ics = settings["LISTING_EVENT_ICS"].format(slug=slug) if event else None
        return Listing(
            slug=slug,
            source_path=path,
            title=data["title"].strip(),
            kind=data["kind"],
            kind_label=settings["LISTING_KINDS"][data["kind"]],
            kind_slug=kind_slug(data["kind"]),
            category=data["category"],
            category_label=settings["LISTING_CATEGORIES"][data["category"]],
            location=data["location"].strip(),
            postcode=str(data["postcode"]) if "postcode" in data else None,
            price=data.get("price"),
            date=published,
            expires=expires,
            status=data.get("status", "active"),
            author=data["author"].strip(),
            contact=contact,
            contact_blob=encode_contact(contact) if (contact.email or contact.phone) else "",
            photos=photos,
            tags=[str(tag).strip() for tag in data.get("tags", [])],
            event=event,
            description_html=html,
            summary=plain_summary(html),
            url=settings["LISTING_URL"].format(slug=slug),
            save_as=settings["LISTING_SAVE_AS"].format(slug=slug),
            ics_url=ics,
            ics_save_as=ics,
            warnings=(
                *((_removed_warning(path, description_line, removed),) if removed else ()),
                *_relative_links(path, description_line, html),
            ),
        )


LISTING_SUFFIXES = (".yaml", ".yml")  # in any case: `velo.YAML` is a listing too


def _files(folder: Path) -> list[Path]:
    """The files under `folder` an editor put there: hidden files (`.DS_Store`, `.velo.yaml.swp`)
    and editors' backups (`velo.yaml~`, `#velo.yaml#`) apart."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not path.name.endswith("~")
        and not (path.name.startswith("#") and path.name.endswith("#"))
    )


def stray_files(folder: Path) -> list[ContentError]:
    """A warning for each file of the listings folder that is not a listing (a photo, a
    .txt): it is not read, so nothing in it is published."""
    if not folder.is_dir():
        return []
    message = (
        "ce fichier n’est pas une annonce (seuls les fichiers .yaml le sont) : il n’est pas publié"
    )
    hint = (
        "si c’est une annonce, renommez-le en .yaml ; une photo va dans "
        "content/images/annonces/ et se cite sous « photos: »"
    )
    # An article or a page saved here: renaming it would not make it a listing.
    text_hint = (
        "si c’est un article, rangez-le dans content/articles/ (une page : content/pages/) ; "
        "si c’est une annonce, renommez-le en .yaml"
    )
    return [
        ContentError(path, 0, message, text_hint if path.suffix.lower() in _TEXT else hint)
        for path in _files(folder)
        if path.suffix.lower() not in LISTING_SUFFIXES
    ]


_TEXT = (".md", ".markdown", ".rst", ".html", ".htm")


# "1.500", "12.000": thousands written with a point, as French may write them (YAML reads
# "1.250.000" as text, which the schema refuses).
_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


def _euros(amount: float) -> str:
    """1.5 → « 1,50 € », as the listing page shows a price."""
    return f"{amount:.2f} €".replace(".", ",")


# A listing dated further ahead than this is more likely a slip of the year (2027 for 2026)
# than a listing prepared in advance: the build says so.
AHEAD = datetime.timedelta(days=31)


def current_warnings(listings: list[Listing], today: datetime.date) -> list[ContentError]:
    """The warnings kept with the listings (found when they were read, which does not depend
    on the build's date) that still matter on `today`."""
    return [
        warning
        for listing in listings
        for warning in listing.warnings
        if warning.until is None or warning.until >= today
    ]


def dated_ahead(listings: list[Listing], today: datetime.date) -> list[ContentError]:
    """A warning for each listing whose `date` is more than a month after `today` (the
    build's date): it is published now, at the top of the lists, with a date to come. Not
    kept with the listing (the cache does not depend on the build's date): said each build."""
    found = []
    for listing in listings:
        if listing.date - today <= AHEAD:
            continue
        line = _key_line(listing.source_path, "date")
        found.append(
            ContentError(
                listing.source_path,
                line,
                f"« date » ({listing.date}) est dans plus d’un mois (la construction est du "
                f"{today}) : l’annonce est publiée dès maintenant, en tête des listes",
                "vérifiez l’année : « date » est le jour où l’annonce paraît (AAAA-MM-JJ) ; la "
                "date d’un événement va sous « event: »",
            )
        )
    return found


def _key_line(path: Path, key: str) -> int:
    """The line of the top-level `key:` of a listing file (0 if not found)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    wanted = re.compile(rf"{re.escape(key)}\s*:")
    return next((n for n, line in enumerate(lines, start=1) if wanted.match(line)), 0)


def _removed_warning(path: Path, start: int, removed: list[Removed]) -> ContentError:
    """One warning for everything removed from a description, each with its lines in the
    file (found from the description's first line on; that line when not found)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    patterns = {item.what: item.where for item in removed}
    found: dict[str, list[int]] = {}
    for what, wanted in collections.Counter(item.what for item in removed).items():
        regex = re.compile(patterns[what], re.IGNORECASE)
        hits = [n for n in range(start, len(lines) + 1) if regex.search(lines[n - 1])]
        found[what] = sorted(set(hits[:wanted])) or [start]
    if len(found) == 1 and len(next(iter(found.values()))) == 1:
        parts = list(found)  # its line is the warning's own: no need to say it twice
    else:
        parts = [
            f"{what} ({'ligne' if len(numbers) == 1 else 'lignes'} {', '.join(map(str, numbers))})"
            for what, numbers in found.items()
        ]
    hint = "écrivez-la en Markdown : **gras**, *italique*, [texte du lien](https://…)"
    if any(item.image for item in removed):
        hint += " ; les photos se mettent sous « photos: »"
    first = min(number for numbers in found.values() for number in numbers)
    return ContentError(
        path, first, "du HTML a été retiré de la description : " + ", ".join(parts), hint
    )


# A link's address in the description's HTML; one without a scheme, "/", "#" or "?" is
# read from the listing's own address (/annonces/velo/www.villebourg.fr): it leads nowhere.
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
_RELATIVE = re.compile(r"^(?![a-zA-Z][\w+.-]*:|[/#?])")


def _relative_links(path: Path, start: int, html: str) -> list[ContentError]:
    """A warning for each link of a description (`html`, as published) written without
    https:// (`[la mairie](www.villebourg.fr)`), at its line from the description's first."""
    written = [unescape(href) for href in _HREF.findall(html) if href and _RELATIVE.match(href)]
    if not written:
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    found = []
    for address in written:
        line = next((n for n in range(start, len(lines) + 1) if address in lines[n - 1]), start)
        found.append(
            ContentError(
                path,
                line,
                f"le lien « {address} » n’a pas de https:// : il se lit depuis l’adresse de "
                "l’annonce sur le site, et ne mène à rien",
                "écrivez l’adresse complète de la page, qui commence par https://, par exemple "
                "[la mairie](https://www.villebourg.fr)",
            )
        )
    return found


def _photo_from_root(error: Any) -> bool:
    """Whether a schema finding is a photo written from the site's root ("/images/…")."""
    where = tuple(error.absolute_path)
    return (
        error.validator == "pattern"
        and where[:1] == ("photos",)
        and isinstance(error.instance, str)
        and error.instance.startswith("/")
    )


def _meant_photo(name: str, photos_root: Path) -> str:
    """The photo probably meant by `name`, written as the listing would write it ("" if none):
    the path from the photos folder when `name` starts higher ("content/images/annonces/x.jpg",
    "/images/annonces/x.jpg"), the same file but for case (VELO.JPG, the usual slip), or a
    typing slip away ("velo-enfnat").

    Only close names: a guess that shares just ".jpg" with `name` would send the editor to
    someone else's photo.
    """
    parts = [part for part in name.replace("\\", "/").split("/") if part]
    for start in range(1, len(parts)):
        if (photos_root / "/".join(parts[start:])).is_file():
            return "/".join(parts[start:])
    target = photos_root.joinpath(*parts)
    try:
        names = sorted(entry.name for entry in os.scandir(target.parent) if entry.is_file())
    except OSError:
        return ""
    by_lower = {found.lower(): found for found in names}
    wanted = target.name.lower()
    close = (
        [wanted]
        if wanted in by_lower
        else difflib.get_close_matches(wanted, list(by_lower), n=1, cutoff=0.8)
    )
    if not close:
        return ""
    folder = name.replace("\\", "/").rpartition("/")[0]
    return f"{folder}/{by_lower[close[0]]}" if folder else by_lower[close[0]]


def _image_size(path: Path) -> tuple[int | None, int | None]:
    """Width and height from the image header (cheap: pixels are not decoded)."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, Image.DecompressionBombError):
        # The thumbnails plugin reports broken images; here the size is only a layout hint.
        return None, None


# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200
# The validator of the load being started, inherited by forked workers (it holds the
# compiled schema and the settings, which need not be picklable).
_worker_validator: ListingValidator | None = None


def _load_in_worker(path: Path) -> tuple[Listing | None, list[ContentError]]:
    assert _worker_validator is not None
    return _worker_validator.load(path)


class _Reading:
    """validator.load() of each path, started: in forked processes when there are many of
    them, which work while the caller goes on; results() waits for them."""

    def __init__(self, validator: ListingValidator, paths: list[Path], workers: int) -> None:
        global _worker_validator
        self.validator, self.paths = validator, paths
        self.pool: ProcessPoolExecutor | None = None
        self.pending: Any = None
        workers = workers or os.cpu_count() or 1
        if workers < 2 or len(paths) < PARALLEL_MIN_FILES:
            return
        try:
            _worker_validator = validator
            self.pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork")
            )
            chunk = max(8, len(paths) // (workers * 8))
            # map() submits every chunk now, and the first submit forks all the workers.
            self.pending = self.pool.map(_load_in_worker, paths, chunksize=chunk)
        except (ValueError, OSError, BrokenProcessPool, pickle.PicklingError) as error:
            self._give_up(error)
        finally:
            _worker_validator = None

    def _give_up(self, error: BaseException) -> None:
        # No fork here (another OS), or a sandbox without processes: read them in turn.
        logger.info("Annonces : lecture sans processus parallèles (%s)", error)
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool = self.pending = None

    def results(self) -> dict[Path, tuple[Listing | None, list[ContentError]]]:
        if self.pending is not None:
            try:
                return dict(zip(self.paths, self.pending, strict=True))
            except (ValueError, OSError, BrokenProcessPool, pickle.PicklingError) as error:
                self._give_up(error)
            finally:
                if self.pool is not None:
                    self.pool.shutdown()
        return {path: self.validator.load(path) for path in self.paths}


def _same_address(
    path: Path, other: Path, slug: str, folder: Path, files: list[Path]
) -> ContentError:
    """The error for a listing whose file name makes the address of another one (velo.yaml
    in two subfolders, « Vélo.yaml » and « velo.yaml »), with a name no file of the folder
    makes."""
    taken = {slugify(file.stem, regex_subs=_SLUG_SUBS) for file in files}
    number = 2
    while slugify(f"{path.stem}-{number}", regex_subs=_SLUG_SUBS) in taken:
        number += 1
    shown = Path(folder.name, other.relative_to(folder)).as_posix()
    return ContentError(
        path,
        0,
        f"une autre annonce, {shown}, a déjà l’adresse « {slug} » : celle-ci n’est pas publiée",
        f"renommez ce fichier, par exemple {path.stem}-{number}{path.suffix} : le nom du "
        "fichier fait l’adresse de l’annonce",
    )


def load_folder(
    folder: Path, settings: dict[str, Any], cache_folder: Path | None = None, workers: int = 0
) -> tuple[list[Listing], list[ContentError]]:
    """Every listing under `folder` (subfolders too), newest first, and every problem found.

    With `cache_folder`, files unchanged since the last build there are not read again
    (cache.py). New and changed files are read in `workers` processes (0: one per core)
    when there are enough of them to pay for starting the processes.
    """
    return FolderLoad(folder, settings, cache_folder, workers).finish()


class FolderLoad:
    """load_folder() in two steps: creating it starts reading the files (in worker processes
    when there are many), so the caller can do other work meanwhile; finish() returns what
    load_folder() does. The generator starts one before Pelican reads the articles."""

    def __init__(
        self,
        folder: Path,
        settings: dict[str, Any],
        cache_folder: Path | None = None,
        workers: int = 0,
    ) -> None:
        self.folder = folder
        validator = ListingValidator(settings)
        self.cache = (
            ListingCache(cache_folder, settings_digest(settings), validator.photos_root)
            if cache_folder is not None
            else None
        )
        self.files = [path for path in _files(folder) if path.suffix.lower() in LISTING_SUFFIXES]
        self.known: dict[Path, Listing] = {}
        self.shas: dict[Path, str] = {}
        if self.cache is not None:
            for path in self.files:
                self.shas[path] = hashlib.sha256(path.read_bytes()).hexdigest()
                listing = self.cache.get(path, self.shas[path])
                if listing is not None:
                    self.known[path] = listing
        unknown = [path for path in self.files if path not in self.known]
        self.reading = _Reading(validator, unknown, workers)

    def finish(self) -> tuple[list[Listing], list[ContentError]]:
        loaded = self.reading.results()
        listings: list[Listing] = []
        errors: list[ContentError] = []
        by_slug: dict[str, Path] = {}
        for path in self.files:
            if path in self.known:
                listing, problems = self.known[path], []
            else:
                listing, problems = loaded[path]
                if self.cache is not None and listing is not None and not problems:
                    self.cache.put(path, self.shas[path], listing)
            errors += problems
            if listing is None:
                continue
            if listing.slug in by_slug:
                other = by_slug[listing.slug]
                errors.append(_same_address(path, other, listing.slug, self.folder, self.files))
                continue
            by_slug[listing.slug] = path
            listings.append(listing)
        listings.sort(key=lambda item: item.sort_key, reverse=True)
        if self.cache is not None:
            self.cache.save()
        return listings, errors
