"""What Pelican would ignore silently is reported, at every build and by `invoke check`: a
mistyped header key (with its line and the likely key), a file no reader takes, and a file
Pelican skips (with the line and the fix, where Pelican says it in English or not at all)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from ignored_input import (
    broken_links,
    document_links,
    editor_backup,
    header_keys,
    header_lines,
    known_keys,
    page_relative_links,
    skip_problems,
    unknown_keys,
    unread_files,
)
from ignored_input.header_values import (
    article_keys_in_page,
    category_slips,
    repeated_keys,
    tag_slips,
)
from ignored_input.image_alt import empty_alts, names_image
from ignored_input.markdown_slips import markdown_slips
from ignored_input.pasted_html import pasted_formatting
from ignored_input.spellings import variant_spellings

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


def test_keys_written_in_french_get_their_english_name() -> None:
    text = "Titre: Un titre\nCatégorie: Jardin\nRésumé: Une phrase\nMots-clés: a, b\nLangue: fr\n"
    found = [(u.key, u.suggestion) for u in unknown_keys(text, known_keys(SETTINGS))]
    assert found == [
        ("Titre", "Title"), ("Catégorie", "Category"), ("Résumé", "Summary"),
        ("Mots-clés", "Tags"), ("Langue", "Lang"),
    ]  # fmt: skip


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
    # A folder named like an article is not an article: nothing to say, and no traceback.
    (content / "articles" / "2026-11-24-dossier.md").mkdir()
    unread = "articles/compte-rendu.docx : ce fichier n’est pas lu (seuls les fichiers .md le sont)"
    source = content / ARTICLE
    source.write_text(source.read_text("utf-8").replace("\nTags: ", "\nTag: "), "utf-8")
    lines = source.read_text("utf-8").splitlines()
    number = next(n for n, text in enumerate(lines, start=1) if text.startswith("Tag:"))
    expected = (
        f"{ARTICLE}:{number} : la clé « Tag » n’existe pas : cette ligne est ignorée "
        "→ vouliez-vous dire « Tags » ?"
    )
    # One article of four in « Vie du quartier » writes it in lower case.
    fete = content / "articles/2026-06-06-fete-des-voisins.md"
    fete.write_text(fete.read_text("utf-8").replace("Category: Vie", "Category: vie"), "utf-8")
    spelling = (
        "articles/2026-06-06-fete-des-voisins.md:3 : la catégorie « vie du quartier » : "
        "2 autres articles l’écrivent « Vie du quartier », et le site les range sous une seule "
        "de ces écritures → écrivez « Vie du quartier », comme eux"
    )
    for _ in range(2):  # the second build reads the article from the cache
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 0, result.log
        warnings = [x for x in result.log.splitlines() if "n’existe pas" in x]
        assert len(warnings) == 1 and warnings[0].endswith(expected), result.log
        assert result.log.count(unread) == 1, result.log
        assert result.log.count(spelling) == 1, result.log
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 0, proc.stdout + proc.stderr  # warnings, not errors
    assert expected in proc.stdout and unread in proc.stdout and spelling in proc.stdout
    assert "3 avertissement(s)" in proc.stdout


def test_a_name_written_two_ways_is_flagged_where_most_articles_write_it_otherwise(
    tmp_path: Path,
) -> None:
    def article(name: str, category: str, tags: list[str], authors: list[str]) -> object:
        def named(value: str) -> SimpleNamespace:
            return SimpleNamespace(name=value, slug=value.lower())  # as slugify would

        return SimpleNamespace(
            name=name,
            category=named(category),
            tags=[named(t) for t in tags],
            authors=[named(a) for a in authors],
            source_path=str(tmp_path / f"{name}.md"),
        )

    articles = [
        article("a", "Vie du quartier", ["jardin"], ["Claire Martin"]),
        article("b", "Vie du quartier", ["Jardin", "Fête"], ["Claire martin"]),
        article("c", "vie du quartier", ["fête"], ["Karim"]),
    ]
    found = [
        (s.item.name, s.what, s.written, s.usual, s.others) for s in variant_spellings(articles)
    ]
    assert found == [
        ("c", "la catégorie", "vie du quartier", "Vie du quartier", 2),
        # A tie: the name that sorts first is kept (capitals first).
        ("c", "l’étiquette", "fête", "Fête", 1),
        ("a", "l’étiquette", "jardin", "Jardin", 1),
        ("b", "l’auteur", "Claire martin", "Claire Martin", 1),
    ]
    (tmp_path / "c.md").write_text(
        "Title: C\nCategory: vie du quartier\n\nTexte : vie du quartier.\n"
    )
    assert variant_spellings(articles)[0].line() == 2


CONTENT_SETTINGS = {
    **SETTINGS,
    "PATH": "/site/content",
    "ARTICLE_PATHS": ["articles"],
    "PAGE_PATHS": ["pages"],
    "DEFAULT_DATE": None,
}


@pytest.mark.parametrize(
    ("name", "header", "expected"),
    [
        ("articles/2026-01-01-bon.md", "Title: Bon\nStatus: Draft", []),
        ("articles/2026-01-01-a.md", "Date: 2026-01-01", [(1, "il manque le titre")]),
        ("articles/2026-01-01-a.md", "Title:\nTags: a", [(1, "le titre est vide")]),
        (
            "articles/2026-01-01-a.md",
            "Date: 2026-01-01\nTitre: Fête",
            [(2, "il manque le titre (la clé « Titre » n’est pas lue)")],
        ),
        (
            "articles/2026-01-01-a.md",
            "Title: A\nDate: 31/02/2026",
            [(2, "« Date » : « 31/02/2026 » n’est pas une date")],
        ),
        ("articles/sans-date.md", "Title: A", [(1, "l’article n’a pas de date")]),
        ("articles/sans-date.md", "Title: A\nDate: 2026-01-01 10:00", []),
        ("pages/contact.md", "Title: Contact", []),  # a page needs no date
        (
            "articles/2026-01-01-a.md",
            "Title: A\nTags: a\nStatus: brouillon",
            [(3, "« Status » : « brouillon » n’est pas un statut connu")],
        ),
    ],
)
def test_skip_problems_say_why_pelican_would_leave_a_file_out(
    name: str, header: str, expected: list[tuple[int, str]]
) -> None:
    text = header + "\n\nTexte.\n"
    path = Path(CONTENT_SETTINGS["PATH"]) / name
    found = skip_problems(path, text, CONTENT_SETTINGS)
    assert [(p.line, p.message) for p in found] == expected


def test_a_french_status_gets_its_english_word_and_an_unknown_one_the_list() -> None:
    path = Path(CONTENT_SETTINGS["PATH"]) / "articles/2026-01-01-a.md"
    hints = [
        skip_problems(path, text, CONTENT_SETTINGS)[0].hint
        for text in ("Title: A\nStatus: Publié\n", "Title: A\nStatus: en cours\n")
    ]
    assert hints[0] == "écrivez « Status: published »"
    assert all(f"« Status: {word} »" in hints[1] for word in ("draft", "published", "hidden"))


def test_undated_articles_may_take_their_date_from_the_name_or_a_default() -> None:
    path = Path(CONTENT_SETTINGS["PATH"]) / "articles/sans-date.md"
    text = "Title: A\n\nTexte.\n"
    problems = [
        skip_problems(path, text, {**CONTENT_SETTINGS, **change})
        for change in (
            {},
            {"DEFAULT_DATE": "fs"},
            {"FILENAME_METADATA": r"(?P<slug>.+)", "PATH_METADATA": r"(?P<date>)"},
            {"PATH_METADATA": r"articles/(?P<date>sans)-date"},
        )
    ]
    assert [len(found) for found in problems] == [1, 0, 1, 0]


BROKEN = {
    "articles/2026-05-01-sans-titre.md": (
        "Date: 2026-05-01\n\nTexte.\n",
        ":1 : il manque le titre : non publié → ajoutez en première ligne « Title: Le titre »",
    ),
    "articles/2026-05-02-date.md": (
        "Title: Date\nDate: 31/02/2026\n\nTexte.\n",
        ":2 : « Date » : « 31/02/2026 » n’est pas une date : non publié → écrivez AAAA-MM-JJ",
    ),
    "articles/2026-05-03-statut.md": (
        "Title: Statut\nCategory: Vie du quartier\nStatus: brouillon\n\nTexte.\n",
        ":3 : « Status » : « brouillon » n’est pas un statut connu : non publié → écrivez "
        "« Status: draft »",
    ),
    "articles/sans-date.md": (
        "Title: Sans date\n\nTexte.\n",
        ":1 : l’article n’a pas de date : non publié → nommez le fichier AAAA-MM-JJ-titre.md",
    ),
    # Pelican publishes these (it skips only a file without the line): empty pages, and an
    # empty link to them in each list.
    "articles/2026-05-04-titre-vide.md": (
        "Title:   \nCategory: Vie du quartier\n\nTexte.\n",
        ":1 : le titre est vide : non publié → écrivez le titre après « Title: », sur cette ligne",
    ),
    "pages/titre-vide.md": (
        "Slug: vide\nTitle:\n\nTexte.\n",
        ":2 : le titre est vide : non publié → écrivez le titre après « Title: »",
    ),
    "pages/latin.md": (
        "Title: Caf\xe9\n\nTexte.\n",
        " : ce fichier n’est pas écrit en UTF-8 : non publié → enregistrez-le en UTF-8",
    ),
}


def test_build_and_check_say_why_a_file_is_left_out(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for name, (text, _said) in BROKEN.items():
        encoding = "latin-1" if name.endswith("latin.md") else "utf-8"
        (content / name).write_bytes(text.encode(encoding))
    for _ in range(2):  # the second build reads the other articles from the cache
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 1, result.log
        errors = [line for line in result.log.splitlines() if line.startswith("ERREUR")]
        for name, (_text, said) in BROKEN.items():
            assert any(f"content/{name}{said}" in line for line in errors), (name, result.log)
        # Pelican's own words are replaced, not added to.
        assert len(errors) == len(BROKEN), result.log
        assert f"{len(BROKEN)} erreur(s)" in result.log
        assert not (result.output / "2026" / "titre-vide").exists()
        assert not (result.output / "vide").exists()
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 1
    for name, (_text, said) in BROKEN.items():
        assert f"content/{name}{said.replace(' : non publié', '')}" in proc.stdout, proc.stdout


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Title: x\n", "utf-8")


def test_documents_linked_with_filename_get_the_static_link(tmp_path: Path) -> None:
    content = tmp_path / "content"
    article = content / "articles" / "2026-01-02-b.md"
    names = ["articles/2026-01-01-a.md", "images/plan.jpg", "images/plan.pdf", "documents/cr.pdf"]
    for name in [*names, "listings/velo.yaml"]:
        _touch(content / name)
    text = (
        "Title: B\n\n"
        "[a]({filename}2026-01-01-a.md) [photo]({filename}/images/plan.jpg)\n"
        "[cr]({filename}/documents/cr.pdf) [absent]({filename}/documents/absent.pdf)\n"
        "[plan](|filename|../images/plan.pdf) [bon]({static}/documents/cr.pdf)\n"
        "[vélo]({filename}/listings/velo.yaml)\n"
    )
    found = document_links(article, text, content, ["images"])
    # Not an article, a listing, a photo (thumbnails' business) or a file that is not there.
    assert [(link.line, link.written, link.published) for link in found] == [
        (4, "{filename}/documents/cr.pdf", False),
        (5, "|filename|../images/plan.pdf", True),  # under STATIC_PATHS: it works
    ]
    assert (
        found[0].hint
        == "écrivez « {static}/documents/cr.pdf » : le document sera publié avec la page"
    )
    assert found[1].hint.startswith("écrivez « {static}../images/plan.pdf » (le lien fonctionne")


def test_an_attached_document_is_published_beside_its_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "documents").mkdir()
    (content / "documents" / "compte-rendu.pdf").write_bytes(b"%PDF-1.4\n%Babillard\n")
    link = "Lisez [le compte rendu]({attach}/documents/compte-rendu.pdf)."
    # Pelican writes the newest article first: it takes the file.
    first, second = (
        "2026-10-24-petites-annonces-en-ligne",
        "2026-02-07-assemblee-generale-nouveau-bureau",
    )
    for name in (first, second):
        source = content / "articles" / f"{name}.md"
        source.write_text(source.read_text("utf-8") + f"\n{link}\n", "utf-8")
    line = len((content / "articles" / f"{second}.md").read_text("utf-8").splitlines())
    result = build_site(tmp_path / "output", content=content)
    assert result.returncode == 0, result.log
    # The file goes beside it (nothing else takes its place first: the build once did, and
    # every {attach} "could not relocate").
    beside = f"/2026/{first[11:]}/compte-rendu.pdf"
    assert (result.output / beside.lstrip("/")).read_bytes().endswith(b"%Babillard\n")
    assert not (result.output / "documents").exists()
    for name in (first, second):
        page = (result.output / "2026" / name[11:] / "index.html").read_text("utf-8")
        assert f'href="{beside}"' in page
    # The second page's link leads there too, and says why, in French, with its line.
    said = (
        f"content/articles/{second}.md:{line} : le lien « {{attach}}/documents/compte-rendu.pdf "
        "» ne peut pas mettre documents/compte-rendu.pdf à côté de cette page : une autre page "
        "le publie déjà à côté d’elle, avec {attach} ; il mène à ce fichier-là → écrivez "
        "« {static}/documents/compte-rendu.pdf »"
    )
    assert said in result.log, result.log
    assert "cannot relocate" not in result.log
    assert "1 avertissement(s)" in result.log


def test_every_page_that_attaches_a_taken_file_is_named(tmp_path: Path) -> None:
    # Pelican logs its « cannot relocate » with a limit: the fifth became « More {attach}
    # warnings silenced. », and the rest were dropped, before the plugin could name them.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "documents").mkdir()
    (content / "documents" / "compte-rendu.pdf").write_bytes(b"%PDF-1.4\n%Babillard\n")
    articles = sorted((content / "articles").glob("*.md"))
    for source in articles:
        source.write_text(
            source.read_text("utf-8")
            + "\n[Le compte rendu]({attach}/documents/compte-rendu.pdf)\n",
            "utf-8",
        )
    result = build_site(tmp_path / "output", content=content)
    named = [line for line in result.log.splitlines() if "ne peut pas mettre" in line]
    # One article takes the file; each of the others is named with its line.
    assert len(named) == len(articles) - 1 >= 6, result.log
    assert all(line.startswith("ATTENTION content/articles/") for line in named), named
    assert "More {attach}" not in result.log and "non détaillés" not in result.log


def test_broken_links_are_the_links_to_no_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    article = content / "articles" / "2026-01-02-b.md"
    for name in (
        "articles/2026-01-01-a.md",
        "pages/contact.md",
        "articles/2026-01-02-b.md",
        "documents/Compte-Rendu.pdf",
        "images/jardin.jpg",
        "images/ma photo.jpg",
        "documents/cr(1).pdf",
    ):
        _touch(content / name)
    text = (
        "Title: B\n\n"
        "[a]({filename}2026-01-01-a.md) et [contact]({filename}/pages/contact.md)\n"
        '[perdu]({filename}2026-01-01-perdu.md "titre") et [ici]({filename}#programme)\n'
        "[ancien](|filename|../pages/contact.md) [absolu]({filename}/articles/a.md)\n"
        "[encodé]({filename}2026-01-01-%61.md) ![jardin]({static}/images/jardin.jpg)\n"
        "[CR]({static}/documents/compte-rendu.pdf) ![x]({static}../images/absente.jpg)\n"
        '<a href="{attach}/documents/statuts.pdf">statuts</a> [a]({filename}2026-01-01-b.md)\n'
        "Le mot static seul, {static} sans chemin, |static|. Écrivez {static}/images/y.jpg\n"
        "[réf]: {static}/documents/reglement.pdf\n"
        # Addresses as Python-Markdown reads them: spaces, a title, pairs of parentheses.
        '![ok]({static}/images/ma photo.jpg "Titre") [pdf]({static}/documents/cr(1).pdf)\n'
        "[p](<{static}/documents/x y.pdf>) ![non]({static}/images/ta photo.jpg 'Titre')\n"
    )
    found = broken_links(article, text, content)
    assert [(link.line, link.written) for link in found] == [
        (4, "{filename}2026-01-01-perdu.md"),
        (4, "{filename}#programme"),
        (5, "{filename}/articles/a.md"),
        (7, "{static}/documents/compte-rendu.pdf"),
        (7, "{static}../images/absente.jpg"),
        (8, "{attach}/documents/statuts.pdf"),
        (8, "{filename}2026-01-01-b.md"),
        (10, "{static}/documents/reglement.pdf"),
        (12, "{static}/documents/x y.pdf"),
        (12, "{static}/images/ta photo.jpg"),
    ]
    hints = [link.hint for link in found]
    assert hints[1].endswith("seulement (#programme)")
    # The same name but for case, then a typing slip: the link to write.
    assert hints[3].startswith("vouliez-vous dire « {static}/documents/Compte-Rendu.pdf » ?")
    assert hints[6].startswith("vouliez-vous dire « {filename}2026-01-01-a.md » ?")
    # Nothing close: where the file was looked for.
    assert "ajoutez le fichier au dossier content/images/," in hints[4]
    assert "ajoutez le fichier au dossier content/documents/," in hints[5]
    assert hints[2].startswith("écrivez le chemin exact du fichier visé depuis content/")
    assert found[4].file == content / "images" / "absente.jpg"


def test_links_written_from_the_content_folder_without_a_marker(tmp_path: Path) -> None:
    content = tmp_path / "content"
    article = content / "articles" / "2026-01-02-b.md"
    for name in ("articles/2026-01-01-a.md", "images/plan.jpg", "documents/cr.pdf"):
        _touch(content / name)
    text = (
        "Title: B\n\n"
        "![Le plan](images/plan.jpg) et [le compte rendu](../documents/cr.pdf)\n"
        '[a](2026-01-01-a.md#programme) <img src="images/plan.jpg" alt="Le plan">\n'
        "[réf]: documents/cr.pdf\n"
        # Fine as they are: from the source's folder, an image is taken as {static} by the
        # thumbnails plugin; markers, site addresses, other sites; relative pages of the site.
        "![Le plan](../images/plan.jpg) ![ok]({static}/images/plan.jpg) [x](/documents/cr.pdf)\n"
        "[mairie](https://villebourg.example.org/images/plan.jpg) [m](mailto:a@example.org)\n"
        "[la fête](../fete/) [plus bas](#programme) [absent](images/absente.jpg)\n"
        '<img src="/images/plan.jpg" alt="images/plan.jpg">\n'  # an alt is text
    )
    found = page_relative_links(article, text, content)
    assert [(link.line, link.written, link.suggestion) for link in found] == [
        (3, "images/plan.jpg", "{static}/images/plan.jpg"),
        (3, "../documents/cr.pdf", "{static}/documents/cr.pdf"),
        (4, "2026-01-01-a.md#programme", "{filename}/articles/2026-01-01-a.md#programme"),
        (4, "images/plan.jpg", "{static}/images/plan.jpg"),
        (5, "documents/cr.pdf", "{static}/documents/cr.pdf"),
    ]
    assert found[0].hint == "écrivez « {static}/images/plan.jpg »"


def test_links_to_another_site_written_without_https(tmp_path: Path) -> None:
    content = tmp_path / "content"
    article = content / "articles" / "2026-01-02-b.md"
    _touch(content / "documents" / "villebourg.fr")  # a file of that name is a file
    text = (
        "Title: B\n\n"
        "[la mairie](www.villebourg.fr) et [l’agenda](villebourg.fr/agenda#juin)\n"
        '<a href="asso-tilleuls.asso.fr">nous</a> [le CR](cr.pdf) [page](index.html)\n'
        "[doc](documents/villebourg.fr) [site](https://villebourg.fr) [x](../www/)\n"
    )
    found = page_relative_links(article, text, content)
    assert [(link.line, link.written, link.hint) for link in found] == [
        (3, "www.villebourg.fr", "écrivez « https://www.villebourg.fr »"),
        (3, "villebourg.fr/agenda#juin", "écrivez « https://villebourg.fr/agenda#juin »"),
        (4, "asso-tilleuls.asso.fr", "écrivez « https://asso-tilleuls.asso.fr »"),
        (5, "documents/villebourg.fr", "écrivez « {static}/documents/villebourg.fr »"),
    ]
    assert "n’a pas de https://" in found[0].message


def test_build_and_check_name_the_article_of_a_broken_link(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / ARTICLE
    text = source.read_text("utf-8")
    photo = next((content / "images" / "articles").glob("*.jpg"))
    # The sharing image of the header, too, names a file that is not there.
    assert "\nImage: images/articles/jardin-partage.jpg\n" in text
    text = text.replace(
        "Image: images/articles/jardin-partage.jpg", "Image: images/articles/jardin.jpg"
    )
    source.write_text(
        text
        + "\nVoir [la fête]({filename}2026-06-21-fete.md).\n"
        + "\nLe [compte rendu]({static}/documents/compte-rendu.pdf).\n"
        + f"\n![Le jardin]({{static}}/images/articles/{photo.name.upper()})\n"
        + f"\n![Le jardin en été](images/articles/{photo.name})\n",
        "utf-8",
    )
    number = len(text.splitlines()) + 2
    image_line = text.splitlines().index("Image: images/articles/jardin.jpg") + 1
    said = [
        f"content/{ARTICLE}:{number} : le lien « {{filename}}2026-06-21-fete.md » vise un "
        "fichier qui n’existe pas : il reste mort → écrivez le chemin exact du fichier visé",
        f"content/{ARTICLE}:{number + 2} : le lien « {{static}}/documents/compte-rendu.pdf » "
        "vise un fichier qui n’existe pas : il reste mort → ajoutez le fichier au dossier "
        "content/documents/,",
        f"content/{ARTICLE}:{number + 4} : le lien « {{static}}/images/articles/"
        f"{photo.name.upper()} » vise un fichier qui n’existe pas : il reste mort → "
        f"vouliez-vous dire « {{static}}/images/articles/{photo.name} » ?",
        f"content/{ARTICLE}:{number + 6} : le lien « images/articles/{photo.name} » part de "
        "l’adresse de la page sur le site, pas du dossier content/ : il ne mène à rien → "
        f"écrivez « {{static}}/images/articles/{photo.name} »",
    ]
    sharing = (
        f"content/images/articles/jardin.jpg (utilisée par content/{ARTICLE}:{image_line}) : "
        "le fichier n’existe pas"
    )
    for build in ("cold", "cached"):  # the second reads the article from Pelican's cache
        result = build_site(tmp_path / "output", content=content)
        for line in said:
            assert line in result.log, (build, result.log)
        # Pelican's lines, which name no article, are dropped: "Unable to find" for
        # {filename}, "Cannot get modification stamp" (two lines each) for {static}.
        assert "Unable to find" not in result.log, result.log
        assert "modification stamp" not in result.log and "Errno" not in result.log
        # The thumbnails plugin says what becomes of the photo, with the fix for a name.
        assert (
            f"content/images/articles/{photo.name.upper()} (utilisée par "
            f"content/{ARTICLE}:{number + 4}) "
            ": le fichier n’existe pas → vérifiez son nom et son dossier" in result.log
        ), result.log
        assert sharing in result.log, result.log
    proc = run_invoke("check", "--content", str(content))
    for line in said:
        assert line in proc.stdout, proc.stdout
    assert (
        "images/articles/jardin.jpg : le fichier n’existe pas (utilisée par "
        f"content/{ARTICLE}:{image_line})" in proc.stdout
    ), proc.stdout
    assert "le fichier n’existe pas (utilisée par" in proc.stdout
    assert "→ vérifiez son nom et son dossier (majuscules, accents, extension)" in proc.stdout


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("velo.yaml~", True),
        ("#2026-03-01-fete.md#", True),
        ("velo.yaml", False),
        ("notes.txt", False),  # not read, but the build says so: a save must start it
        ("#", False),
    ],
)
def test_livereload_ignores_only_editor_backups(name: str, ignored: bool) -> None:
    assert editor_backup(name) is ignored


def test_a_key_with_a_space_before_its_colon_is_read_as_the_key() -> None:
    md = markdown.Markdown(extensions=["markdown.extensions.meta", header_keys.NAME])
    html = md.convert(
        "Title : La fête\nDate\u00a0: 2026-06-21\n  Category :  Vie du quartier\n"
        "    suite : de la valeur\n\nAttention : texte, pas une clé.\n"
    )
    assert md.Meta == {
        "title": ["La fête"],
        "date": ["2026-06-21"],
        "category": ["Vie du quartier suite : de la valeur"],  # a continued value: one
    }
    assert html == "<p>Attention : texte, pas une clé.</p>"
    # Between "---" lines, as meta reads them; the text after the header is left alone.
    md = markdown.Markdown(extensions=["markdown.extensions.meta", header_keys.NAME])
    html = md.convert("---\nTitle : La fête\n---\nNote : ceci est du texte.\n")
    assert md.Meta == {"title": ["La fête"]}
    assert "Note : ceci est du texte." in html


def test_a_key_in_french_no_longer_ends_the_header() -> None:
    md = markdown.Markdown(extensions=["markdown.extensions.meta", header_keys.NAME])
    html = md.convert(
        "Title: La fête\nRésumé : Une phrase.\nMots clés: fête\nCategory: Vie du quartier\n"
        "Le marché aura lieu : samedi\nTags: voisins\n\nLe texte.\n"
    )
    # The French keys are read as unknown keys (the warning names them); the lines after
    # them are read as the header they are. Four words are a sentence: meta stops there.
    assert md.Meta == {
        "title": ["La fête"],
        "resume": ["Une phrase."],
        "mots-cles": ["fête"],
        "category": ["Vie du quartier"],
    }
    assert "Le marché aura lieu : samedi" in html and "Category" not in html
    assert header_keys.readable_key("Étiquettes") == "Etiquettes"


def test_a_key_written_twice_keeps_its_first_value_and_a_continued_one_is_one() -> None:
    md = markdown.Markdown(extensions=["markdown.extensions.meta", header_keys.NAME])
    md.convert("Title: La fête\nTags: voisins\nTitle : Le repas\nTags: rue\n    et place\n\nTexte.")
    # Not ["La fête", "Le repas"], a list Pelican would show as the title.
    assert md.Meta == {
        "title": ["La fête"],
        "tags": ["voisins"],
        "title--repeated": ["Le repas"],
        "tags--repeated": ["rue et place"],
    }
    # A value continued on an indented line is one value (meta made a list of its lines).
    md.reset().convert("Title: La fête\n    des voisins\nTags: rue,\n    place\n\nTexte.")
    assert md.Meta == {"title": ["La fête des voisins"], "tags": ["rue, place"]}
    # Without a header, an indented line is left to Markdown, as it was.
    plain = "Pas d’en-tête\n    mais un texte\n\nSuite."
    bare = markdown.Markdown(extensions=["markdown.extensions.meta"]).convert(plain)
    assert md.reset().convert(plain) == bare
    lines = header_lines("Title: La fête\nTags: voisins\nTitle : Le repas\nTags: rue\n")
    assert [(p.line, p.message) for p in repeated_keys(lines)] == [
        (3, "la clé « Title » est déjà écrite ligne 1 : seule la première compte, cette ligne "
         "est ignorée"),
        (4, "la clé « Tags » est déjà écrite ligne 2 : seule la première compte, cette ligne "
         "est ignorée"),
    ]  # fmt: skip


def test_build_and_check_name_a_key_written_twice(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / ARTICLE
    text = source.read_text("utf-8")
    source.write_text(
        text.replace("\n\n", "\nTitle: Le jardin, encore\nImage: images/articles/semis.jpg\n\n", 1),
        "utf-8",
    )
    header = header_lines(source.read_text("utf-8"))
    first = {key: number for number, key, _ in reversed(header)}
    title, image = (number for number, key, _ in header[-2:])
    (content / "pages" / "horaires.md").write_text(
        "Title: Horaires\nTitle: Heures d’ouverture\n\nLe mardi et le jeudi.\n", "utf-8"
    )
    said = [
        f"content/{ARTICLE}:{title} : la clé « Title » est déjà écrite ligne {first['Title']} : "
        "seule la première compte, cette ligne est ignorée → gardez une seule ligne",
        f"content/{ARTICLE}:{image} : la clé « Image » est déjà écrite ligne {first['Image']}",
        "content/pages/horaires.md:2 : la clé « Title » est déjà écrite ligne 1",
    ]
    for build in ("cold", "cached"):
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 0 and "Traceback" not in result.log, result.log
        for line in said:
            assert result.log.count(line) == 1, (build, line, result.log)
        # The first title and image are the page's (a second Image: once stopped the build).
        page = (result.output / "2026" / "jardin-partage" / "index.html").read_text("utf-8")
        original = re.search(r"^Title: (.+)$", text, re.MULTILINE)[1]
        assert f"<h1>{original}</h1>" in page.replace("&rsquo;", "’")
        assert "/images/r/semis-" not in page and "/images/r/jardin-partage-" in page
        assert "<h1>Horaires</h1>" in (result.output / "horaires" / "index.html").read_text()
    proc = run_invoke("check", "--content", str(content))
    for line in said:
        assert line in proc.stdout, proc.stdout


def test_an_article_with_a_french_key_keeps_the_rest_of_its_header(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / ARTICLE
    text = source.read_text("utf-8")
    assert "\nCategory: Jardin partagé\n" in text
    source.write_text(
        text.replace("\nCategory: ", "\nRésumé: Les parcelles du jardin.\nCategory: ", 1),
        "utf-8",
    )
    number = text.splitlines().index("Category: Jardin partagé") + 1
    warning = (
        f"{ARTICLE}:{number} : la clé « Résumé » n’existe pas : cette ligne est ignorée "
        "→ vouliez-vous dire « Summary » ?"
    )
    result = build_site(tmp_path / "output", content=content)
    assert result.returncode == 0, result.log
    assert warning in result.log, result.log
    page = (result.output / "2026" / "jardin-partage" / "index.html").read_text()
    # Before, the header ended at « Résumé »: its lines were text on the page, and the
    # article lost its category, tags, author and summary.
    assert "Résumé" not in page and "Category" not in page and "Tags:" not in page
    category = result.output / "categorie" / "jardin-partage" / "index.html"
    assert "/2026/jardin-partage/" in category.read_text()


def test_an_article_written_with_french_colons_is_published_whole(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / ARTICLE
    text = source.read_text("utf-8")
    assert text.startswith("Title: ") and "\nCategory: Jardin partagé\n" in text
    source.write_text(
        text.replace("Title: ", "Title : ", 1).replace("\nCategory: ", "\nCategory\u00a0: ", 1),
        "utf-8",
    )
    for build in ("cold", "cached"):
        result = build_site(tmp_path / "output", content=content)
        assert result.returncode == 0, (build, result.log)
        page = (result.output / "2026" / "jardin-partage" / "index.html").read_text()
        # Before, Pelican skipped it ("could not find information about 'title'").
        assert "Category" not in page and "Skipping" not in result.log, build
        category = result.output / "categorie" / "jardin-partage" / "index.html"
        assert "/2026/jardin-partage/" in category.read_text(), build
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 0 and "Tout est correct" in proc.stdout, proc.stdout


def test_links_to_a_listing_a_draft_and_an_unpublished_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "2026-11-20-brouillon.md").write_text(
        "Title: Un brouillon\nDate: 2026-11-20\nCategory: Vie du quartier\nTags: inédit\n"
        "Status: draft\n\nPas encore prêt.\n",
        "utf-8",
    )
    (content / "listings" / "incomplete.yaml").write_text("title: Une annonce\n", "utf-8")
    source = content / ARTICLE
    text = source.read_text("utf-8")
    source.write_text(
        text
        + "\nVoir [les bocaux]({filename}/listings/bocaux-en-verre.yaml).\n"
        + "\nVoir [le brouillon]({filename}2026-11-20-brouillon.md).\n"
        + "\nVoir [l’annonce]({filename}../listings/incomplete.yaml).\n"
        # A photo: its original is not published, the link leads to its largest rendition.
        + "\nVoir [la photo]({filename}/images/articles/jardin-partage.jpg).\n"
        # A document is linked with {static}, which publishes it; one among the static files
        # works with {filename} too (Pelican says so in English).
        + "\nVoir [les statuts]({filename}/documents/statuts.pdf).\n"
        + "\nVoir [le plan]({filename}/images/plan.pdf).\n",
        "utf-8",
    )
    (content / "documents").mkdir()
    (content / "documents" / "statuts.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (content / "images" / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    number = len(text.splitlines()) + 2
    said = [
        f"content/{ARTICLE}:{number + 2} : le lien « {{filename}}2026-11-20-brouillon.md » "
        "vise un brouillon (Status: draft) : il marche dans l’aperçu, mais le site publié n’a "
        "pas cette page → publiez d’abord content/articles/2026-11-20-brouillon.md (Status: "
        "published), ou retirez le lien",
        f"content/{ARTICLE}:{number + 4} : le lien « {{filename}}../listings/incomplete.yaml » "
        "vise content/listings/incomplete.yaml, qui n’est pas publié : il reste mort → "
        "corrigez content/listings/incomplete.yaml",
        f"content/{ARTICLE}:{number + 8} : le lien « {{filename}}/documents/statuts.pdf » vise "
        "un document avec {filename}, la marque des articles, des pages et des annonces : il "
        "reste mort → écrivez « {static}/documents/statuts.pdf » : le document sera publié "
        "avec la page",
        f"content/{ARTICLE}:{number + 10} : le lien « {{filename}}/images/plan.pdf » vise un "
        "document avec {filename}, la marque des articles, des pages et des annonces → écrivez "
        "« {static}/images/plan.pdf » (le lien fonctionne, mais c’est la forme juste)",
    ]
    page = tmp_path / "output" / "2026" / "jardin-partage" / "index.html"
    for build in ("cold", "cached"):
        result = build_site(tmp_path / "output", content=content)
        for line in said:
            assert line in result.log, (build, result.log)
        assert "Unable to find" not in result.log, result.log
        assert "used for linking" not in result.log, result.log  # Pelican's English, replaced
        # Ours, and the SEO check's (a dead link stops publish): not Pelican's "Unable to find".
        assert sum("statuts.pdf" in line for line in result.log.splitlines()) == 2, result.log
        assert "jardin-partage.jpg, qui n’est pas publié" not in result.log, result.log
        html = page.read_text("utf-8")
        # A listing is linked by its file, as an article is.
        assert 'href="/annonces/bocaux-en-verre/"' in html
        photo = re.search(r'href="/images/r/(jardin-partage-\d+w-\w+\.jpg)"', html)
        assert photo and (tmp_path / "output" / "images" / "r" / photo[1]).is_file(), html
        # The draft's preview links to no author, category or tag page it does not have.
        assert "SEO /brouillons/" not in result.log, result.log
    draft = (tmp_path / "output" / "brouillons" / "brouillon" / "index.html").read_text("utf-8")
    assert "<li>inédit</li>" in draft and "etiquette/inedit/" not in draft
    proc = run_invoke("check", "--content", str(content))
    assert said[0] in proc.stdout and said[2] in proc.stdout and said[3] in proc.stdout


SLIPS = """Title: Les plans
Summary: voir [le plan] (plan.jpg), ce résumé n’est pas lu ici

