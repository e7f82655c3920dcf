"""Structured data: JSON-LD blocks parse and carry the fields search engines require."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.seo.support import (
    ORGANIZATION,
    SITEURL,
    article,
    assert_clean,
    assert_finding,
    blogposting,
    found,
    page,
    site_report,
)

URL = "/2026/jardin-partage/"
LISTING = "/annonces/galette-des-rois/"


def with_blocks(tmp_path: Path, blocks: list[Any], url: str = URL):
    html = article(url, jsonld=blocks) if url == URL else page(url, jsonld=blocks)
    return site_report(tmp_path, {url: html}, SEO_IGNORE=["content-short"])


def event(**fields: Any) -> dict[str, Any]:
    block = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Galette des rois",
        "startDate": "2027-01-10T15:00:00+01:00",
        "location": {
            "@type": "Place",
            "name": "Maison des Tilleuls",
            "address": "3 rue des Tilleuls",
        },
    }
    block.update(fields)
    return {key: value for key, value in block.items() if value is not None}


def offer(**fields: Any) -> dict[str, Any]:
    block = {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "availability": "https://schema.org/InStock",
    }
    block.update(fields)
    return {key: value for key, value in block.items() if value is not None}


def test_jsonld_invalid(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, ['{"@type": "BlogPosting", "headline": "x",}', '"texte"'])
    finding = assert_finding(report, "jsonld-invalid", URL, "ne se lit pas", "ligne 1, colonne 42")
    assert finding.severity == "error"
    assert_finding(report, "jsonld-invalid", URL, "ni un objet ni une liste")


def test_jsonld_invalid_passes(tmp_path: Path) -> None:
    assert_clean(with_blocks(tmp_path, [blogposting(), [event()]]), "jsonld-invalid")


def test_jsonld_fields_blogposting(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, [blogposting(author=None, image="")])
    finding = assert_finding(report, "jsonld-fields", URL, "BlogPosting", "author, image")
    assert finding.severity == "error"


def test_jsonld_fields_event_needs_a_place_with_an_address(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, [event(location="Maison des Tilleuls")], LISTING)
    assert_finding(
        report, "jsonld-fields", LISTING, "Event « Galette des rois »", "location.address"
    )
    report = with_blocks(tmp_path / "b", [event(location=None, startDate=None)], LISTING)
    assert_finding(report, "jsonld-fields", LISTING, "startDate, location")


def test_jsonld_fields_offer_nested_in_an_event_or_a_graph(tmp_path: Path) -> None:
    graph = {"@context": "https://schema.org", "@graph": [event(offers=offer(priceCurrency=None))]}
    report = with_blocks(tmp_path, [graph], LISTING)
    assert_finding(report, "jsonld-fields", LISTING, "Offer", "priceCurrency")


def test_jsonld_fields_passes(tmp_path: Path) -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [event(offers=offer()), offer(price="12.50")],
    }
    assert_clean(with_blocks(tmp_path, [graph], LISTING), "jsonld-fields")
    assert_clean(with_blocks(tmp_path / "b", [blogposting()]), "jsonld-fields")


def test_jsonld_headline_long(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, [blogposting(headline="h" * 111)])
    assert_finding(report, "jsonld-headline-long", URL, "111 caractères", "110")


def test_jsonld_headline_long_passes(tmp_path: Path) -> None:
    assert_clean(with_blocks(tmp_path, [blogposting(headline="h" * 110)]), "jsonld-headline-long")


def test_jsonld_date_offset(tmp_path: Path) -> None:
    blocks = [blogposting(datePublished="2026-10-03T15:30:00", dateModified="2026-10-04")]
    report = with_blocks(tmp_path, blocks)
    finding = assert_finding(
        report, "jsonld-date-offset", URL, "datePublished", "2026-10-03T15:30:00"
    )
    assert finding.severity == "error"
    assert_finding(report, "jsonld-date-offset", URL, "dateModified", "'2026-10-04'")


def test_jsonld_date_offset_passes(tmp_path: Path) -> None:
    blocks = [
        blogposting(datePublished="2026-10-03T13:30:00Z", dateModified="2026-10-04T09:00+02:00")
    ]
    assert_clean(with_blocks(tmp_path, blocks), "jsonld-date-offset")


def test_jsonld_availability(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, [event(offers=offer(availability="InStock"))], LISTING)
    finding = assert_finding(report, "jsonld-availability", LISTING, "'InStock'")
    assert finding.severity == "error"
    report = with_blocks(
        tmp_path / "b", [offer(availability="https://schema.org/Gratuit")], LISTING
    )
    assert_finding(report, "jsonld-availability", LISTING, "Gratuit")


def test_jsonld_availability_passes(tmp_path: Path) -> None:
    blocks = [
        offer(availability="http://schema.org/SoldOut"),
        offer(availability="https://schema.org/Reserved"),
    ]
    assert_clean(with_blocks(tmp_path, blocks, LISTING), "jsonld-availability")


def test_jsonld_organization(tmp_path: Path) -> None:
    report = site_report(tmp_path, {"/": page("/", jsonld=[])})
    finding = assert_finding(report, "jsonld-organization", "/", "pas de bloc JSON-LD Organization")
    assert finding.severity == "warning"
    report = site_report(tmp_path / "b", {"/": page("/", jsonld=[ORGANIZATION])})
    assert_finding(report, "jsonld-organization", "/", "Organization n’a pas : url")


def test_jsonld_organization_passes(tmp_path: Path) -> None:
    graph = {"@graph": [{**ORGANIZATION, "url": SITEURL + "/"}, {"@type": "WebSite", "name": "x"}]}
    assert_clean(site_report(tmp_path, {"/": page("/", jsonld=[graph])}), "jsonld-organization")


def test_jsonld_missing(tmp_path: Path) -> None:
    report = with_blocks(tmp_path, [])
    assert_finding(report, "jsonld-missing", URL, "pas de bloc JSON-LD BlogPosting")
    assert found(report, "jsonld-missing")[0].severity == "notice"


def test_jsonld_missing_passes(tmp_path: Path) -> None:
    assert_clean(
        with_blocks(tmp_path, [blogposting(**{"@type": ["BlogPosting"]})]), "jsonld-missing"
    )
