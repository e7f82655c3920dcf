"""A finding names the source file of its page, and the line when one holds what it quotes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from seo_checklist.registry import Finding
from seo_checklist.sources import page_sources, source_of

ARTICLE = """Title: Fête des voisins
Summary: Le repas de la rue.

Le repas commence à midi.

Voir [le programme](/programme/) et [la mairie](https://mairie.example.org/fete).
"""


def _finding(check: str, page: str, message: str) -> Finding:
    return Finding(check, "error", page, message, "corrigez")


def test_pages_are_mapped_to_the_file_that_made_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    article = content / "articles" / "2026-06-06-fete.md"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE, "utf-8")
    context = {
        "generated_content": {
            "articles/2026-06-06-fete.md": SimpleNamespace(
                url="2026/fete/", source_path=str(article)
            ),
            "listings/velo.yaml": SimpleNamespace(
                url="annonces/velo/", source_path=str(content / "listings" / "velo.yaml")
            ),
            "sans-adresse.md": SimpleNamespace(url=None, source_path="x.md"),
        }
    }
    sources = page_sources(context)
    assert set(sources) == {"/2026/fete/", "/annonces/velo/"}

    def where(check: str, message: str, page: str = "/2026/fete/") -> str:
        return source_of(_finding(check, page, message), sources, tmp_path)

    shown = "content/articles/2026-06-06-fete.md"
    # An address as written, a full one too (the final period is the sentence's).
    assert where("link-broken", "Le lien /programme/ mène à /programme/.") == f"{shown}:6"
    assert where("link-generic", "Le lien vers https://mairie.example.org/fete.") == f"{shown}:6"
    # A title or a description: its header line, whatever the message quotes.
    assert where("title-length", "Le titre compte 16 caractères.") == f"{shown}:1"
    assert where("description-length", "La description compte 20 caractères.") == f"{shown}:2"
    # Quoted words: the first line that holds them.
    assert where("link-generic", "Le lien « le repas » ne dit rien.") == shown
    assert where("link-generic", "Le lien « Le repas commence » ne dit rien.") == f"{shown}:4"
    # Nothing the file holds as written, or too short to tell: the file alone.
    assert where("img-alt-empty", "L’image /images/r/fete-800w-1a2b.jpg a un alt vide.") == shown
    assert where("link-broken", "Le lien / mène à /.") == shown
    # A file that cannot be read (gone since the build): still named.
    assert where("link-broken", "Le lien /x/ mène à /x/.", "/annonces/velo/") == (
        "content/listings/velo.yaml"
    )
    # A page no file made (a list of articles): nothing to add.
    assert where("link-broken", "Le lien /x/ mène à /x/.", "/categorie/fete/") == ""
    # A source outside the folder paths are shown from: its full path.
    outside = {"/2026/fete/": article}
    finding = _finding("link-broken", "/2026/fete/", "Le lien /programme/ mène à /programme/.")
    assert source_of(finding, outside, tmp_path / "ailleurs") == f"{article}:6"


def test_an_image_shown_under_a_thumbnail_name_is_found_by_its_photo(tmp_path: Path) -> None:
    article = tmp_path / "content" / "fete.md"
    article.parent.mkdir()
    lines = [
        "Title: Le menu",
        "",
        "![Le menu](images/Menu_Fête.JPG)",
        "",
        "![](images/Menu_Fête.JPG)",
    ]
    article.write_text("\n".join(lines) + "\n", "utf-8")
    sources = {"/2026/fete/": article}

    def where(message: str) -> str:
        return source_of(_finding("img-alt-empty", "/2026/fete/", message), sources, tmp_path)

    # Named after the photo as a slug: lower case, without accents, "-" for "_".
    assert where("L’image /images/r/menu-fete-800w-1a2b3c.webp a un alt vide.") == (
        "content/fete.md:5"
    )
    # Not a line that only says the words: a photo is named as a file.
    assert where("L’image /images/r/menu-800w-1a2b3c.webp a un alt vide.") == "content/fete.md"
    # Shown with a description elsewhere: the line of the other check is its first one.
    finding = _finding("img-size-missing", "/2026/fete/", "L’image /images/r/menu-fete-1a.jpg …")
    assert source_of(finding, sources, tmp_path) == "content/fete.md:3"


def test_a_second_h1_is_found_at_its_markdown_heading(tmp_path: Path) -> None:
    article = tmp_path / "content" / "fete.md"
    article.parent.mkdir()
    article.write_text("Title: La fête\nTags: fête\n\n# La fête\n\nTexte.\n", "utf-8")
    finding = _finding("h1-multiple", "/2026/fete/", "La page a 2 titres <h1> : « La fête ».")
    # The title line quotes it first; the line to change is the heading.
    assert source_of(finding, {"/2026/fete/": article}, tmp_path) == "content/fete.md:4"
    other = _finding("heading-skip", "/2026/fete/", "Le titre « La fête » …")
    assert source_of(other, {"/2026/fete/": article}, tmp_path) == "content/fete.md:1"
