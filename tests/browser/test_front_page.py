"""The front page as a person sees it in Chromium: styled, in Chinese, and a working login."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


pytestmark = pytest.mark.browser

GOV_RED = "rgb(176, 25, 30)"


def test_front_page_is_styled_and_chinese(functional_portal, page, screenshot):
    page.goto(functional_portal.absolute_url())
    assert page.locator("html").get_attribute("lang") == "zh-cn"
    # Barceloneta's CSS is applied (an unstyled site has a transparent navbar)
    # and the bureau's stylesheet on top of it turns the navbar red.
    navbar = page.locator(".navbar-barceloneta").first
    assert navbar.evaluate("e => getComputedStyle(e).backgroundColor") == GOV_RED
    assert page.get_by_role("link", name="政府信息公开").first.is_visible()
    assert page.get_by_role("link", name="登录").is_visible()
    screenshot("front-page")


def test_login_through_the_chinese_form(functional_portal, page):
    page.goto(f"{functional_portal.absolute_url()}/login")
    page.get_by_label("登录名").fill(SITE_OWNER_NAME)
    page.get_by_label("密码").fill(SITE_OWNER_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    assert page.locator("#personaltools-logout").count() == 1
