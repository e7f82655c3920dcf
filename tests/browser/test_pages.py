"""What a visitor's browser sees: layout on phones and desktops, keyboard use, accessibility."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.support import CONTENT, read_metadata

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


def _an_article_url() -> str:
    source = sorted((CONTENT / "articles").glob("*.md"))[-1]
    year, slug = source.name[:4], source.stem[11:]
    assert read_metadata(source).get("status", "published") == "published"
    return f"/{year}/{slug}/"


PAGES = {
    "home": "/",
    "article": _an_article_url(),
    "archive": "/archives/",
    "category": "/categories/",
}


@dataclass
class Visit:
    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(params=list(VIEWPORTS))
def visit(request: pytest.FixtureRequest, browser: Browser, demo_server: str) -> Iterator[Visit]:
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    v = Visit(page, demo_server)
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("console", lambda m: v.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.console_errors.append(str(e)))
    yield v
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_works_offline_and_passes_axe(visit: Visit, name: str) -> None:
    response = visit.page.goto(visit.base_url + PAGES[name])
    assert response is not None and response.status == 200
    visit.page.wait_for_load_state("networkidle")

    overflow = visit.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    assert visit.console_errors == []
    foreign = [url for url in visit.requests if not url.startswith(visit.base_url + "/")]
    assert foreign == [], "requests to other hosts"
    assert len(visit.requests) >= 2  # the page and its stylesheet: the recorder works

    results = Axe().run(visit.page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


def _tab_to(page: Page, selector_text: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == selector_text:
            return
    raise AssertionError(f"'{selector_text}' is not reachable with Tab")


def test_skip_link_is_first_and_moves_focus_to_content(visit: Visit) -> None:
    visit.page.goto(visit.base_url + PAGES["article"])
    visit.page.keyboard.press("Tab")
    focused = visit.page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    box = visit.page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert box >= 0, "the skip link stays off screen when focused"
    visit.page.keyboard.press("Enter")
    assert visit.page.evaluate("document.activeElement.id") == "contenu"


def test_menu_works_with_the_keyboard(visit: Visit) -> None:
    visit.page.goto(visit.base_url + "/")
    _tab_to(visit.page, "Articles")
    in_nav = visit.page.evaluate("!!document.activeElement.closest('nav.site-nav')")
    assert in_nav
    outline = visit.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is not visible"
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(visit.base_url + "/archives/")
    _tab_to(visit.page, "À propos")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(visit.base_url + "/a-propos/")
    assert visit.page.locator("h1").inner_text() == "À propos"


def test_site_is_usable_without_javascript(browser: Browser, demo_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(demo_server + "/")
    page.get_by_role("link", name="Articles", exact=True).first.click()
    page.wait_for_url(demo_server + "/archives/")
    first = page.locator(".archive-list a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    context.close()
