"""What Pelican would ignore silently is reported, at every build and by `invoke check`: a
mistyped header key (with its line and the likely key), a file no reader takes."""

from __future__ import annotations

import shutil
from pathlib import Path

from ignored_input import known_keys, unknown_keys, unread_files

from tests.support import CONTENT, build_site, run_invoke

ARTICLE = "articles/2026-04-12-jardin-partage.md"
SETTINGS = {
    "FILENAME_METADATA": r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)",
    "DEFAULT_METADATA": {"status": "published"},
    "METADATA_EXTRA_KEYS": ["Image", "SEO-Ignore"],
}


def test_unknown_keys_are_found_with_their_line_and_the_likely_key() -> None:
    text = (
        "Title: Un titre\n"
        "Tag: jardin\n"
        "Summary: Une phrase\n"
        "  qui continue: sur deux lignes\n"
        "seo-ignor: content-short\n"
        "IMAGE: images/a.jpg\n"
        "Couleur: verte\n"
        "\n"
        "Texte: le corps de l’article n’a pas de clés.\n"
    )
    found = [(u.line, u.key, u.suggestion) for u in unknown_keys(text, known_keys(SETTINGS))]
    assert found == [(2, "Tag", "Tags"), (5, "seo-ignor", "SEO-Ignore"), (7, "Couleur", None)]


def test_settings_add_known_keys() -> None:
    known = known_keys({**SETTINGS, "PATH_METADATA": r"(?P<section>[^/]+)/.*"})
    assert {"date", "slug", "status", "image", "seo-ignore", "section", "title"} <= known
    assert "tag" not in known


def test_unread_files_are_those_no_reader_takes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    names = [
        "articles/2026-01-01-lu.md",
        "articles/2026-01-02-copie.txt",
        "articles/2026-01-03-majuscules.MD",
        "articles/sous-dossier/compte-rendu.docx",
        "articles/.DS_Store",
        "articles/.2026-01-01-lu.md.swp",
        "articles/2026-01-01-lu.md~",
        "articles/#2026-01-01-lu.md#",
        "articles/images/photo.jpg",  # under STATIC_PATHS: published as a file
        "pages/contact.md",
        "pages/plan.pdf",
        "listings/velo.yaml",  # not an article folder: the listings plugin's
    ]
    for name in names:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("Title: x\n", "utf-8")
    settings = {
        "PATH": str(content),
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": ["pages"],
        # As Pelican completes them: each generator excludes the other's folders.
        "ARTICLE_EXCLUDES": ["pages"],
        "PAGE_EXCLUDES": ["articles"],
        "STATIC_PATHS": ["articles/images"],
        "IGNORE_FILES": ["**/.*"],
    }
    found = [str(p.relative_to(content)) for p in unread_files(settings, {"md", "markdown"})]
    assert found == [
        "articles/2026-01-02-copie.txt",
        "articles/2026-01-03-majuscules.MD",
        "articles/sous-dossier/compte-rendu.docx",
        "pages/plan.pdf",
    ]


def test_build_and_check_report_what_they_ignore_every_time(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "compte-rendu.docx").write_bytes(b"PK\x03\x04")
    unread = "articles/compte-rendu.docx : ce fichier n’est pas lu (seuls les fichiers .md le sont)"
    source = content / ARTICLE
    source.write_text(source.read_text("utf-8").replace("\nTags: ", "\nTag: "), "utf-8")
    lines = source.read_text("utf-8").splitlines()
    number = next(n for n, text in enumerate(lines, start=1) if text.startswith("Tag:"))
    expected = (
        f"{ARTICLE}:{number} : la clé « Tag » n’existe pas : cette ligne est ignorée "
        "→ vouliez-vous dire « Tags » ?"
    )
    for _ in range(2):  # the second build reads the article from the cache
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 0, result.log
        warnings = [x for x in result.log.splitlines() if "n’existe pas" in x]
        assert len(warnings) == 1 and warnings[0].endswith(expected), result.log
        assert result.log.count(unread) == 1, result.log
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 0, proc.stdout + proc.stderr  # warnings, not errors
    assert expected in proc.stdout and unread in proc.stdout
    assert "2 avertissement(s)" in proc.stdout
