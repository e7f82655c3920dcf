"""The fast (libyaml) and the pure-Python YAML parsers read listings identically."""

from __future__ import annotations

from pathlib import Path

import yaml
from listings import yamlfile
from listings.errors import ContentError

from tests.support import CONTENT

TRICKY = """\
title: "Vélo : très bon état"
non: non
yes: yes
on: on
date: 2026-11-23
heure: 12:30
prix: 1e3
hexa: 0x10
octal: 010
milliers: 1.500
rien: ~
vide:
liste: [a, 1, 2.5, true, False]
texte: |
  Ligne une,
  ligne deux : avec deux-points.
"""


def _both(text: str) -> tuple[object, object]:
    fast_node, fast = yamlfile._parse_fast(text)
    assert fast_node is not None
    slow = yaml.load(text, Loader=yamlfile._Loader)
    return fast, slow


def test_same_data_on_every_demo_listing_and_tricky_values() -> None:
    # The pinned PyYAML wheel carries libyaml; without it this comparison would prove nothing.
    assert yamlfile._FastLoader is not None, "PyYAML without libyaml: run scripts/setup"
    files = sorted((CONTENT / "listings").glob("*.yaml"))
    assert files
    for path in files:
        fast, slow = _both(path.read_text("utf-8"))
        assert fast == slow, path
    fast, slow = _both(TRICKY)
    assert fast == slow
    assert fast["non"] == "non" and fast["yes"] == "yes" and fast["date"] == "2026-11-23"
    assert fast["liste"][3] is True
    # Numbers YAML 1.1 reads in base 8, 60 or 16 stay as written (postcode: 05000).
    assert fast["octal"] == "010" and fast["heure"] == "12:30" and fast["hexa"] == "0x10"
    assert fast["liste"][1] == 1 and fast["prix"] == "1e3"


def test_both_parsers_keep_unquoted_values_as_written(tmp_path: Path) -> None:
    # What the checks read when YAML's reading is not what the editor meant (1.500 → 1.5).
    path = tmp_path / "x.yaml"
    path.write_text(TRICKY, "utf-8")
    fast, _ = yamlfile.read_yaml(path)
    node = yaml.compose(TRICKY, Loader=yamlfile._Loader)
    slow, _ = yamlfile._document(path, node, yaml.load(TRICKY, Loader=yamlfile._Loader))
    assert fast is not None and fast.plain == slow.plain
    assert fast.data["milliers"] == 1.5 and fast.plain[("milliers",)] == "1.500"
    assert fast.plain[("liste", 2)] == "2.5"
    assert ("title",) not in fast.plain  # quoted: read as written anyway


def test_a_broken_file_is_explained_by_the_familiar_parser(tmp_path: Path) -> None:
    path = tmp_path / "casse.yaml"
    path.write_text("title: Vélo\n\tkind: don\n", encoding="utf-8")
    document, errors = yamlfile.read_yaml(path)
    assert document is None
    assert errors[0].line == 2
    assert "tabulations" in errors[0].hint


def test_a_quote_left_open_is_found_where_it_opened(tmp_path: Path) -> None:
    path = tmp_path / "guillemet.yaml"
    # The quote of line 4 runs on to line 5's, where the parser stops; line 2's text is
    # inside a block (`|`): a quote there is text, and closes nothing.
    path.write_text(
        'description: |\n  Il a dit : "bonjour\ntitle: "Vélo\nlocation: "Ville\npostcode: "45"\n',
        encoding="utf-8",
    )
    _, errors = yamlfile.read_yaml(path)
    assert [(error.line, error.column) for error in errors] == [(3, 8)]
    assert 'guillemet " ouvert ici n’est pas refermé' in errors[0].message
    # A quote that closes on its line is not blamed for another mistake.
    path.write_text('title: "Vélo"\n\tkind: don\n', encoding="utf-8")
    _, errors = yamlfile.read_yaml(path)
    assert errors[0].line == 2 and "tabulations" in errors[0].hint


def _one_error_each(folder: Path, texts: dict[str, str]) -> dict[str, ContentError]:
    """The one error read_yaml finds in each of `texts` (name → YAML), by name."""
    found = {}
    for name, text in texts.items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        _, errors = yamlfile.read_yaml(path)
        assert len(errors) == 1, (name, errors)
        found[name] = errors[0]
    return found


def test_a_value_with_a_colon_gets_its_line_written_with_quotes(tmp_path: Path) -> None:
    found = _one_error_each(
        tmp_path,
        {
            "plain": "kind: don\ntitle: À donner: vélo de course\n",
            "with a quote": 'title: Le "bon" vélo: à donner\n',
            "goes on below": "description: Vélo: bon état,\n  à venir chercher\n",
            "indentation": "title: Vélo\n  kind: don\n",
        },
    )
    assert all("un « : » inattendu" in error.message for error in found.values())
    hints = {name: error.hint for name, error in found.items()}
    assert hints["plain"].endswith('écrivez « title: "À donner: vélo de course" »')
    assert hints["with a quote"].endswith("écrivez « title: 'Le \"bon\" vélo: à donner' »")
    # Quoting one line of a value that goes on, or a key out of line, would not mend it.
    assert "écrivez" not in hints["goes on below"]
    assert "retrait" in hints["indentation"] and "écrivez" not in hints["indentation"]


def test_yaml_problems_are_said_in_french_where_they_are(tmp_path: Path) -> None:
    found = _one_error_each(
        tmp_path,
        {
            "list": "title: Vélo\ntags: [vélo, enfants\ncategory: sport\n",
            "dash": "- title: Vélo\nkind: don\n",
            "two": "title: Vélo\n---\ntitle: Autre\n",
            "tab": "title: Vélo\n\tkind: don\n",
        },
    )
    said = {name: (error.line, error.message, error.hint) for name, error in found.items()}
    # The line where the bracket opens, not the next one where PyYAML noticed.
    assert said["list"][:2] == (
        2,
        "YAML illisible : une liste [ … ] qui n’est pas refermée sur sa ligne",
    )
    assert said["list"][2].startswith("fermez le crochet sur la même ligne")
    assert said["dash"][1] == (
        "YAML illisible : une ligne qui n’est alignée ni sur les clés ni sur une liste"
    )
    assert said["two"][:2] == (2, "YAML illisible : un « --- » au milieu du fichier")
    assert said["tab"][1] == "YAML illisible : une tabulation"
    # No English left: PyYAML's words are only kept, said as such, for a problem not known.
    assert not any("expected" in message or "found" in message for _, message, _ in said.values())
