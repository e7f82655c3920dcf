"""Read one YAML file into plain data, keeping the line of every key for error messages.

YAML 1.1 (PyYAML's default) turns `non` into False and `2026-13-45` into a crash inside the
parser. Our loader resolves only true/false as booleans and leaves dates as strings, so the
validator sees what the editor wrote and can say precisely what is wrong with it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .errors import ContentError

Position = tuple[int, int]  # line, column, counting from 1
PathKey = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps, with only true/false as booleans, and with
    only plain decimal integers."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":timestamp", ":bool", ":int"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.1 reads `postcode: 05000` as octal (2560), `heure: 12:30` as base 60 (750) and
# `0x10` as hex: the page would show another number, without a word. A number with a
# leading zero, a colon or a letter stays text, as YAML 1.2 reads it; the schema then says
# which keys want a number.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)

# libyaml's parser, when PyYAML was built with it, with the same resolvers: ten times faster
# on 2,000 listings. A file it refuses is read again by the pure-Python parser above, whose
# messages the hints below were written for.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """_Loader's rules on libyaml's parser."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


class _YamlProblem(NamedTuple):
    needle: str  # what PyYAML's message holds
    french: str  # what it is, after « YAML illisible : »
    hint: str  # advice an editor can follow
    # The file or the line ended inside a bracket or a quote: where it opened is what to
    # fix, not where PyYAML noticed.
    at_opening: bool = False


# PyYAML's problems, by what its message holds.
_YAML_PROBLEMS = [
    _YamlProblem(
        "found character '\\t'", "une tabulation", "remplacez les tabulations par des espaces"
    ),
    _YamlProblem(
        "mapping values are not allowed",
        "un « : » inattendu",
        "une valeur contient « : » : mettez-la entre guillemets, ou la clé précédente n’a pas "
        "le bon retrait",
    ),
    _YamlProblem(
        "could not find expected ':'",
        "une clé sans « : »",
        "il manque « : » après une clé, ou le retrait est décalé",
    ),
    _YamlProblem(
        "did not find expected key",
        "une ligne en retrait alors qu’une clé était attendue",
        "le retrait (les espaces en début de ligne) est décalé",
    ),
    _YamlProblem(
        "found unexpected end of stream",
        "le fichier s’arrête avant la fin d’une valeur",
        "un guillemet ou un crochet ouvert n’est pas refermé",
        at_opening=True,
    ),
    _YamlProblem(
        "found undefined alias",
        "un « * » en début de valeur",
        "retirez le « * » en début de valeur, ou mettez-la entre guillemets",
    ),
    _YamlProblem(
        "expected ',' or ']'",
        "une liste [ … ] qui n’est pas refermée sur sa ligne",
        "fermez le crochet sur la même ligne (« tags: [vélo, enfants] »), ou mettez la valeur "
        "entre guillemets si le [ en fait partie",
        at_opening=True,
    ),
    _YamlProblem(
        "expected ',' or '}'",
        "un groupe { … } qui n’est pas refermé sur sa ligne",
        "fermez l’accolade sur la même ligne, ou mettez la valeur entre guillemets",
        at_opening=True,
    ),
    _YamlProblem(
        "expected <block end>",
        "une ligne qui n’est alignée ni sur les clés ni sur une liste",
        "alignez-la sur les autres clés (autant d’espaces en début de ligne) ; un « - » en début "
        "de ligne commence une liste : retirez-le s’il n’en fait pas partie",
    ),
    _YamlProblem(
        "found another document",
        "un « --- » au milieu du fichier",
        "une annonce par fichier : retirez la ligne « --- »",
    ),
]


def _known(problem: str) -> _YamlProblem | None:
    return next((known for known in _YAML_PROBLEMS if known.needle in problem), None)


def _explained(problem: str, known: _YamlProblem | None) -> tuple[str, str]:
    """« YAML illisible : … » and the advice for PyYAML's `problem` (`known`: its entry in
    the table); its own words, said to be its own, and general advice for a problem not in
    the table."""
    if known is not None:
        return f"YAML illisible : {known.french}", known.hint
    return (
        f"YAML illisible (message de la bibliothèque YAML : {problem})",
        "vérifiez le retrait et les deux-points à cette ligne et à la précédente",
    )


