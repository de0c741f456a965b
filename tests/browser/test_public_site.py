"""A citizen in Chromium: browse a category, open an item, search, follow a feed; WCAG 2.1 AA."""

from axe_playwright_python.sync_playwright import Axe

import pytest


pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
}
PAGES = {
    "front": "",
    "catalogue": "/disclosure/@@catalogue",
    "item": "/disclosure/work-priorities-2026",
    "search": "/@@disclosure-search?q=工作要点",
}
WIDTHS = {"desktop": 1280, "phone": 390}


def test_citizen_browses_opens_searches_follows(
    demo_functional_portal, page, screenshot
):
    url = demo_functional_portal.absolute_url()
    page.goto(url)
    page.get_by_role("link", name="法定主动公开内容").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="决策信息").first.click()
    page.wait_for_load_state()
    assert "category=decisions" in page.url
    page.get_by_role("link", name="2026年政府信息公开工作要点").click()
    page.wait_for_load_state()
    header = page.locator("table.gov-item-header")
    assert header.get_by_text("索引号").is_visible()
    assert header.get_by_text("决策信息").is_visible()

    # the header's search box searches the catalogue in words
    page.locator("#searchGadget").fill("工作要点")
    with page.expect_navigation():
        page.locator("#searchGadget").press("Enter")
    assert page.locator("#gov-search-total").inner_text() == "1"
    assert page.locator(".gov-search-snippet mark").first.is_visible()

    page.goto(f"{url}/disclosure/@@catalogue")
    feed = page.get_by_role("link", name="RSS 订阅").get_attribute("href")
    response = page.request.get(feed)
    assert response.ok
    assert "2026年政府信息公开工作要点" in response.text()


def test_keyboard_only(demo_functional_portal, page):
    """From the front page to a search result with the keyboard alone."""
    page.goto(demo_functional_portal.absolute_url())
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "searchGadget":
            break
    assert page.evaluate("document.activeElement.id") == "searchGadget"
    page.keyboard.type("工作要点")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "disclosure-search" in page.url
    assert page.locator("#gov-search-total").inner_text() == "1"


@pytest.mark.parametrize("name", list(PAGES))
def test_wcag_21_aa(demo_functional_portal, page, name):
    page.goto(demo_functional_portal.absolute_url() + PAGES[name])
    results = Axe().run(page, options=WCAG_AA)
    violations = results.response["violations"]
    assert [(v["id"], v["impact"], len(v["nodes"])) for v in violations] == []


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshots(demo_functional_portal, chromium, screenshots_dir, name, width):
    """The main pages at desktop and phone width, for people to look at (docs/screenshots)."""
    context = chromium.new_context(
        viewport={"width": WIDTHS[width], "height": 900}, locale="zh-CN"
    )
    try:
        phone_page = context.new_page()
        phone_page.goto(demo_functional_portal.absolute_url() + PAGES[name])
        phone_page.screenshot(
            path=str(screenshots_dir / f"{name}-{width}.png"), full_page=True
        )
        # nothing wider than the screen: the page is usable without scrolling sideways
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 1
    finally:
        context.close()
