"""The theme and the SEO checklist together, on real builds of the demo site (issue #5).

The demo must pass `invoke seo --strict` with nothing to report; a copy with typical editor
mistakes must get each one reported on the right page, and `--strict` must fail.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import (
    BUILD_DATE,
    CONTENT,
    PROD_SITEURL,
    BuildResult,
    build_site,
    copy_project,
    run_invoke,
)

pytestmark = pytest.mark.slow

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _seo(project: Path, output: Path, *extra: str) -> tuple[int, str, dict]:
    proc = run_invoke("seo", "--output", str(output), "--production", *extra, cwd=project)
    report = json.loads((project / ".cache" / "seo" / "seo-report.json").read_text("utf-8"))
    return proc.returncode, proc.stdout + proc.stderr, report


def _pages(output: Path) -> dict[str, BeautifulSoup]:
    pages = {}
    for file in sorted(output.rglob("*.html")):
        rel = file.relative_to(output).as_posix()
        path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        pages[path] = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    return pages


def _jsonld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


# --- the demo passes ------------------------------------------------------------------------


def test_demo_passes_seo_strict_with_nothing_to_report(prod_build: BuildResult, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    code, out, report = _seo(project, prod_build.output, "--strict")
    assert code == 0, out
    assert "0 erreur, 0 avertissement, 0 remarque" in out
    assert report["findings"] == []
    assert report["pages_checked"] >= 80


def test_the_build_itself_runs_the_checklist(prod_build: BuildResult) -> None:
    # The plugin is enabled: the production build's log would count any SEO error.
    assert "0 erreur(s), 0 avertissement(s)" in prod_build.stdout


def test_every_page_has_canonical_description_and_sharing_tags(prod_build: BuildResult):
    for path, soup in _pages(prod_build.output).items():
        if path == "/404.html":
            continue
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == PROD_SITEURL + path, path
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert 70 <= len(description) <= 160, (path, description)
        title = soup.title.string
        assert 30 <= len(title) <= 60, (path, title)
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert og["og:url"] == canonical
        assert og["og:image"].startswith(PROD_SITEURL + "/images/r/"), path
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"]


def test_listing_titles_fit_even_when_the_listing_title_is_long(prod_build: BuildResult):
    soup = _pages(prod_build.output)["/annonces/outils-de-jardin/"]
    # The listing's own title is 57 characters: the site's name no longer fits after it.
    assert soup.title.string == "Lot d’outils de jardin (bêche, râteau, fourche, sécateur)"


def test_structured_data_follows_each_page_kind(prod_build: BuildResult) -> None:
    pages = _pages(prod_build.output)
    [home] = _jsonld(pages["/"])
    assert home["@type"] == "Organization"
    assert home["url"] == PROD_SITEURL + "/"

    [post] = _jsonld(pages["/2026/atelier-velo/"])
    assert post["@type"] == "BlogPosting"
    assert post["headline"] == "Atelier vélo : préparer sa bicyclette pour l’hiver"
    assert post["datePublished"] == "2026-10-03T15:30:00+02:00"
    assert post["author"][0]["name"] == "Jean-Baptiste Moreau"
    assert post["image"].startswith(PROD_SITEURL + "/images/r/atelier-velo-partage-")

    [event] = _jsonld(pages["/annonces/marche-de-noel/"])
    assert event["@type"] == "Event"
    assert event["location"]["address"]["postalCode"] == "45990"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", event["startDate"])

    [offer] = _jsonld(pages["/annonces/velo-enfant-16-pouces/"])
    assert offer["@type"] == "Product"
    assert offer["offers"]["price"] == "35"
    assert offer["offers"]["availability"] == "https://schema.org/InStock"
    [reserved] = _jsonld(pages["/annonces/table-et-quatre-chaises/"])
    assert reserved["offers"]["availability"] == "https://schema.org/Reserved"
    [expired] = _jsonld(pages["/annonces/plants-de-fraisiers/"])
    assert expired["offers"]["availability"] == "https://schema.org/Discontinued"


def test_sitemap_lists_every_indexable_page_and_nothing_else(prod_build: BuildResult) -> None:
    output = prod_build.output
    root = ET.parse(output / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.iter(SITEMAP_NS + "loc")}
    indexable = set()
    for path, soup in _pages(output).items():
        robots = soup.find("meta", attrs={"name": "robots"})
        if not (robots and "noindex" in robots["content"]):
            indexable.add(PROD_SITEURL + path)
    assert listed == indexable
    assert PROD_SITEURL + "/annonces/velo-enfant-16-pouces/" in listed
    # An expired listing keeps its page (shared links work) but leaves the sitemap.
    assert PROD_SITEURL + "/annonces/plants-de-fraisiers/" not in listed
    assert (output / "annonces" / "plants-de-fraisiers" / "index.html").exists()
    robots = (output / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {PROD_SITEURL}/sitemap.xml" in robots.splitlines()


# --- a copy with an editor's mistakes ---------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def bad_copy(
    tmp_path_factory: pytest.TempPathFactory, renditions: Path
) -> tuple[Path, BuildResult]:
    project = copy_project(tmp_path_factory.mktemp("bad") / "project", renditions=renditions)
    articles = project / "content" / "articles"
    # 1. No summary: the theme falls back to the first paragraph, and says so.
    velo = articles / "2026-10-03-atelier-velo.md"
    text = velo.read_text("utf-8")
    velo.write_text(re.sub(r"(?m)^Summary:.*\n", "", text, count=1), "utf-8")
    # 2. An image without its description (Markdown's empty alt).
    _edit(
        articles / "2026-03-14-semis-de-printemps.md",
        "\n\n## ",
        "\n\n![]({static}/images/articles/semis.jpg)\n\n## ",
    )
    # 3. A link to an article that does not exist.
    _edit(
        articles / "2026-04-12-jardin-partage.md",
        "\n\n## ",
        "\n\nVoir aussi [le compte rendu de la récolte](/2026/recolte-inexistante/).\n\n## ",
    )
    # 4. The same title as another article.
    tomates = articles / "2026-08-29-recolte-tomates.md"
    voisins = (articles / "2026-06-06-fete-des-voisins.md").read_text("utf-8")
    title = re.search(r"(?m)^Title:.*$", voisins).group(0)
    text = tomates.read_text("utf-8")
    tomates.write_text(re.sub(r"(?m)^Title:.*$", title, text, count=1), "utf-8")
    # 5. A deliberately short news item that opts out of the length check, and a text
    # republished from another site: neither may be reported.
    (articles / "2026-11-20-breve.md").write_text(
        "Title: Brève : la Maison des Tilleuls fermée le 24 décembre\n"
        "Date: 2026-11-20 09:00\nCategory: Vie du quartier\nAuthor: Claire Martin\n"
        "Summary: La Maison des Tilleuls sera fermée le 24 décembre : les permanences "
        "reprennent le lundi 28 décembre à 14 heures.\n"
        "SEO-Ignore: content-short\n"
        "Canonical: https://ville.example.org/actualites/maison-des-tilleuls/\n\n"
        "La Maison des Tilleuls sera fermée le 24 décembre. Bonnes fêtes à toutes et à tous !\n",
        "utf-8",
    )
    result = build_site(project / "output", content=project / "content", production=True, env=None)
    return project, result


def test_bad_copy_is_refused_with_each_problem_on_its_page(bad_copy) -> None:
    project, build = bad_copy
    # The build reports the SEO errors too, so it ends in failure (and publish would stop).
    assert build.returncode == 1, build.log
    assert "SEO" in build.log
    code, out, report = _seo(project, build.output, "--strict")
    assert code != 0
    assert "Le contrôle SEO a trouvé des erreurs" in out
    found = {(f["page"], f["check"]) for f in report["findings"]}
    assert ("/2026/atelier-velo/", "description-derived") in found
    assert ("/2026/semis-de-printemps/", "img-alt-empty") in found
    assert ("/2026/jardin-partage/", "link-broken") in found
    assert ("/2026/recolte-tomates/", "title-duplicate") in found
    assert ("/2026/fete-des-voisins/", "title-duplicate") in found
    # The opt-outs hold: the short news item is not reported, its canonical is the original.
    breve = (build.output / "2026" / "breve" / "index.html").read_text("utf-8")
    assert 'href="https://ville.example.org/actualites/maison-des-tilleuls/"' in breve
    assert '<meta name="babillard:seo-ignore" content="content-short">' in breve
    # Nothing else: the demo's other pages stay clean.
    pages = {page for page, _id in found}
    assert pages <= {
        "/2026/atelier-velo/",
        "/2026/semis-de-printemps/",
        "/2026/jardin-partage/",
        "/2026/recolte-tomates/",
        "/2026/fete-des-voisins/",
    }, found
    # The terminal report names page, id, message and fix on one line.
    assert re.search(
        r"/2026/jardin-partage/: \[link-broken\] .*/2026/recolte-inexistante/.* → ", out
    )


def test_the_build_log_names_the_source_of_each_finding(bad_copy) -> None:
    project, build = bad_copy
    articles = project / "content" / "articles"
    lines = [line for line in build.log.splitlines() if line.startswith(("ERREUR SEO", "ATT"))]
    # The line that holds the address the finding quotes: the link written in Markdown.
    jardin = (articles / "2026-04-12-jardin-partage.md").read_text("utf-8").splitlines()
    number = next(n for n, text in enumerate(jardin, 1) if "/2026/recolte-inexistante/" in text)
    broken = [line for line in lines if "[link-broken]" in line]
    assert len(broken) == 1, lines
    assert broken[0].endswith(
        f" (source : content/articles/2026-04-12-jardin-partage.md:{number})"
    ), broken
    # A quoted title: the header line that writes it.
    tomates = [line for line in lines if "/2026/recolte-tomates/: [title-duplicate]" in line]
    assert tomates and tomates[0].endswith(
        " (source : content/articles/2026-08-29-recolte-tomates.md:1)"
    ), lines
    # A rendition's address, which the source does not hold: the line of its photo.
    semis = (articles / "2026-03-14-semis-de-printemps.md").read_text("utf-8").splitlines()
    number = semis.index("![]({static}/images/articles/semis.jpg)") + 1
    found = [line for line in lines if "[img-alt-empty]" in line]
    assert found and found[0].endswith(
        f" (source : content/articles/2026-03-14-semis-de-printemps.md:{number})"
    ), lines


def test_seo_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    proc = run_invoke("seo", "--output", str(tmp_path / "nothing"), cwd=project)
    assert proc.returncode == 2
    assert "lancez d’abord invoke build" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_seo_checks_the_last_build_by_default(tmp_path: Path, renditions: Path) -> None:
    project = copy_project(tmp_path / "project", renditions=renditions)
    build = run_invoke("build", "--production", "--build-date", BUILD_DATE, cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    proc = run_invoke("seo", "--strict", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads((project / ".cache" / "seo" / "seo-report.json").read_text("utf-8"))
    # Checked as a production build: SITEURL known, so canonical addresses were compared.
    assert report["pages_checked"] >= 80
    assert "https://" in (project / "output" / "index.html").read_text("utf-8")


def test_invoke_check_reports_an_embed_before_any_build(tmp_path: Path) -> None:
    # The build's SEO check stops publish for it: the editor hears of it from check already.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = content / "articles" / "2026-04-12-jardin-partage.md"
    text = source.read_text("utf-8")
    embed = '<iframe src="https://www.youtube.com/embed/abc" title="La visite"></iframe>'
    source.write_text(f"{text}\nLa visite en vidéo :\n\n{embed}\n", "utf-8")
    proc = run_invoke("check", "--content", str(content))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    line = len(text.splitlines()) + 4
    assert (
        f"content/articles/2026-04-12-jardin-partage.md:{line} : <iframe> fait charger "
        "https://www.youtube.com/embed/abc : le navigateur de chaque visiteur contacte "
        "www.youtube.com, qui apprend quelle page il lit → Remplacez l’intégration par un lien"
    ) in proc.stdout, proc.stdout