![Le plan] ({static}/images/plan.jpg)

Voir [le site d'ici] (https://ex.org) ou [sic] (voir plus bas).

![Le plan]({static}/images/x.jpg suivi de la phrase

Un [lien](https://ex.org/a_(b)), `![a] (b.jpg)` en code, et [un autre](https://ex.org
sur deux lignes).

    ![a] (b.jpg)

```
![a] (c.jpg
```
"""


def test_images_and_links_left_as_text_are_found_outside_code() -> None:
    found = [(s.line, s.written, s.image, s.suggestion) for s in markdown_slips(SLIPS)]
    assert found == [
        (4, "![Le plan] ({static}/images/plan.jpg)", True, "![Le plan]({static}/images/plan.jpg)"),
        (6, "[le site d'ici] (https://ex.org)", False, "[le site d'ici](https://ex.org)"),
        (
            8,
            "![Le plan]({static}/images/x.jpg suivi de la phrase",
            True,
            "![Le plan]({static}/images/x.jpg)",
        ),
    ]
    # With the HTML Markdown made: the same, though typography changed the label's quote.
    html = markdown.markdown(SLIPS, extensions=["extra", "smarty", "meta"])
    assert "d&rsquo;ici" in html
    assert [s.line for s in markdown_slips(SLIPS, html)] == [4, 6, 8]
    # What the HTML shows as an image is not reported, whatever the source looks like.
    assert markdown_slips(SLIPS, "<p><img alt='Le plan' src='/images/plan.jpg'></p>") == []


WORD_HTML = """
<p class="MsoNormal" style="margin-bottom:0cm">Les parcelles<o:p></o:p></p>

| Parcelle | Taille |
|:--|--:|
| A | 4 m² |

Du code reste du code : `<font color="red">`.

    <p style="color:red">un exemple, en bloc de code</p>

<p class="MsoNormal"><span style="font-family:Calibri">sont prêtes</span></p>
"""


def test_pasted_formatting_is_found_in_the_source_outside_code() -> None:
    found = pasted_formatting("Title: x\n" + WORD_HTML)
    # Not the table, whose HTML Markdown writes with style="text-align", nor the code.
    assert [item.lines for item in found] == [(3, 13)]
    assert "(lignes 3, 13)" in found[0].message
    assert pasted_formatting("Title: x\n\nDu texte.\n") == []


NO_ALT = """Title: x
Date: 2026-01-01

![]({static}/images/a.jpg) puis ![ ][plan] et ![Le four](four.jpg)
<img src="c.jpg" alt=""> <img src="deco.jpg" alt="" role="presentation"> <img alt='' src=e.jpg>

    ![](code.jpg)

`![](inline.jpg)`

[plan]: {static}/images/plan.jpg
"""


def test_images_without_a_description_are_found_outside_code() -> None:
    found = empty_alts(NO_ALT)
    assert [(item.line, item.written) for item in found] == [
        (4, "![]({static}/images/a.jpg)"),
        (4, "![ ][plan]"),
        (5, '<img src="c.jpg" alt="">'),
        (5, "<img alt='' src=e.jpg>"),
    ]
    assert found[0].hint.endswith("« ![Ce que montre la photo]({static}/images/a.jpg) »")
    assert found[1].hint.endswith("« ![Ce que montre la photo][plan] »")
    assert 'alt="…"' in found[2].hint
    # Pelican names an image by its file name: found here, its English line is dropped.
    assert names_image(found, "a.jpg") and names_image(found, "e.jpg")
    assert not names_image(found, "plan.jpg")  # a reference: Pelican's line stays
    assert not names_image(found, "deco.jpg") and not names_image(found, ".jpg")


def test_build_and_check_name_markup_that_does_not_show_as_meant(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / ARTICLE
    text = source.read_text("utf-8")
    source.write_text(
        text
        + "\n![Le plan du jardin] ({static}/images/articles/jardin-partage.jpg)\n"
        + WORD_HTML
        + "\n![]({static}/images/articles/plan-parcelles.jpg)\n",
        "utf-8",
    )
    number = len(text.splitlines()) + 2
    written = source.read_text("utf-8").splitlines()
    no_alt = written.index("![]({static}/images/articles/plan-parcelles.jpg)") + 1
    said = [
        f"content/{ARTICLE}:{number} : « ![Le plan du jardin] "
        "({static}/images/articles/jardin-partage.jpg) » n’est pas une image mais du texte sur "
        "la page : Markdown n’en lit pas avec une espace entre ] et ( → écrivez « ![Le plan du "
        "jardin]({static}/images/articles/jardin-partage.jpg) », sans espace",
        f"content/{ARTICLE}:{number + 2} : du HTML copié d’un traitement de texte ou d’un site "
        f'(style=, class="Mso…", <font>) : sa mise en forme ne suit pas celle du site (lignes '
        f"{number + 2}, {number + 12}) → remplacez-le par du texte en Markdown",
        f"content/{ARTICLE}:{no_alt} : l’image « ![]({{static}}/images/articles/plan-parcelles"
        ".jpg) » n’a pas de description : un lecteur d’écran n’en dit rien, et qui ne la voit "
        "pas ignore ce qu’elle montre → écrivez entre les crochets ce qu’elle montre, en une "
        "phrase : « ![Ce que montre la photo]({static}/images/articles/plan-parcelles.jpg) »",
    ]
    result = build_site(tmp_path / "output", content=content)
    proc = run_invoke("check", "--content", str(content))
    for line in said:
        assert line in result.log, result.log
        assert line in proc.stdout, proc.stdout
    # Pelican's English line about it is gone; the SEO check, which names the thumbnail the
    # page shows, gives the same line of the source, not the one that describes the photo.
    assert "Empty alt attribute" not in result.log
    seo = [line for line in result.log.splitlines() if "[img-alt-empty]" in line]
    assert len(seo) == 1 and seo[0].endswith(f"(source : content/{ARTICLE}:{no_alt})"), seo


def test_tags_written_with_hashes_or_semicolons_get_the_line_to_write() -> None:
    lines = [(1, "Title", "Atelier"), (2, "Tags", "#vélo #atelier réparation"), (3, "X", "#a")]
    assert [(p.line, p.hint) for p in tag_slips(lines)] == [
        (2, "écrivez « Tags: vélo, atelier réparation »")
    ]
    assert tag_slips([(4, "tags", "vélo; atelier")])[0].hint == "écrivez « tags: vélo, atelier »"
    assert tag_slips([(2, "Tags", "vélo, atelier")]) == []
    # A page: the first key only articles have.
    page = [(1, "Title", "Vide-grenier"), (2, "Date", "2026-11-02"), (3, "Tags", "brocante")]
    assert [p.line for p in article_keys_in_page(page)] == [3]
    assert article_keys_in_page(page[:2]) == []
    # Two categories on one line: a new one of its own.
    two = category_slips([(3, "Category", "Culture; Vie du quartier")])
    assert [(p.line, p.hint) for p in two] == [
        (3, "gardez-en une, « Category: Culture », et mettez les autres dans « Tags: »")
    ]
    assert category_slips([(3, "Category", "Vie du quartier")]) == []
    assert category_slips([(3, "Category", "Culture,")]) == []


def test_build_and_check_name_tags_in_one_and_a_page_with_a_category(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = content / ARTICLE
    text = article.read_text("utf-8")
    assert "\nTags: jardin, familles, printemps\n" in text
    article.write_text(
        text.replace("Tags: jardin, familles, printemps", "Tags: #jardin #familles").replace(
            "Category: Jardin partagé", "Category: Jardin partagé, Environnement"
        )
    )
    (content / "pages" / "vide-grenier.md").write_text(
        "Title: Le vide-grenier\nDate: 2026-11-02\nCategory: Vie du quartier\n\nTexte.\n"
    )
    said = [
        f"content/{ARTICLE}:4 : « Tags: #jardin #familles » : les étiquettes se séparent par des "
        "virgules, sans « # » ni « ; » (sinon elles n’en font qu’une) → écrivez « Tags: jardin, "
        "familles »",
        "content/pages/vide-grenier.md:3 : une page n’a ni catégorie ni étiquettes : « Category » "
        "est ignorée ; si ce fichier est un article,",
        f"content/{ARTICLE}:3 : « Category: Jardin partagé, Environnement » : un article n’a "
        "qu’une catégorie ; cette ligne en crée une nouvelle, à part des autres → gardez-en une, "
        "« Category: Jardin partagé », et mettez les autres dans « Tags: »",
    ]
    result = build_site(tmp_path / "output", content=content)
    proc = run_invoke("check", "--content", str(content))
    for line in said:
        assert line in result.log, result.log
        assert line in proc.stdout, proc.stdout
