"""In a real browser: images at a suitable width, no layout shift, never an original."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# An article with several images in its body, and a listing with two photos.
PAGES = ["/2026/jardin-partage/", "/annonces/table-et-quatre-chaises/"]


@pytest.mark.parametrize(
    ("viewport", "widths"),
    [
        ({"width": 375, "height": 812}, (400,)),
        ({"width": 1280, "height": 800}, (800,)),
    ],
)
@pytest.mark.parametrize("path", PAGES)
def test_browser_picks_a_suitable_rendition(
    browser: Browser, demo_server: str, path: str, viewport: dict, widths: tuple[int, ...]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo_server + path)
    # Bring every lazy image into view, so the browser loads them all.
    page.evaluate("""async () => {
        for (const img of document.querySelectorAll('main img')) {
            img.scrollIntoView(); await new Promise(r => setTimeout(r, 50)); }
    }""")
    page.wait_for_load_state("networkidle")
    images = page.evaluate("""() => [...document.querySelectorAll('main img')].map(i => ({
        src: i.currentSrc, complete: i.complete, natural: i.naturalWidth,
        width: i.getAttribute('width'), height: i.getAttribute('height'),
        loading: i.getAttribute('loading')}))""")
    assert images
    for image in images:
        assert image["width"] and image["height"], image  # the box is known before loading
        assert image["complete"] and image["natural"] > 0, image
        match = re.search(r"-(\d+)w-[0-9a-f]+\.webp$", image["src"])
        assert match, image["src"]
        # The smallest rendition at least as wide as the slot (or the source's own width).
        assert int(match.group(1)) in widths or int(match.group(1)) == image["natural"], image
    assert images[0]["loading"] is None
    assert all(image["loading"] == "lazy" for image in images[1:])
    originals = [url for url in requests if re.search(r"/images/(articles|annonces)/", url)]
    assert originals == []
    context.close()


def test_no_layout_shift_from_images(browser: Browser, demo_server: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.add_init_script("""
        window.__cls = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries())
            if (!e.hadRecentInput) window.__cls += e.value; })
          .observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(demo_server + PAGES[0])
    page.evaluate("""async () => {
        for (const img of document.querySelectorAll('main img')) {
            img.scrollIntoView(); await new Promise(r => setTimeout(r, 80)); }
    }""")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cls") < 0.01
    context.close()
