"""The leaders' overview: signed-off items late or near their deadline, per section."""

from datetime import date
from freezegun import freeze_time
from gov.infomgmt import tasks
from plone import api

import pytest
import transaction


TO_ENTRY = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
]
TODAY = date(2025, 10, 28)  # a Tuesday


def signed_off(portal, make_item, do_transition, item_id, day, section):
    item = make_item(portal["disclosure"], id=item_id, responsible_section=section)
    item.disclosure_attribute = "proactive"
    for transition, user in TO_ENTRY[:-1]:
        do_transition(item, transition, user)
    with freeze_time(f"{day} 02:00:00"):
        do_transition(item, "sign_off", "leader")
    return item


@pytest.fixture
def clocks(demo_portal, make_item, do_transition):
    """Signed off 2025-09-26 (deadline 10-30: at risk on 10-28), 09-01 (late), 10-20 (in time).

    The tests read as the bureau leader, who sees every item of the catalogue.
    """
    signed_off(demo_portal, make_item, do_transition, "near", "2025-09-26", "办公室")
    signed_off(
        demo_portal, make_item, do_transition, "late", "2025-09-01", "档案管理科"
    )
    signed_off(demo_portal, make_item, do_transition, "in-time", "2025-10-20", "办公室")
    with api.env.adopt_user(username="leader"):
        yield demo_portal


def test_late_and_at_risk(clocks):
    brains = tasks.late_or_at_risk(clocks["disclosure"], today=TODAY)
    assert [b.id for b in brains] == ["late", "near"]
    assert {b.id: tasks.clock_of(b, TODAY).overdue for b in brains} == {
        "late": True,
        "near": False,
    }
    assert tasks.clock_of(brains[1], TODAY).working_days_left == 2
    grouped = tasks.by_section(brains)
    assert {section: [b.id for b in items] for section, items in grouped.items()} == {
        "办公室": ["near"],
        "档案管理科": ["late"],
    }


def test_count_matches_a_catalog_query(clocks):
    catalog = api.portal.get_tool("portal_catalog")
    horizon = tasks.risk_horizon(TODAY)
    direct = catalog(
        portal_type="GovernmentInformation",
        review_state=["entry", "entry_check"],
        gov_deadline={"query": horizon, "range": "max"},
    )
    assert (
        len(direct)
        == len(tasks.late_or_at_risk(clocks["disclosure"], today=TODAY))
        == 2
    )


def test_published_items_leave_the_overview(clocks, do_transition):
    item = clocks["disclosure"]["late"]
    do_transition(item, "submit_entry", "clerk")
    do_transition(item, "publish", "clerk")
    assert [b.id for b in tasks.late_or_at_risk(clocks["disclosure"], today=TODAY)] == [
        "near"
    ]


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("leader", True), ("discloser", True), ("clerk", False), ("staff", False)],
)
def test_who_sees_the_overview(demo_functional_portal, demo_api, user, allowed):
    transaction.commit()
    response = demo_api(user, api=False).get(
        "/disclosure/@@disclosure-overview", allow_redirects=False
    )
    assert (response.status_code == 200) is allowed
    if allowed:
        assert "逾期及临期信息" in response.text
