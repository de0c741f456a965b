""" "20XX 年放假安排尚未录入": from 1 November, for the administrators and the disclosure office."""

from datetime import date
from freezegun import freeze_time
from gov.infomgmt.clock.calendar import WorkingCalendar
from gov.infomgmt.clock.entered_years import missing_year
from gov.infomgmt.clock.entered_years import store_year
from plone import api

import pytest


NOTICE = "2027 年放假安排尚未录入"
LINK = "@@gov-holiday-years"


def render(context, view_name, user):
    with api.env.adopt_user(username=user):
        return context.restrictedTraverse(view_name)()


@pytest.mark.parametrize(
    ("user", "shown", "link"),
    [
        ("webmaster", True, True),  # Site Administrator: enters it
        ("discloser", True, False),  # the disclosure office: depends on it
        ("clerk", True, False),
        ("collector", False, False),
        ("leader", False, False),
        ("staff", False, False),
    ],
)
def test_who_is_told(demo_portal, user, shown, link):
    with freeze_time("2026-11-01 02:00:00"):
        fragment = render(demo_portal, "@@gov-holiday-notice", user)
    assert (NOTICE in fragment) is shown
    assert (LINK in fragment) is link
    if shown and not link:
        assert "请网站管理员录入" in fragment


def test_not_before_1_november(demo_portal):
    with freeze_time("2026-10-31 15:00:00"):  # 23:00 in Beijing, still 31 October
        assert render(demo_portal, "@@gov-holiday-notice", "webmaster") == ""
    with freeze_time("2026-10-31 16:00:00"):  # midnight in Beijing: 1 November
        assert NOTICE in render(demo_portal, "@@gov-holiday-notice", "webmaster")


def test_gone_once_the_year_is_entered(demo_portal):
    store_year(2027, {date(2027, 1, 1)}, set(), saved_by="webmaster")
    with freeze_time("2026-11-20 02:00:00"):
        assert render(demo_portal, "@@gov-holiday-notice", "webmaster") == ""


def test_a_current_year_nobody_entered_is_announced_all_year():
    library_only = WorkingCalendar()
    assert missing_year(date(2026, 3, 1), library_only) is None
    assert missing_year(date(2026, 11, 1), library_only) == 2027
    assert missing_year(date(2027, 3, 1), library_only) == 2027


@pytest.mark.parametrize(
    ("where", "view_name", "user"),
    [
        ("site", "@@my-tasks", "clerk"),
        ("disclosure", "@@disclosure-overview", "discloser"),
        ("site", "@@gov-disclosure-settings", "webmaster"),
        ("site", "@@gov-holiday-years", "webmaster"),
    ],
    ids=["my-tasks", "overview", "settings", "holiday-years"],
)
def test_shown_where_they_land_and_work(demo_portal, where, view_name, user):
    context = demo_portal if where == "site" else demo_portal["disclosure"]
    with freeze_time("2026-11-02 02:00:00"):
        page = render(context, view_name, user)
    assert NOTICE in page


def test_anonymous_visitors_are_never_told(demo_portal):
    from plone.app.testing import logout

    logout()
    with freeze_time("2026-11-02 02:00:00"):
        assert demo_portal.restrictedTraverse("@@gov-holiday-notice")() == ""
