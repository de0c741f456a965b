"""节假日安排: pasting the notice, the calendar preview, confirming, the API, who may, the trail."""

from gov.infomgmt.clock.entered_years import entered_years
from gov.infomgmt.journal.site import get_journal
from tests.clock.notices import NOTICE_2026
from tests.clock.notices import NOTICE_2027

import pytest
import re
import transaction


def token(session):
    """The CSRF token of the form, as the browser gets it."""
    page = session.get("/@@gov-holiday-years")
    assert page.status_code == 200
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)


def previewed(page):
    """The fingerprint the preview sends back with the confirmation."""
    return re.search(r'name="previewed"[^>]*value="([^"]+)"', page).group(1)


def stored_years(portal):
    """The entered years as the site holds them now (after the server's commits)."""
    transaction.begin()
    return sorted(entered_years())


def test_preview_shows_the_calendar_and_saves_nothing(demo_api, demo_functional_portal):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027,
            "_authenticator": token(browser),
            "form.buttons.preview": "1",
        },
    )
    assert page.status_code == 200
    assert "2027 年 2 月" in page.text
    assert 'data-date="2027-02-08"' in page.text
    assert "gov-day-holiday" in page.text
    assert re.search(
        r'class="gov-day gov-day-workday"\s+data-date="2027-02-20"', page.text
    )
    assert "确认保存" in page.text
    assert stored_years(demo_functional_portal) == []


def test_confirm_saves_the_year_journals_it_and_lists_what_moved(
    demo_api, demo_functional_portal, make_item, do_transition
):
    from tests.clock.test_provisional_deadlines import sign_off_on_10_december

    item = sign_off_on_10_december(demo_functional_portal, make_item, do_transition)
    transaction.commit()
    browser = demo_api("webmaster", api=False)
    csrf = token(browser)
    preview = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027,
            "_authenticator": csrf,
            "form.buttons.preview": "1",
        },
    )
    saved = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027,
            "_authenticator": csrf,
            "previewed": previewed(preview.text),
            "form.buttons.confirm": "1",
        },
    )
    assert saved.status_code == 200
    assert "2027 年放假安排已保存" in saved.text
    moved = saved.text[saved.text.index("gov-moved-deadlines") :]
    assert item.Title() in moved
    assert "2027-01-07" in moved
    assert "2027-01-08" in moved
    assert stored_years(demo_functional_portal) == [2027]
    entries = get_journal().entries(
        action="holiday_year_saved", record="holiday-year-2027"
    )
    assert entries[-1].actor == "webmaster"
    assert '"2027-01-01"' in entries[-1].detail


def test_a_text_changed_after_the_preview_is_not_saved(
    demo_api, demo_functional_portal
):
    browser = demo_api("webmaster", api=False)
    csrf = token(browser)
    preview = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027,
            "_authenticator": csrf,
            "form.buttons.preview": "1",
        },
    )
    changed = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027.replace("9月26日（周日）、", ""),
            "_authenticator": csrf,
            "previewed": previewed(preview.text),
            "form.buttons.confirm": "1",
        },
    )
    assert "预览后正文或年份已改动" in changed.text
    assert stored_years(demo_functional_portal) == []


def test_a_refused_line_is_shown_next_to_the_field_with_its_reason(demo_api):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027.replace("5月1日（周六）", "5月1日（周五）"),
            "_authenticator": token(browser),
            "form.buttons.preview": "1",
        },
    )
    assert page.status_code == 200
    refused = page.text[page.text.index("gov-refused-lines") :]
    assert "第 5 行" in refused
    assert "2027-05-01 是周六，不是周五。" in refused
    assert "确认保存" not in page.text


def test_a_bad_year_is_an_error_by_its_field(demo_api):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027,
            "year": "27",
            "_authenticator": token(browser),
            "form.buttons.preview": "1",
        },
    )
    assert page.status_code == 200
    assert re.search(r'id="gov-holiday-year-error"[^>]*>年份为四位数字', page.text)


def test_the_form_needs_its_csrf_token(demo_api, demo_functional_portal):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={"notice": NOTICE_2027, "form.buttons.confirm": "1"},
    )
    assert page.status_code == 403
    assert stored_years(demo_functional_portal) == []


