"""Broken listing files: each mistake is reported with its file and line; the rest builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.listings.support import VALID, write_listing
from tests.support import CONTENT, build_site, run_invoke


def _replace(line: int, new: str) -> str:
    lines = VALID.splitlines()
    lines[line - 1] = new
    return "\n".join(lines) + "\n"


def _without(line: int) -> str:
    lines = VALID.splitlines()
    del lines[line - 1]
    return "\n".join(lines) + "\n"


# name → (file content, line reported (0: none), words the message must contain)
_EVENT = "event:\n  start: {start}\n  place: Maison des Tilleuls\n"
CASES: dict[str, tuple[str | bytes, int, str]] = {
    "yaml-casse": (_replace(4, 'location: "Villebourg'), 4, "YAML illisible"),
    # The quote closes three lines later, where the parser stops: line 1 is what to fix.
    "guillemet-ouvert": (
        VALID.replace("title: Vélo", 'title: "Vélo').replace(
            "location: Villebourg", 'location: "Villebourg"'
        ),
        1,
        'le guillemet " ouvert ici n’est pas refermé',
    ),
    "tabulation": (_replace(9, "\temail: paul.r@example.org"), 9, "tabulations"),
    "titre-manquant": (_without(1), 1, "il manque la clé « title »"),
    "categorie-inconnue": (_replace(3, "category: velos"), 3, "« category » vaut « velos »"),
    "date-impossible": (
        _replace(5, "date: 2026-02-30"),
        5,
        "« date » : le 2026-02-30 n’existe pas",
    ),
    "date-mal-ecrite": (_replace(5, "date: 10/11/2026"), 5, "« date » : « 10/11/2026 »"),
    "expire-avant": (_replace(6, "expires: 2026-11-01"), 6, "« expires » (2026-11-01) est avant"),
    # A thousand and a half as French writes it: YAML reads 1.5.
    "prix-milliers": (
        VALID.replace("location: Villebourg\n", "location: Villebourg\nprice: 1.500\n"),
        5,
        "« price » : « 1.500 » se lit 1,50 € (le point marque les centimes) : ambigu",
    ),
    "photo-absente": (
        _replace(11, "  - annonces/velo-enfnat.jpg"),
        11,
        "la photo « annonces/velo-enfnat.jpg » n’existe pas",
    ),
    # A name in capitals, as phones write them: one message, about the name, with the file.
    "photo-en-capitales": (
        _replace(11, "  - annonces/VELO-ENFANT.JPG"),
        11,
        "la photo « annonces/VELO-ENFANT.JPG » n’existe pas",
    ),
    # Not a photo, and not there either: one message, about what photos can be.
    "photo-pdf": (
        _replace(11, "  - annonces/plan-du-local.pdf"),
        11,
        "« annonces/plan-du-local.pdf » n’est pas le nom d’une photo",
    ),
    # Nothing in the folder looks like it: no guess (difflib's default would offer the
    # photo of another listing, "marche-noel.jpg", for sharing ".jpg" and a few letters).
    "photo-sans-ressemblance": (
        _replace(11, "  - annonces/absente.jpg"),
        11,
        "la photo « annonces/absente.jpg » n’existe pas",
    ),
    # Written from content/ or from the site's root: one message, with the path to write.
    "photo-depuis-content": (
        _replace(11, "  - content/images/annonces/velo-enfant.jpg"),
        11,
        "la photo « content/images/annonces/velo-enfant.jpg » n’existe pas",
    ),
    "photo-depuis-la-racine": (
        _replace(11, "  - /images/annonces/velo-enfant.jpg"),
        11,
        "la photo « /images/annonces/velo-enfant.jpg » commence par « / »",
    ),
    # Items of a list are counted from 1, as editors count: the second tag.
    "etiquette-nombre": (VALID + "tags: [vélo, 12]\n", 14, "« tags n°2 » doit être du texte"),
    "sans-contact": (
        _without(9).replace("contact:\n", "contact: {}\n"),
        8,
        "ne donne aucun moyen de contact",
    ),
    "cle-inconnue": (VALID.replace("expires: 2027-01-10", "prix: 12"), 6, "clé inconnue « prix »"),
    # A required key under its French name: one message, the unknown key's, not also
    # « il manque la clé « location » ».
    "cle-en-francais": (_replace(4, "lieu: Villebourg"), 4, "clé inconnue « lieu »"),
    "contact-en-francais": (
        _replace(9, "  courriel: paul.r@example.org"),
        9,
        "clé inconnue « courriel »",
    ),
    "tags-en-texte": (
        VALID.replace("expires: 2027-01-10", "tags: vélo, enfants"),
        6,
        "« tags » doit être une liste, pas du texte",
    ),
    "contact-en-texte": (
        VALID.replace("contact:\n  email:", "contact:"),
        8,
        "« contact » doit être une liste de « clé: valeur » en retrait, pas du texte",
    ),
    "prix-virgule": (
        VALID.replace("expires: 2027-01-10", "price: 12,50"),
        6,
        "« price » doit être un nombre",
    ),
    "prix-en-euros": (
        VALID.replace("expires: 2027-01-10", "price: 12 €"),
        6,
        "« price » doit être un nombre",
    ),
    "prix-a-points": (
        VALID.replace("expires: 2027-01-10", "price: 1.250.000"),
        6,
        "« price » doit être un nombre",
    ),
    "telephone-depuis-l-etranger": (
        VALID.replace("  email: paul.r@example.org", '  phone: "+33 (0)6 12 34 56 78"'),
        9,
        "« contact.phone » : « +33 (0)6 12 34 56 78 » n’a pas la forme attendue",
    ),
    "telephone-et-horaires": (
        VALID.replace("  email: paul.r@example.org", "  phone: 06 12 34 56 78 (après 18 h)"),
        9,
        "« contact.phone » : « 06 12 34 56 78 (après 18 h) » n’a pas la forme attendue",
    ),
    "type-vente": (_replace(2, "kind: vente"), 2, "« kind » vaut « vente »"),
    "evenement-sans-dates": (_replace(2, "kind: événement"), 1, "il manque la clé « event »"),
    # One message each: the schema's, with the form to write, not also « n’existe pas ».
    "evenement-heure-a-la-francaise": (
        _replace(2, "kind: événement") + _EVENT.format(start="2027-01-16 15h00"),
        15,
        "« event.start » : « 2027-01-16 15h00 » n’a pas la forme attendue",
    ),
    "evenement-30-fevrier": (
        _replace(2, "kind: événement") + _EVENT.format(start="2027-02-30T15:00"),
        15,
        "« event.start » : « 2027-02-30T15:00 » n’existe pas",
    ),
    "pas-du-texte": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "n’est pas du texte"),
    "pas-utf8": (VALID.encode("latin-1"), 1, "n’est pas écrit en UTF-8"),
    "email-dans-la-description": (
        VALID + "  Écrivez-moi : paul.r@example.org\n",
        12,
        "la description contient une adresse email",
    ),
}
HINTS = {
    "evenement-heure-a-la-francaise": "écrivez 2027-01-16T15:00",
    "evenement-30-fevrier": "vérifiez le jour, le mois et l’heure",
    "prix-milliers": "écrivez 1500 pour 1500 euros, sans point ni espace (ou 1.50 pour 1,50 €)",
    "categorie-inconnue": "Choisissez parmi : maison, jardin",
    "photo-absente": "vouliez-vous dire « annonces/velo-enfant.jpg »",
    "photo-en-capitales": "vouliez-vous dire « annonces/velo-enfant.jpg »",
    "photo-pdf": "Chemin d’une photo (.jpg, .png, .webp, .gif ou .heic)",
    "photo-depuis-content": "écrivez « annonces/velo-enfant.jpg » : le chemin se compte depuis "
    "content/images/",
    "photo-depuis-la-racine": "écrivez « annonces/velo-enfant.jpg » : le chemin se compte "
    "depuis content/images/, sans / au début",
    "cle-inconnue": "vouliez-vous dire « price »",
    "cle-en-francais": "vouliez-vous dire « location » ?",
    "contact-en-francais": "vouliez-vous dire « email » ?",
    "prix-virgule": "écrivez 12.50",
    "tags-en-texte": "écrivez « tags: [vélo, enfants] »",
    "contact-en-texte": "en retrait de deux espaces : « email: paul.r@example.org »",
    "prix-en-euros": "écrivez 12 (un nombre seul : sans €",
    "prix-a-points": "écrivez 1250000 (un nombre seul",
    "type-vente": "vouliez-vous dire « offre » ?",
    "telephone-depuis-l-etranger": 'écrivez « phone: "+33 6 12 34 56 78" », sans le (0)',
    "telephone-et-horaires": 'écrivez « phone: "06 12 34 56 78" » : le reste (« après 18 h »)'
    " va dans la description",
    "date-mal-ecrite": "écrivez 2026-11-10",
    "date-impossible": "AAAA-MM-JJ",
    "guillemet-ouvert": 'ajoutez " à la fin de la valeur',
}


@pytest.fixture(scope="module")
def broken_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content plus one broken listing per mistake."""
    content = tmp_path_factory.mktemp("broken") / "content"
    shutil.copytree(CONTENT, content)
    for name, (text, _, _) in CASES.items():
        write_listing(content, f"{name}.yaml", text)
    return content