class YamlDocument:
    """The data of one YAML file and the position of each value, by its path of keys."""

    def __init__(
        self, data: Any, positions: dict[PathKey, Position], plain: dict[PathKey, str] | None = None
    ) -> None:
        self.data = data
        self.positions = positions
        # Each unquoted value as written ("1.500"), where what YAML made of it (1.5) may
        # not be what the editor meant.
        self.plain = plain or {}

    def line_of(self, path: PathKey) -> Position:
        """Where the value at `path` is, or its nearest parent, or the top of the file."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def _collect(
    node: yaml.Node,
    path: PathKey,
    positions: dict[PathKey, Position],
    errors: list[tuple[Position, str, str]],
    plain: dict[PathKey, str],
) -> None:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode) and not node.style:  # plain: None, or "" (libyaml)
        plain[path] = node.value
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                errors.append(
                    (
                        (line, key_node.start_mark.column + 1),
                        f"la clé « {key} » apparaît deux fois (lignes {seen[key]} et {line})",
                        "gardez une seule des deux lignes",
                    )
                )
            seen[key] = line
            _collect(value_node, (*path, key), positions, errors, plain)
            # Point at the key, which is where the editor looks, not at its value.
            positions[(*path, key)] = (line, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect(item, (*path, index), positions, errors, plain)


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[ContentError]]:
    """Parse `path`; on failure the document is None and the errors say why and where."""
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None, [
            ContentError(
                path,
                0,
                "ce fichier n’est pas du texte (c’est peut-être une "
                "image ou un document enregistré sous ce nom)",
                "une annonce est un fichier texte .yaml : recréez-le avec "
                "`invoke new-listing` ou un éditeur de texte",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            ContentError(
                path,
                line,
                "ce fichier n’est pas écrit en UTF-8",
                "enregistrez-le en UTF-8 depuis votre éditeur de texte",
            )
        ]
    node, data = _parse_fast(text)
    if node is not None:
        return _document(path, node, data)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [
                ContentError(
                    path,
                    1,
                    "le fichier est vide",
                    "décrivez l’annonce avec des lignes « clé: valeur »",
                )
            ]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        problem = str(error.problem or error.context or "")
        mark = error.problem_mark or error.context_mark
        known = _known(problem)
        if error.context_mark and known is not None and known.at_opening:
            mark = error.context_mark  # where the bracket or quote opened
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        opened = _unclosed_quote(text, line)
        if opened is not None:
            # The parser stops where the quote happens to close (often lines later, at the
            # next quoted value): what the editor must fix is where it opened.
            where, at, quote = opened
            return None, [
                ContentError(
                    path,
                    where,
                    f"YAML illisible : le guillemet {quote} ouvert ici n’est pas refermé "
                    "sur cette ligne",
                    f"ajoutez {quote} à la fin de la valeur, ou retirez celui du début",
                    at,
                )
            ]
        said, hint = _explained(problem, known)
        if "mapping values are not allowed" in problem and (quoted := _quoted(text, line)):
            hint = f"la valeur contient « : » : mettez-la entre guillemets, écrivez {quoted}"
        return None, [ContentError(path, line, said, hint, column)]
    except yaml.YAMLError as error:
        problem = str(error)
        return None, [ContentError(path, 0, *_explained(problem, _known(problem)))]
    finally:
        loader.dispose()
    return _document(path, node, data)


# `key: "value…`, or `- "value…` in a list: a value that starts with a quote.
_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s#:"'][^:#]*:\s+)?)(["'])(.*)$""")
_BLOCK_SCALAR = re.compile(r"^(\s*)[^\s#][^:#]*:\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _unclosed_quote(text: str, upto: int) -> tuple[int, int, str] | None:
    """(line, column, quote) of the first value up to line `upto` whose opening quote is
    not closed on its own line (editors do not write quotes spanning lines); the lines of
    a block (`description: |`) are text, not values, and are skipped."""
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines()[:upto], start=1):
        indent = _indent(line)
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        block = _BLOCK_SCALAR.match(line)
        if block:
            block_indent = len(block[1])
            continue
        found = _QUOTED_VALUE.match(line)
        if found and not _closes(found[3], found[2]):
            return number, len(found[1]) + 1, found[2]
    return None


# `key: a value: with a colon`, the value neither quoted nor a list, a block or a comment.
_PLAIN_VALUE = re.compile(r"""^(\s*[^\s#:"'\-][^:#]*:\s+)([^\s"'|>\[{&*!%@`].*?)\s*$""")


def _quoted(text: str, line: int) -> str | None:
    """Line `line` with its value between quotes (« title: "À donner : vélo" »), when it is
    a `key: value` line whose value holds « : » and goes on no further line; None
    otherwise. The quote is " unless the value holds one, then '."""
    lines = text.splitlines()
    found = _PLAIN_VALUE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if found is None or ": " not in found[2] or " #" in found[2]:
        return None
    following = next((later for later in lines[line:] if later.strip()), "")
    if _indent(following) > _indent(found[1]):
        return None  # the value goes on below: quoting this line alone would break it
    key, value = found[1].strip(), found[2]
    quote = "'" if '"' in value else '"'
    if quote in value:
        return None
    return f"« {key} {quote}{value}{quote} »"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _closes(rest: str, quote: str) -> bool:
    """Whether `rest`, what follows an opening quote, closes it ('' is a quote, in '…')."""
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return "'" in rest.replace("''", "")


def _parse_fast(text: str) -> tuple[yaml.Node | None, Any]:
    """(node, data) with libyaml, or (None, None) to let the slow parser explain."""
    if _FastLoader is None:
        return None, None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        return node, loader.construct_document(node)
    except yaml.YAMLError:
        return None, None
    finally:
        loader.dispose()


def _document(path: Path, node: yaml.Node, data: Any) -> tuple[YamlDocument, list[ContentError]]:
    positions: dict[PathKey, Position] = {}
    duplicates: list[tuple[Position, str, str]] = []
    plain: dict[PathKey, str] = {}
    _collect(node, (), positions, duplicates, plain)
    errors = [
        ContentError(path, line, message, hint, column)
        for (line, column), message, hint in duplicates
    ]
    return YamlDocument(data, positions, plain), errors
