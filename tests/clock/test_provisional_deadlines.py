"""The 2027 case: a sign-off of December 2026 is due in January 2027, a year nobody entered.

The holiday library ends with 2026, so its deadline is 暂定 (with the reason) in the API,
我的待办, the overview and the item page, until the 2027 notice is entered: then the
deadline moves (1 January 2027 is a holiday, not a working day) and 暂定 is gone.
"""

from datetime import date
from freezegun import freeze_time
from plone import api
from tests.clock.notices import NOTICE_2027

import pytest
import transaction


TO_SIGN_OFF = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
]
REASON = "2027 年放假安排尚未录入"


def sign_off_on_10_december(portal, make_item, do_transition):
    """An item signed off on Thursday 10 December 2026, 10:00 in Beijing."""
    item = make_item(portal["disclosure"], title="跨年度期限测试信息")
    item.disclosure_attribute = "proactive"
    for transition, user in TO_SIGN_OFF:
        do_transition(item, transition, user)
    with freeze_time("2026-12-10 02:00:00"):
        do_transition(item, "sign_off", "leader")
    return item


@pytest.fixture
def served_item(demo_functional_portal, make_item, do_transition):
    """The item, committed for the HTTP server to see."""
    item = sign_off_on_10_december(demo_functional_portal, make_item, do_transition)
    transaction.commit()
    return item


@pytest.fixture
def item(demo_portal, make_item, do_transition):
    """The item in the integration layer."""
    return sign_off_on_10_december(demo_portal, make_item, do_transition)


def test_the_deadline_counts_1_january_2027_as_a_working_day(item):
    assert item.publication_deadline == date(2027, 1, 7)


def test_api_marks_it_provisional_then_entering_2027_moves_it(demo_api, served_item):
    path = "/disclosure/" + served_item.getId()
    clock = demo_api("clerk").get(path).json()["entry_clock"]
    assert clock["deadline"] == "2027-01-07"
    assert clock["provisional"] is True
    assert clock["provisional_years"] == [2027]
    assert REASON in clock["provisional_reason"]
    tasks = demo_api("clerk").get("/@my-tasks").json()["items"]
    listed = next(t for t in tasks if t["UID"] == served_item.UID())
    assert listed["entry_clock"]["provisional"] is True
    assert REASON in listed["entry_clock"]["provisional_reason"]

    saved = demo_api("webmaster").post(
        "/@holiday-years", json={"text": NOTICE_2027, "confirm": True}
    )
    assert saved.status_code == 200, saved.text
    moved = {m["UID"]: m for m in saved.json()["moved"]}
    assert moved[served_item.UID()]["old_deadline"] == "2027-01-07"
    assert moved[served_item.UID()]["new_deadline"] == "2027-01-08"

    clock = demo_api("clerk").get(path).json()["entry_clock"]
    assert clock["deadline"] == "2027-01-08"
    assert clock["provisional"] is False
    assert clock["provisional_reason"] is None
    tasks = demo_api("clerk").get("/@my-tasks").json()["items"]
    listed = next(t for t in tasks if t["UID"] == served_item.UID())
    assert listed["publication_deadline"] == "2027-01-08"
    assert listed["entry_clock"]["provisional"] is False


def render(context, view_name, user):
    """A page as the user sees it."""
    with api.env.adopt_user(username=user):
        return context.restrictedTraverse(view_name)()


@pytest.mark.parametrize(
    ("where", "view_name", "user"),
    [
        ("site", "@@my-tasks", "clerk"),
        ("disclosure", "@@disclosure-overview", "discloser"),
        ("item", "@@view", "clerk"),
    ],
    ids=["my-tasks", "overview", "item-page"],
)
def test_pages_mark_it_provisional_until_2027_is_entered(
    item, demo_portal, where, view_name, user
):
    from gov.infomgmt.clock.notice import read_notice
    from gov.infomgmt.deadlines import enter_holiday_year

    context = {
        "site": demo_portal,
        "disclosure": demo_portal["disclosure"],
        "item": item,
    }[where]
    # 5 January 2027: the item is at risk, so the overview lists it too
    with freeze_time("2027-01-05 02:00:00"):
        page = render(context, view_name, user)
        assert "2027-01-07" in page
        assert "暂定" in page
        assert REASON in page
        moved = enter_holiday_year(read_notice(NOTICE_2027), NOTICE_2027)
        assert [m["uid"] for m in moved] == [item.UID()]
        page = render(context, view_name, user)
    assert "2027-01-08" in page
    assert "暂定" not in page
    assert REASON not in page


def test_a_deadline_within_2026_is_not_provisional(
    demo_portal, make_item, do_transition
):
    entry = make_item(demo_portal["disclosure"], title="年内期限")
    entry.disclosure_attribute = "proactive"
    for transition, user in TO_SIGN_OFF:
        do_transition(entry, transition, user)
    with freeze_time("2026-12-01 02:00:00"):
        do_transition(entry, "sign_off", "leader")
        page = render(entry, "@@view", "clerk")
    assert entry.publication_deadline == date(2026, 12, 29)
    assert "2026-12-29" in page
    assert "暂定" not in page


def test_anonymous_never_sees_a_clock(item, demo_portal):
    """The item waits for entry: not public, so not even its page opens."""
    from AccessControl import Unauthorized

    with api.env.adopt_roles(["Anonymous"]), pytest.raises(Unauthorized):
        item.restrictedTraverse("@@view")


def test_entering_a_year_keeps_each_clocks_own_length(item):
    """A later change of entry_working_days does not move a running clock."""
    from gov.infomgmt.clock.notice import read_notice
    from gov.infomgmt.deadlines import enter_holiday_year

    assert item.clock_working_days == 20
    api.portal.set_registry_record("gov.infomgmt.disclosure.entry_working_days", 15)
    moved = enter_holiday_year(read_notice(NOTICE_2027), NOTICE_2027)
    assert [m["uid"] for m in moved] == [item.UID()]
    # 20 working days with 1 January 2027 a holiday, not 15
    assert item.publication_deadline == date(2027, 1, 8)


def test_a_working_copy_without_a_clock_start_is_recounted(demo_portal, do_transition):
    """The start of an older change's clock is its sign-off in the workflow history."""
    from gov.infomgmt.clock.notice import read_notice
    from gov.infomgmt.deadlines import enter_holiday_year
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

    baseline = demo_portal["disclosure"]["work-priorities-2026"]
    with api.env.adopt_user(username="collector"):
        working_copy = ICheckinCheckoutPolicy(baseline).checkout(baseline.aq_parent)
    for transition, user in TO_SIGN_OFF[:3]:
        do_transition(working_copy, transition, user)
    with freeze_time("2026-12-10 02:00:00"):
        do_transition(working_copy, "sign_off_change", "leader")
    del working_copy.clock_started
    moved = enter_holiday_year(read_notice(NOTICE_2027), NOTICE_2027)
    assert working_copy.UID() in [m["uid"] for m in moved]
    assert working_copy.publication_deadline == date(2027, 1, 8)