def _expected_location(name: str) -> str:
    line = CASES[name][1]
    return f"listings/{name}.yaml:{line}" if line else f"listings/{name}.yaml :"


@pytest.fixture(scope="module")
def checked(broken_content: Path) -> str:
    """What `invoke check` says of the broken content: one run for every case (each is
    its own file, and each message names its file)."""
    proc = run_invoke("check", "--content", str(broken_content))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out
    assert f"problème(s) dans {len(CASES)} fichier(s)" in out, out
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports_the_file_the_line_and_the_fix(name: str, checked: str) -> None:
    words = CASES[name][2]
    lines = [line for line in checked.splitlines() if f"/{name}.yaml" in line]
    assert len(lines) == 1, checked  # one mistake, one message
    assert any(_expected_location(name) in line and words in line for line in lines), lines
    if name in HINTS:
        assert any(HINTS[name] in line for line in lines), lines
    else:  # no guess where there is nothing close to offer
        assert "vouliez-vous dire" not in lines[0], lines


def test_build_reports_every_broken_listing_and_builds_the_rest(
    broken_content: Path, tmp_path: Path
) -> None:
    result = build_site(tmp_path / "out", content=broken_content)
    assert result.returncode == 1
    assert "Traceback" not in result.log
    for name in CASES:
        assert _expected_location(name) in result.log, name
        assert not (result.output / "annonces" / name).exists()
    assert "Annonces : " in result.log and "ces annonces ne sont pas publiées" in result.log
    # The closing summary counts them too, beside the demo's listings, all published.
    demo = len(list((CONTENT / "listings").rglob("*.yaml")))
    summary = f"Annonces : {demo} publiée(s), dont "
    assert summary in result.stdout, result.stdout
    assert f" ; {len(CASES)} fichier(s) en erreur, non publié(s)." in result.stdout
    # Everything else is there.
    assert (result.output / "index.html").is_file()
    assert (result.output / "annonces" / "velo-enfant-16-pouces" / "index.html").is_file()
    assert (result.output / "2026" / "jardin-partage" / "index.html").is_file()


