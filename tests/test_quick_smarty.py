"""plugins/quick_smarty: smarty's HTML to the byte, with its pass skipped where it can
change nothing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown import Markdown
from pelican import Pelican
from pelican.readers import Readers
from quick_smarty import NAME, _GatedInlineProcessor, use_quick_smarty

from commands.pelican_run import load_settings
from tests.support import ROOT

# Pieces a document is made of: what smarty changes (quotes, dashes, dots, angle brackets)
# next to what Markdown gives meaning to (emphasis, code, links, raw HTML, entities,
# escapes), so that the gate is tried inside and around every kind of inline element.
PIECES = [
    "mot",
    "l'école",
    "l’école",
    " ",
    " ",
    "\n",
    "\n\n",
    "'",
    '"',
    "--",
    "---",
    "-",
    "...",
    "..",
    ".",
    "<<",
    ">>",
    "<",
    ">",
    "*",
    "**",
    "_",
    "`",
    "``",
    "[lien](https://a.org/x'y)",
    '![image](a.jpg "titre")',
    '<span title="x">',
    "</span>",
    "&amp;",
    "&nbsp;",
    "\\'",
    '\\"',
    "'80s",
    "(",
    ")",
    "1990",
    "« ",
    " »",
    "—",
    "–",
    "&mdash;",
    "<!-- c -->",
    "    code ' --\n",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n# ",
    "[^1]",
    "\n\n[^1]: note 'a'\n",
    "*[HTML]: Hyper 'Text'\n",
    '<div markdown="1">',
    "</div>",
    "{: #ancre }",
    "\t",
]


def _documents(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 60))) for _ in range(count)]


def _converter(smarty: str, options: dict) -> Markdown:
    # The extensions of pelicanconf.py, plus smarty's own options.
    return Markdown(
        extensions=["extra", "toc", smarty, "ignored_input.header_keys", "meta"],
        extension_configs={smarty: options, "toc": {"permalink": False}},
        output_format="html5",
    )


@pytest.mark.parametrize(
    "options",
    [{}, {"smart_angled_quotes": True}, {"smart_dashes": False, "substitutions": {"ndash": "~"}}],
)
def test_html_is_smartys_own(options: dict) -> None:
    plain, quick = _converter("smarty", options), _converter(NAME, options)
    documents = _documents(600, seed=len(repr(options)))
    documents += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content").rglob("*.md"))]
    differing = [
        text for text in documents if plain.reset().convert(text) != quick.reset().convert(text)
    ]
    assert differing == []
    # The documents did exercise smarty: most of them hold something it changes.
    changed = sum("&rsquo;" in quick.reset().convert(text) for text in documents)
    assert changed > len(documents) // 2


def test_text_without_trigger_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    quick = _converter(NAME, {})
    gated = quick.treeprocessors["smarty"]
    assert isinstance(gated, _GatedInlineProcessor)
    tried: list[str] = []
    for pattern in gated.inlinePatterns:
        # Each try of a pattern on a piece of text asks for its expression.
        compiled = pattern.getCompiledRegExp()
        monkeypatch.setattr(
            pattern, "getCompiledRegExp", lambda c=compiled: tried.append(c.pattern) or c
        )
    html = quick.reset().convert("Un *texte* sans rien à changer, l’école\n\n- oui\n")
    assert tried == []
    assert "<em>texte</em>" in html
    # A quote in one paragraph: smarty's patterns run on that paragraph's text only.
    html = quick.reset().convert("Sans rien.\n\nC'est *tout*.\n")
    assert "C&rsquo;est" in html
    assert tried


def test_settings_name_quick_smarty_in_smartys_place() -> None:
    settings = {
        "MARKDOWN": {
            "extension_configs": {
                "markdown.extensions.extra": {},
                "markdown.extensions.smarty": {"smart_angled_quotes": True},
                "markdown.extensions.toc": {},
            },
            "extensions": ["markdown.extensions.extra", "smarty", "markdown.extensions.toc"],
        }
    }
    use_quick_smarty(settings)
    configs = settings["MARKDOWN"]["extension_configs"]
    assert list(configs) == ["markdown.extensions.extra", NAME, "markdown.extensions.toc"]
    assert configs[NAME] == {"smart_angled_quotes": True}
    assert settings["MARKDOWN"]["extensions"][1] == NAME
    # Without smarty, nothing is added.
    bare = {"MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}}}}
    use_quick_smarty(bare)
    assert bare == {"MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}}}}


def test_the_site_build_converts_with_quick_smarty(tmp_path: Path) -> None:
    # pelicanconf.py names smarty; once Pelican has sent `initialized`, the plugin stands in
    # its place, with its options, and the Markdown a reader builds runs the gated pass.
    overrides = {"OUTPUT_PATH": str(tmp_path / "output"), "BUILD_DATE": "2026-11-23"}
    settings = load_settings(ROOT / "pelicanconf.py", overrides)
    Pelican(settings)
    configs = settings["MARKDOWN"]["extension_configs"]
    assert NAME in configs
    assert "markdown.extensions.smarty" not in configs
    reader = Readers(settings).readers["md"]
    converter = Markdown(**reader.settings["MARKDOWN"])
    assert isinstance(converter.treeprocessors["smarty"], _GatedInlineProcessor)
