"""Two articles or pages with one address, or a page with the address of one the site
makes (a list, a year's archive): the build does not stop with a traceback; the first keeps
the address, the other is left out of the whole site with an error naming both files and a
free name, at every build and in `invoke check`; a slug shared by articles of two years is
fine."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from ignored_input.addresses import clashes
from incremental.writer import IncrementalWriter

from tests.support import CONTENT, build_site, run_invoke


def _item(save_as: str, status: str = "published", date: str = "2026-01-01", path: str = "a"):
    return SimpleNamespace(
        save_as=save_as,
        status=status,
        date=datetime.datetime.fromisoformat(date),
        source_path=path,
    )


def test_the_first_by_status_then_date_then_file_keeps_the_address() -> None:
    old = _item("2026/x/index.html", date="2026-03-07", path="b")
    new = _item("2026/x/index.html", date="2026-09-12", path="a")
    hidden = _item("2026/x/index.html", status="hidden", date="2026-01-01")
    twin = _item("2026//X/index.html", date="2026-03-07", path="c")  # same file for Pelican
    alone = _item("2026/y/index.html")
    unwritten = [_item(""), _item("")]  # save_as "" is not written: no clash
    found = clashes([new, hidden, alone, twin, old, *unwritten])
    assert found == [(old, twin), (old, new), (old, hidden)]
    assert clashes([alone, new]) == []


def _article(content: Path, name: str, title: str, extra: str = "") -> Path:
    path = content / "articles" / name
    path.write_text(
        f"Title: {title}\nDate: {name[:10]}\nCategory: Vie du quartier\nAuthor: Claire Martin\n"
        f"{extra}Summary: Un article de test pour les adresses en double.\n\nTexte.\n",
        "utf-8",
    )
    return path


def test_a_second_article_at_a_taken_address_is_left_out_with_the_fix(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    # The same file name twice in one year; a `Slug:` copied from another article; the
    # same slug a year apart (two addresses: nothing to say); a page named like a list
    # the site makes itself (caught when the page is written).
    _article(content, "2026-09-12-jardin-partage.md", "Le jardin partagé en septembre")
    _article(content, "2026-10-01-voisins.md", "Voisins d’octobre", "Slug: fete-des-voisins\n")
    _article(content, "2025-06-07-fete-des-voisins.md", "La fête des voisins 2025")
    (content / "pages" / "archives.md").write_text(
        "Title: Archives\nSummary: Les archives papier de l’association.\n\nSur rendez-vous.\n",
        "utf-8",
    )
    # A page with the address of a year's archive: /2025/ lists the articles of 2025.
    (content / "pages" / "annee.md").write_text(
        "Title: L’année 2025\nSlug: 2025\nSummary: Ce que l’association a fait en 2025, "
        "mois par mois.\n\nUn bilan.\n",
        "utf-8",
    )
    expected = [
        "ERREUR content/articles/2026-09-12-jardin-partage.md : son adresse "
        "/2026/jardin-partage/ est déjà celle de content/articles/2026-04-12-jardin-partage.md"
        " : non publié → renommez le fichier (par exemple "
        "2026-09-12-jardin-partage-septembre.md) ou ajoutez la ligne "
        "« Slug: jardin-partage-septembre »",
        "ERREUR content/articles/2026-10-01-voisins.md:5 : son adresse /2026/fete-des-voisins/ "
        "est déjà celle de content/articles/2026-06-06-fete-des-voisins.md : non publié → "
        "changez cette ligne, par exemple « Slug: fete-des-voisins-octobre »",
        "ERREUR content/pages/archives.md : son adresse /archives/ est déjà celle d’une page "
        "que le site crée lui-même (liste, catégorie, étiquette…) : non publié → donnez-lui "
        "un autre titre, ou une ligne « Slug: … » qui la distingue",
        "ERREUR content/pages/annee.md : son adresse /2025/ est déjà celle d’une page "
        "que le site crée lui-même (liste, catégorie, étiquette…) : non publié → donnez-lui "
        "un autre titre, ou une ligne « Slug: … » qui la distingue",
    ]
    for _ in range(2):  # the second build reads the articles from the cache
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 1, result.log  # errors: publish refuses
        assert "Traceback" not in result.log and "There are" not in result.log, result.log
        errors = [line for line in result.log.splitlines() if line.startswith("ERREUR")]
        assert sorted(errors) == sorted(expected), result.log
        assert "4 erreur(s)" in result.log
        site = "\n".join(path.read_text("utf-8") for path in (tmp_path / "output").rglob("*.html"))
        # Left out everywhere: no page, no list, no tag or archive shows them.
        assert "Le jardin partagé en septembre" not in site
        assert "Voisins d’octobre" not in site
        kept = tmp_path / "output" / "2026" / "jardin-partage" / "index.html"
        assert "Le jardin partagé ouvre ses parcelles" in kept.read_text("utf-8")
        assert (tmp_path / "output" / "2025" / "fete-des-voisins" / "index.html").is_file()
        archives = (tmp_path / "output" / "archives" / "index.html").read_text("utf-8")
        assert "Sur rendez-vous" not in archives  # the site's own list keeps its address
    # Without a build: the same two articles, and the pages at the line that makes their
    # address (which of the two is published is known only when they are written).
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for line in expected[:2]:  # the file as given to --content, then the same text
        assert f"content/{line.removeprefix('ERREUR content/')}" in proc.stdout, proc.stdout
    own = (
        "est celle d’une page que le site crée lui-même (liste, catégorie, étiquette…) : l’une "
        "des deux manquera → donnez-lui un autre titre, ou une ligne « Slug: … » qui la distingue"
    )
    assert f"content/pages/archives.md:1 : son adresse /archives/ {own}" in proc.stdout
    assert f"content/pages/annee.md:2 : son adresse /2025/ {own}" in proc.stdout
    assert "4 problème(s)" in proc.stderr, proc.stderr


def test_the_writer_keeps_the_first_page_and_names_the_file_to_change(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # What ignored_input cannot see before writing: a page against a page the site makes
    # itself (a list), either way round, or two such pages (their settings).
    content = tmp_path / "content"
    output = tmp_path / "output"
    writer = IncrementalWriter(str(output), settings={"PATH": str(content)})
    page = str(content / "pages" / "annonces.md")

    def write(address: str, source: str | None, text: str) -> None:
        writer._source = source
        with writer._open_w(str(output / address / "index.html"), "utf-8") as file:
            file.write(text)

    own = "une page que le site crée lui-même (liste, catégorie, étiquette…)"
    fix = "donnez-lui un autre titre, ou une ligne « Slug: … » qui la distingue"
    cases = [
        ("archives", None, page, f"content/pages/annonces.md : son adresse /archives/ est "
         f"déjà celle d’{own} : non publié → {fix}"),
        ("annonces", page, None, f"content/pages/annonces.md : son adresse /annonces/ est "
         f"aussi celle d’{own} : ce fichier y est publié à sa place, et la page du site "
         f"manque → {fix}"),
        ("categories", None, None, "/categories/ : deux pages que le site crée lui-même ont "
         "cette adresse : seule la première est publiée → donnez-leur des adresses "
         "différentes dans les réglages …_SAVE_AS de pelicanconf.py"),
    ]  # fmt: skip
    for address, first, second, expected in cases:
        caplog.clear()
        write(address, first, "la première")
        write(address, second, "la seconde")  # Pelican's writer raises here
        assert (output / address / "index.html").read_text("utf-8") == "la première"
        assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [expected]