def test_check_accepts_a_photo_named_in_capitals(tmp_path: Path) -> None:
    # An iPhone's IMG_2041.JPG, added as it is: the listing format allows the capitals.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    photos = content / "images" / "annonces"
    shutil.copy(photos / "velo-enfant.jpg", photos / "IMG_2041.JPG")
    write_listing(content, "velo.yaml", _replace(11, "  - annonces/IMG_2041.JPG"))
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Tout est correct" in proc.stdout


def test_check_passes_on_the_demo_content() -> None:
    proc = run_invoke("check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Tout est correct" in proc.stdout


def test_check_warns_about_html_removed_from_a_description(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    write_listing(content, "html.yaml", VALID + "  <font color=red>Urgent</font>\n")
    proc = run_invoke("check", "--content", str(content))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out  # published all the same: not an error
    assert "listings/html.yaml:14 : du HTML a été retiré" in out, out
    assert "la balise <font>" in out and "Aucune erreur" in out and "1 avertissement(s)" in out


def test_check_and_build_warn_about_a_link_without_https(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    text = VALID + "  Voir [la mairie](www.villebourg.fr) ou [le site](https://ex.org).\n"
    write_listing(content, "lien.yaml", text + "  Et [le plan](plan.pdf), [plus haut](#haut).\n")
    said = [
        "listings/lien.yaml:14 : le lien « www.villebourg.fr » n’a pas de https:// : il se lit "
        "depuis l’adresse de l’annonce sur le site, et ne mène à rien → écrivez l’adresse "
        "complète de la page, qui commence par https://",
        "listings/lien.yaml:15 : le lien « plan.pdf » n’a pas de https://",
    ]
    proc = run_invoke("check", "--content", str(content))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "2 avertissement(s)" in out, out
    result = build_site(tmp_path / "output", content=content)
    for line in said:
        assert line in out, out
        assert line in result.log, result.log
    assert (result.output / "annonces" / "lien" / "index.html").is_file()


def test_check_reports_a_broken_article_date(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("*.jpg", "*.png", "listings"))
    (content / "listings").mkdir()
    (content / "articles" / "2026-05-05-fete.md").write_text(
        "Title: La fête\nDate: 2026-13-45\nCategory: Culture\n\nTexte.\n", encoding="utf-8"
    )
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 1
    assert (
        "articles/2026-05-05-fete.md:2 : « Date » : « 2026-13-45 » n’est pas une date"
        in proc.stdout
    )