def test_rest_preview_then_confirm(demo_api, demo_functional_portal):
    session = demo_api("webmaster")
    preview = session.post("/@holiday-years", json={"text": NOTICE_2026})
    assert preview.status_code == 200
    data = preview.json()
    assert data["saved"] is False
    assert data["year"] == 2026
    assert data["workdays"]["2026-02-28"] == "春节"
    assert data["differences_from_library"] == []
    assert stored_years(demo_functional_portal) == []
    saved = session.post("/@holiday-years", json={"text": NOTICE_2026, "confirm": True})
    assert saved.json()["saved"] is True
    listed = session.get("/@holiday-years").json()
    assert [year["year"] for year in listed["entered"]] == [2026]
    assert listed["entered"][0]["saved_by"] == "webmaster"
    assert listed["library"]["last"] == 2026


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "  "}, "text"),
        ({"text": NOTICE_2027, "year": "2027"}, "year"),
        ({"text": NOTICE_2027, "year": 27}, "year"),
        ({"text": NOTICE_2027, "confirm": "yes"}, "confirm"),
        ({"text": NOTICE_2027.replace("共3天", "共4天", 1), "confirm": True}, "text"),
        ({"text": NOTICE_2027 + "\n" * 20001}, "text"),
        ({"text": NOTICE_2027, "confirm": True, "previewed": 1}, "previewed"),
        ({"text": NOTICE_2027, "confirm": True, "previewed": "0" * 64}, "previewed"),
    ],
    ids=[
        "no-text",
        "blank-text",
        "year-string",
        "year-short",
        "confirm-string",
        "refused-line",
        "too-long",
        "previewed-not-a-string",
        "previewed-other",
    ],
)
def test_rest_bad_input_is_a_400_naming_the_field(
    demo_api, demo_functional_portal, body, field
):
    response = demo_api("webmaster").post("/@holiday-years", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert stored_years(demo_functional_portal) == []


def test_rest_names_the_refused_line(demo_api):
    response = demo_api("webmaster").post(
        "/@holiday-years", json={"text": NOTICE_2027.replace("共3天", "共4天", 1)}
    )
    refused = response.json()["refused"]
    assert [r["line_number"] for r in refused] == [2]
    assert refused[0]["reason"] == "该行写明共 4 天，按日期计算为 3 天。"


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("admin", True),  # Manager
        ("webmaster", True),  # Site Administrator
        ("clerk", False),
        ("discloser", False),
        ("leader", False),
        ("staff", False),
        (None, False),
    ],
)
@pytest.mark.parametrize("door", ["page", "get", "post"])
def test_who_may_enter_a_year(demo_api, demo_functional_portal, user, allowed, door):
    if user == "admin":
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD
        from pytest_plone.fixtures.requests import RelativeSession

        api = door != "page"
        session = RelativeSession(
            demo_functional_portal.absolute_url() + ("/++api++" if api else "")
        )
        session.headers["Accept"] = "application/json" if api else "text/html"
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    else:
        session = demo_api(user, api=door != "page")
    if door == "page":
        response = session.get("/@@gov-holiday-years", allow_redirects=False)
    elif door == "get":
        response = session.get("/@holiday-years")
    else:
        response = session.post(
            "/@holiday-years", json={"text": NOTICE_2027, "confirm": True}
        )
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 401, 403)
        assert stored_years(demo_functional_portal) == []


def test_a_year_changed_after_the_preview_is_not_saved(
    demo_api, demo_functional_portal
):
    browser = demo_api("webmaster", api=False)
    csrf = token(browser)
    untitled = NOTICE_2027.split("\n", 1)[1]
    preview = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": untitled,
            "year": "2027",
            "_authenticator": csrf,
            "form.buttons.preview": "1",
        },
    )
    changed = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": untitled,
            "year": "2028",
            "_authenticator": csrf,
            "previewed": previewed(preview.text),
            "form.buttons.confirm": "1",
        },
    )
    assert "预览后正文或年份已改动" in changed.text
    assert stored_years(demo_functional_portal) == []


def test_rest_confirm_of_another_year_than_previewed_is_refused(
    demo_api, demo_functional_portal
):
    session = demo_api("webmaster")
    untitled = NOTICE_2027.split("\n", 1)[1]
    preview = session.post("/@holiday-years", json={"text": untitled, "year": 2027})
    fingerprint = preview.json()["fingerprint"]
    changed = session.post(
        "/@holiday-years",
        json={
            "text": untitled,
            "year": 2028,
            "confirm": True,
            "previewed": fingerprint,
        },
    )
    assert changed.status_code == 400
    assert changed.json()["error"]["field"] == "previewed"
    assert stored_years(demo_functional_portal) == []
    saved = session.post(
        "/@holiday-years",
        json={
            "text": untitled,
            "year": 2027,
            "confirm": True,
            "previewed": fingerprint,
        },
    )
    assert saved.json()["saved"] is True
    assert stored_years(demo_functional_portal) == [2027]


def test_a_text_too_long_is_an_error_by_its_field(demo_api, demo_functional_portal):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2027 + "。" * 20001,
            "_authenticator": token(browser),
            "form.buttons.preview": "1",
        },
    )
    error = page.text[page.text.index('id="gov-holiday-notice-error"') :]
    assert "正文超过 20000 字" in error[:300]
    assert stored_years(demo_functional_portal) == []


def test_a_dated_line_not_read_is_refused_and_ignored_lines_shown(demo_api):
    browser = demo_api("webmaster", api=False)
    page = browser.post(
        "/@@gov-holiday-years",
        data={
            "notice": NOTICE_2026.replace("二、春节：", "二，春节："),
            "_authenticator": token(browser),
            "form.buttons.preview": "1",
        },
    )
    refused = page.text[page.text.index("gov-refused-lines") :]
    assert "第 6 行" in refused[:400]
    assert 'name="form.buttons.confirm"' not in page.text
    ignored = page.text[page.text.index("gov-ignored-lines") :]
    assert "国办发明电〔2025〕7号" in ignored
    session = demo_api("webmaster")
    response = session.post(
        "/@holiday-years",
        json={"text": NOTICE_2026.replace("二、春节：", "二，春节："), "confirm": True},
    )
    assert response.status_code == 400
    assert [r["line_number"] for r in response.json()["refused"]] == [6]
    assert 2 in [i["line_number"] for i in response.json()["ignored"]]
