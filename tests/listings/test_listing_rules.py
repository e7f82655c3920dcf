"""Hostile descriptions, the expiry boundary, settings, the published schema, new-listing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.listings.support import VALID, write_listing
from tests.support import (
    BUILD_DATE,
    CONTENT,
    ROOT,
    BuildResult,
    build_site,
    copy_project,
    run_invoke,
)

HOSTILE = VALID.replace(
    "  Un vélo de course en bon état, à venir chercher rue des Charmes.\n",
    """\
  Un vélo de course en **bon état**.
  <script>alert('script')</script>
  <img src="x.png" onerror="alert('onerror')">
  [un lien piégé](javascript:alert('lien'))
  <a href="javascript:alert('a')">autre lien</a>
  <iframe src="https://evil.example/"></iframe>
  <style>body { display: none }</style>
  <p style="position:fixed" onclick="alert('clic')">Texte gardé</p>
  [Site du club](https://club.example.org/)
""",
)

# An event in February 2027, after VALID's expiry.
EVENT = VALID.replace("kind: don", "kind: événement") + (
    "event:\n  start: 2027-02-06T14:00\n  place: Salle des fêtes\n"
)

# expires relative to BUILD_DATE (2026-11-23): yesterday, today, tomorrow.
BOUNDARY = {
    "expire-hier": "2026-11-22",
    "expire-aujourdhui": "2026-11-23",
    "expire-demain": "2026-11-24",
}


@pytest.fixture(scope="module")
def rules_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    content = tmp_path_factory.mktemp("rules") / "content"
    shutil.copytree(CONTENT, content)
    write_listing(content, "velo-piege.yaml", HOSTILE)
    for slug, expires in BOUNDARY.items():
        write_listing(
            content, f"{slug}.yaml", VALID.replace("expires: 2027-01-10", f"expires: {expires}")
        )
    # Unquoted, as editors write it: YAML 1.1 would read it in base 8 (2560).
    write_listing(
        content,
        "code-postal-zero.yaml",
        VALID.replace("location: Villebourg\n", "location: Gap\npostcode: 05000\n"),
    )
    # Dates that take a listing or an article out of step with the build's date (warnings).
    write_listing(content, "evenement-apres-expiration.yaml", EVENT)
    write_listing(
        content, "evenement-sans-expiration.yaml", EVENT.replace("expires: 2027-01-10\n", "")
    )
    write_listing(
        content,
        "date-dans-un-an.yaml",
        VALID.replace("date: 2026-11-10", "date: 2027-11-10").replace("2027-01-10", "2028-01-10"),
    )
    (content / "articles" / "2027-11-02-date-dans-un-an.md").write_text(
        "Title: Une date dans un an\nDate: 2027-11-02\nCategory: Vie du quartier\n\nTexte.\n"
    )
    result = build_site(content.parent / "output", content=content, build_date=BUILD_DATE)
    assert result.returncode == 0, result.log
    return result


def test_hostile_description_keeps_text_and_loses_every_weapon(rules_build: BuildResult) -> None:
    page = (rules_build.output / "annonces" / "velo-piege" / "index.html").read_text()
    soup = BeautifulSoup(page, "html.parser")
    description = soup.select_one("#description").find_parent("section")
    assert "Texte gardé" in description.get_text()
    assert description.find("strong").get_text() == "bon état"
    assert description.find_all(["script", "iframe", "style", "img"]) == []
    for tag in description.find_all(True):
        assert not [attr for attr in tag.attrs if attr.startswith("on") or attr == "style"], tag
    assert "alert" not in page
    assert "javascript:" not in page
    assert "evil.example" not in page
    # The only script that runs is ours, from our own server; the rest is JSON-LD data.
    runnable = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert [s.get("src") for s in runnable] == ["/theme/js/contact.js"]
    for block in soup.find_all("script", type="application/ld+json"):
        assert json.loads(block.string)["name"]
    safe = description.find("a", string="Site du club")
    assert safe["href"] == "https://club.example.org/"
    assert set(safe["rel"]) >= {"nofollow", "ugc", "noopener"}


def test_what_a_description_loses_is_reported_with_its_lines(rules_build: BuildResult) -> None:
    # Nothing a member wrote disappears without the editor being told where: one warning
    # for the file, each removal with its line(s) in HOSTILE (the listing is still published).
    # (The SEO findings on its page name the file too, as their source.)
    lines = rules_build.log.splitlines()
    warnings = [x for x in lines if "velo-piege.yaml" in x and not x.startswith("ATTENTION SEO")]
    assert warnings == [
        "ATTENTION content/listings/velo-piege.yaml:14 : du HTML a été retiré de la "
        "description : <script> et son contenu (ligne 14), une image (ligne 15), "
        "un lien « javascript: » (lignes 16, 17), la balise <iframe> (ligne 18), "
        "<style> et son contenu (ligne 19), l’attribut style de <p> (ligne 20), "
        "l’attribut onclick de <p> (ligne 20) → écrivez-la en Markdown : **gras**, "
        "*italique*, [texte du lien](https://…) ; les photos se mettent sous « photos: »"
    ]
    assert (rules_build.output / "annonces" / "velo-piege" / "index.html").is_file()


def _index_slugs(output: Path) -> set[str]:
    slugs = set()
    for page in (output / "annonces").rglob("index.html"):
        if (
            "categorie" in page.parts
            or "type" in page.parts
            or page.parent.name == "annonces"
            or "page" in page.parts
        ):
            soup = BeautifulSoup(page.read_text(), "html.parser")
            slugs |= {
                a["href"].strip("/").split("/")[-1]
                for a in soup.select(".card--listing .card__title a")
            }
    return slugs


def test_expiry_boundary(rules_build: BuildResult) -> None:
    output = rules_build.output
    listed = _index_slugs(output)
    export = {
        item["slug"]
        for item in json.loads((output / "annonces" / "annonces.json").read_text())["listings"]
    }
    for slug in ("expire-aujourdhui", "expire-demain"):
        assert slug in listed and slug in export, slug
    assert "expire-hier" not in listed
    assert "expire-hier" not in export
    yesterday = BeautifulSoup(
        (output / "annonces" / "expire-hier" / "index.html").read_text(), "html.parser"
    )
    assert yesterday.select_one(".banner--expired")
    assert yesterday.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    today = BeautifulSoup(
        (output / "annonces" / "expire-aujourdhui" / "index.html").read_text(), "html.parser"
    )
    assert today.select_one(".banner--expired") is None


def test_published_schema_files_are_up_to_date() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from listings.settings import configure

    from tasks import SETTINGS_DEV, load_settings, schema_files

    settings = configure(load_settings(SETTINGS_DEV))
    for name, text in schema_files(settings).items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run invoke schema"


def test_schema_accepts_the_demo_listings_as_an_editor_would_check_them() -> None:
    """What an editor's YAML extension does with schema/listing.schema.json."""
    import jsonschema

    schema = json.loads((ROOT / "schema" / "listing.schema.json").read_text())
    for path in sorted((CONTENT / "listings").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        # BaseLoader reads everything as text, as our own loader does for dates.
        for key in ("price",):
            if key in data:
                data[key] = float(data[key])
        jsonschema.validate(data, schema)
    bad = {"title": "Vélo", "kind": "offre"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("LISTING_DEFAULT_DAYS=0", "LISTING_DEFAULT_DAYS must be a whole number ≥ 1"),
        ("LISTING_CURRENCY=euros", "LISTING_CURRENCY must be an ISO 4217 code"),
        ("LISTING_URL=annonces/", "LISTING_URL = 'annonces/' must contain {slug}"),
    ],
)
def test_bad_settings_stop_the_build_with_the_setting_name(
    setting: str, message: str, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    copy_project(project, "images")
    name, value = setting.split("=")
    literal = value if value.isdigit() else repr(value)
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\n{name} = {literal}\n")
    for args in (["check"], ["build"]):
        proc = run_invoke(*args, cwd=project)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 2, out
        assert "Réglages invalides" in out and message in out
        assert "Traceback" not in out


def test_new_listing_writes_a_file_that_check_accepts(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_project(project)
    proc = run_invoke(
        "new-listing",
        "--title",
        "Perceuse à prêter : le week-end",
        "--kind",
        "offre",
        "--category",
        "maison",
        "--location",
        "Villebourg",
        "--price",
        "12,50",
        "--author",
        "Paul R.",
        "--phone",
        "01 99 00 77 88",
        "--description",
        "Perceuse à prêter contre un café # pas un commentaire",
        cwd=project,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = project / "content" / "listings" / "perceuse-a-preter-le-week-end.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["title"] == "Perceuse à prêter : le week-end"
    assert data["price"] == 12.5
    assert data["contact"] == {"phone": "01 99 00 77 88"}
    assert data["description"].strip() == "Perceuse à prêter contre un café # pas un commentaire"
    check = run_invoke("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr

    again = run_invoke(
        "new-listing",
        "--title",
        "Perceuse à prêter : le week-end",
        "--kind",
        "offre",
        "--category",
        "maison",
        "--location",
        "V",
        "--author",
        "P",
        "--email",
        "p@example.org",
        "--description",
        "Texte.",
        cwd=project,
    )
    assert again.returncode == 1
    assert "existe déjà" in again.stdout + again.stderr


def test_a_postcode_with_a_leading_zero_is_shown_as_written(rules_build: BuildResult) -> None:
    page = (rules_build.output / "annonces" / "code-postal-zero" / "index.html").read_text()
    assert "Gap (05000)" in BeautifulSoup(page, "html.parser").get_text(" "), page
    assert "2560" not in page


DATE_WARNINGS = [
    "content/listings/evenement-apres-expiration.yaml:6:1 : « expires » (2027-01-10) est avant "
    "« event.start » (2027-02-06) : l’annonce quitte les listes et le calendrier avant "
    "l’événement → écrivez « expires: 2027-02-06 » (le jour où l’événement finit)",
    "content/listings/evenement-sans-expiration.yaml:14:3 : sans ligne « expires », l’annonce "
    "expire le 2027-01-09 (60 jours après « date »), avant l’événement du 2027-02-06 : "
    "l’annonce quitte les listes et le calendrier avant l’événement → ajoutez la ligne "
    "« expires: 2027-02-06 »",
    "content/listings/date-dans-un-an.yaml:5 : « date » (2027-11-10) est dans plus d’un mois (la "
    "construction est du 2026-11-23) : l’annonce est publiée dès maintenant, en tête des listes",
    "content/articles/2027-11-02-date-dans-un-an.md:2 : la date 2027-11-02 est dans plus d’un "
    "mois (la construction est du 2026-11-23) : l’article est publié dès maintenant, en tête de "
    "la page d’accueil → vérifiez l’année",
]


def test_dates_out_of_step_with_the_build_are_warned(rules_build: BuildResult) -> None:
    for line in DATE_WARNINGS:
        assert f"ATTENTION {line}" in rules_build.log, rules_build.log
    # Warnings: each is published all the same.
    for slug in ("evenement-apres-expiration", "evenement-sans-expiration", "date-dans-un-an"):
        assert (rules_build.output / "annonces" / slug / "index.html").is_file()
    # None for the demo's own event, which stays listed until its day.
    assert "marche-de-noel.yaml" not in rules_build.log


def test_check_warns_about_the_same_dates(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    write_listing(content, "evenement-apres-expiration.yaml", EVENT)
    (content / "articles" / "2027-11-02-date-dans-un-an.md").write_text(
        "Title: Une date dans un an\nDate: 2027-11-02\nCategory: Vie du quartier\n\nTexte.\n"
    )
    env = {**os.environ, "BABILLARD_BUILD_DATE": BUILD_DATE}
    proc = run_invoke("check", "--content", str(content), env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for line in (DATE_WARNINGS[0], DATE_WARNINGS[3]):
        assert line in proc.stdout, proc.stdout  # after the folder of `content`
    # Once the event is over, what it warned of can no longer happen: nothing more is said.
    for day, said in (("2027-02-06", True), ("2027-02-07", False)):
        env = {**os.environ, "BABILLARD_BUILD_DATE": day}
        proc = run_invoke("check", "--content", str(content), env=env)
        assert ("evenement-apres-expiration.yaml" in proc.stdout) is said, (day, proc.stdout)
