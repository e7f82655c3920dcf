"""The demo's listings, built: the right listings on the right pages, and in the right files."""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path

import icalendar
import jsonschema
import pytest
from bs4 import BeautifulSoup
from pelican.utils import slugify

from tests.listings.support import TODAY, demo_listings, is_listed
from tests.support import ROOT, BuildResult, output_file_for

LISTINGS = demo_listings()
ACTIVE = {item["slug"] for item in LISTINGS if is_listed(item)}
SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _listed_slugs(output: Path, first_page: str) -> list[str]:
    slugs: list[str] = []
    page: str | None = first_page
    while page:
        target = output_file_for(page, output)
        assert target, f"missing page {page}"
        soup = _soup(target)
        slugs += [
            a["href"].strip("/").split("/")[-1]
            for a in soup.select(".card--listing .card__title a")
        ]
        nxt = soup.select_one('.pagination a[rel="next"]')
        page = nxt["href"] if nxt else None
    return slugs


def test_demo_has_every_kind_and_the_special_cases() -> None:
    kinds = {item["kind"] for item in LISTINGS}
    assert kinds == {"offre", "demande", "don", "échange", "bénévolat", "événement"}
    assert len(LISTINGS) >= 15
    assert any(item["expires_date"] < TODAY for item in LISTINGS)
    assert any(item.get("status") == "reserved" for item in LISTINGS)
    assert any(item["kind"] == "événement" for item in LISTINGS)


def test_every_listing_has_a_detail_page(demo_output: Path) -> None:
    for item in LISTINGS:
        page = demo_output / "annonces" / item["slug"] / "index.html"
        assert page.is_file(), item["slug"]
        assert _soup(page).h1.get_text(strip=True) == " ".join(item["title"].split())


def test_index_lists_exactly_the_active_listings_newest_first(demo_output: Path) -> None:
    slugs = _listed_slugs(demo_output, "/annonces/")
    assert set(slugs) == ACTIVE
    assert len(slugs) == len(ACTIVE)
    dates = {item["slug"]: item["date"] for item in LISTINGS}
    assert [dates[s] for s in slugs] == sorted((dates[s] for s in slugs), reverse=True)


@pytest.mark.parametrize("key", ["category", "kind"])
def test_each_category_and_kind_index_shows_exactly_its_active_listings(
    demo_output: Path, key: str
) -> None:
    prefix = "categorie" if key == "category" else "type"
    values = {item[key] for item in LISTINGS}
    for value in values:
        expected = {item["slug"] for item in LISTINGS if item[key] == value and is_listed(item)}
        url = f"/annonces/{prefix}/{slugify(value, regex_subs=SUBS)}/"
        assert set(_listed_slugs(demo_output, url)) == expected, value


def test_expired_listing_keeps_its_page_with_a_banner_and_noindex(demo_output: Path) -> None:
    expired = [item for item in LISTINGS if item["expires_date"] < TODAY]
    for item in expired:
        soup = _soup(demo_output / "annonces" / item["slug"] / "index.html")
        assert "Annonce expirée" in soup.select_one(".banner--expired").get_text()
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert soup.select(".contact__box") == []
    active_page = _soup(demo_output / "annonces" / sorted(ACTIVE)[0] / "index.html")
    assert active_page.find("meta", attrs={"name": "robots"}) is None


def test_reserved_listing_shows_its_badge(demo_output: Path) -> None:
    for item in LISTINGS:
        soup = _soup(demo_output / "annonces" / item["slug"] / "index.html")
        badge = soup.select_one("article .badge--reserved")
        assert (badge is not None) == (item.get("status") == "reserved"), item["slug"]


def test_home_page_shows_the_latest_listings(demo_output: Path) -> None:
    soup = _soup(demo_output / "index.html")
    shown = [
        a["href"].strip("/").split("/")[-1] for a in soup.select(".card--listing .card__title a")
    ]
    newest = sorted(
        (i for i in LISTINGS if is_listed(i)), key=lambda i: (i["date"], i["slug"]), reverse=True
    )
    assert shown == [item["slug"] for item in newest[:6]]


def test_json_export_validates_against_its_published_schema(demo_output: Path) -> None:
    export = json.loads((demo_output / "annonces" / "annonces.json").read_text())
    schema = json.loads((ROOT / "schema" / "listings-export.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(export, schema)
    assert {item["slug"] for item in export["listings"]} == ACTIVE
    assert export["generated"] == TODAY.isoformat()


def test_ics_files_parse_back_as_icalendar(demo_output: Path) -> None:
    events = [item for item in LISTINGS if item["kind"] == "événement"]
    assert events
    for item in events:
        data = (demo_output / "annonces" / item["slug"] / "evenement.ics").read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        (event,) = calendar.walk("VEVENT")
        assert str(event["summary"]) == item["title"]
        start = event.decoded("dtstart")
        expected = datetime.datetime.fromisoformat(item["event"]["start"])
        assert start == expected
        assert str(event["location"]) == item["event"]["place"]
        assert event.decoded("dtend") > start
    feed = icalendar.Calendar.from_ical((demo_output / "annonces" / "evenements.ics").read_bytes())
    upcoming = {str(e["summary"]) for e in feed.walk("VEVENT")}
    assert upcoming == {item["title"] for item in events if is_listed(item)}


def _contact_forms(listing: dict) -> list[str]:
    contact = listing["contact"]
    forms = []
    if "email" in contact:
        forms.append(contact["email"])
    if "phone" in contact:
        phone = contact["phone"]
        digits = re.sub(r"\D", "", phone)
        forms += [
            phone,
            digits,
            " ".join(digits[i : i + 2] for i in range(0, len(digits), 2)),
            ".".join(digits[i : i + 2] for i in range(0, len(digits), 2)),
            "+33" + digits[1:],
        ]
    return forms


@pytest.mark.parametrize("which", ["demo_build", "prod_build"])
def test_no_contact_email_or_phone_in_any_output_file(
    which: str, request: pytest.FixtureRequest
) -> None:
    build: BuildResult = request.getfixturevalue(which)
    forms = {form for item in LISTINGS for form in _contact_forms(item)}
    assert len(forms) > 10
    files = [p for p in build.output.rglob("*") if p.is_file() and p.suffix != ".jpg"]
    leaks = []
    for path in files:
        raw = path.read_bytes().decode("utf-8", errors="ignore")
        # Entities decoded (twice, for double-encoding) and no-break spaces folded.
        decoded = html.unescape(html.unescape(raw)).replace("\xa0", " ")
        leaks += [
            f"{path.relative_to(build.output)}: {form}"
            for form in forms
            if form in raw or form in decoded
        ]
    assert leaks == []


def test_contact_blob_holds_the_contact(demo_output: Path) -> None:
    from listings.render import decode_contact

    item = next(i for i in LISTINGS if "email" in i["contact"] and "phone" in i["contact"])
    soup = _soup(demo_output / "annonces" / item["slug"] / "index.html")
    blob = soup.select_one("[data-contact]")["data-contact"]
    decoded = decode_contact(blob)
    assert decoded["email"] == item["contact"]["email"]
    assert decoded["phone"] == item["contact"]["phone"]
    assert decoded["tel"] == "tel:" + re.sub(r"\D", "", item["contact"]["phone"])
