"""节假日安排 in a real browser: the administrator pastes the notice, checks the calendar, confirms."""

from tests.clock.notices import NOTICE_2027

import pytest
import transaction


pytestmark = pytest.mark.browser

PASSWORD = "demo-2026"


def test_paste_preview_confirm(demo_functional_portal, page, login, screenshot):
    url = demo_functional_portal.absolute_url()
    transaction.commit()
    login(url, "webmaster", PASSWORD)
    page.goto(f"{url}/@@gov-disclosure-settings")
    # the settings page tells that 2027 is missing (today is after 1 November 2026) and links here
    assert "2027 年放假安排尚未录入" in page.content()
    page.get_by_role("link", name="节假日安排").first.click()
    page.wait_for_load_state()
    page.get_by_label("通知正文").fill(NOTICE_2027)
    page.get_by_role("button", name="预览").click()
    page.wait_for_load_state()
    holiday = page.locator('td[data-date="2027-02-08"]')
    assert "gov-day-holiday" in holiday.get_attribute("class")
    assert holiday.get_attribute("title") == "春节"
    assert "gov-day-workday" in page.locator(
        'td[data-date="2027-02-20"]'
    ).get_attribute("class")
    screenshot("holiday-arrangement-preview")
    page.get_by_role("button", name="确认保存").click()
    page.wait_for_load_state()
    assert "2027 年放假安排已保存" in page.content()
    assert "2027 年放假安排尚未录入" not in page.content()
    screenshot("holiday-arrangement-saved")


def test_a_wrong_weekday_is_shown_by_the_field(demo_functional_portal, page, login):
    url = demo_functional_portal.absolute_url()
    transaction.commit()
    login(url, "webmaster", PASSWORD)
    page.goto(f"{url}/@@gov-holiday-years")
    page.get_by_label("通知正文").fill(
        NOTICE_2027.replace("（周五）至3日", "（周四）至3日")
    )
    page.get_by_role("button", name="预览").click()
    page.wait_for_load_state()
    refused = page.locator(".gov-refused-lines").inner_text()
    assert "第 2 行" in refused
    assert "2027-01-01 是周五，不是周四。" in refused
    assert page.get_by_role("button", name="确认保存").count() == 0
