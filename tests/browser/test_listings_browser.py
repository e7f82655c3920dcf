"""A visitor on a phone finds a listing and reaches its author in one click."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.listings.support import demo_listings, is_listed

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def _a_listing_with_email_and_phone() -> dict:
    return next(
        item
        for item in demo_listings()
        if is_listed(item) and {"email", "phone"} <= set(item["contact"])
    )


def test_home_to_category_to_listing_to_contact(browser: Browser, demo_server: str) -> None:
    listing = _a_listing_with_email_and_phone()
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(demo_server + "/")
    category_link = page.locator(f'a[href="/annonces/categorie/{listing["category"]}/"]').first
    category_link.click()
    page.wait_for_url(f"{demo_server}/annonces/categorie/{listing['category']}/")
    page.get_by_role("link", name=" ".join(listing["title"].split())).click()
    page.wait_for_url(f"{demo_server}/annonces/{listing['slug']}/")

    button = page.get_by_role("button", name="Afficher le contact")
    expect(button).to_be_visible()
    button.click()  # the one click
    email = page.locator(f'a[href="mailto:{listing["contact"]["email"]}"]')
    expect(email).to_be_visible()
    expect(email).to_have_text(listing["contact"]["email"])
    expect(email).to_be_focused()
    digits = "".join(ch for ch in listing["contact"]["phone"] if ch.isdigit())
    expect(page.locator(f'a[href="tel:{digits}"]')).to_have_text(listing["contact"]["phone"])
    expect(button).to_have_count(0)
    assert errors == []
    context.close()


def test_without_javascript_the_contact_is_readable_and_no_dead_button(
    browser: Browser, demo_server: str
) -> None:
    listing = _a_listing_with_email_and_phone()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_server}/annonces/{listing['slug']}/")
    expect(page.get_by_role("button", name="Afficher le contact")).to_have_count(0)
    local, domain = listing["contact"]["email"].split("@")
    words = f"{local.replace('.', ' [point] ')} [arobase] {domain.replace('.', ' [point] ')}"
    expect(page.locator(".contact__fallback")).to_contain_text(words)
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}])
def test_listing_pages_pass_axe_and_fit(browser: Browser, demo_server: str, viewport: dict) -> None:
    listing = _a_listing_with_email_and_phone()
    event = next(item for item in demo_listings() if item["kind"] == "événement")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in (
        "/annonces/",
        f"/annonces/{listing['slug']}/",
        f"/annonces/{event['slug']}/",
        "/annonces/type/don/",
    ):
        page.goto(demo_server + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
        results = Axe().run(page)
        serious = [
            v for v in results.response["violations"] if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"{path}\n{results.generate_report()}"
    context.close()
