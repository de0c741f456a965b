"""The entry clock: sign-off starts 20 working days, publication stops it."""

from datetime import date
from freezegun import freeze_time
from gov.infomgmt.deadlines import working_days_left
from plone import api

import pytest


TO_SIGN_OFF = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
]


@pytest.fixture
def signed_off_item(demo_portal, make_item, do_transition):
    """An item signed off on Friday 26 September 2025, 10:00 in Beijing."""
    item = make_item(demo_portal["disclosure"])
    item.disclosure_attribute = "proactive"
    for transition, user in TO_SIGN_OFF:
        do_transition(item, transition, user)
    with freeze_time("2025-09-26 02:00:00"):  # UTC
        do_transition(item, "sign_off", "leader")
    return item


def test_sign_off_starts_the_clock(signed_off_item):
    assert signed_off_item.generation_date == date(2025, 9, 26)
    assert signed_off_item.publication_deadline == date(2025, 10, 30)
    assert signed_off_item.index_number.startswith("11450800MB1530126F/2025-")
    catalog = api.portal.get_tool("portal_catalog")
    brain = catalog.unrestrictedSearchResults(UID=signed_off_item.UID())[0]
    assert brain.gov_deadline == date(2025, 10, 30)


@pytest.mark.parametrize(
    ("today", "left"),
    [
        (date(2025, 10, 8), 17),
        (date(2025, 10, 29), 1),
        (date(2025, 10, 30), 0),
        (date(2025, 11, 3), -2),
    ],
)
def test_days_left(signed_off_item, today, left):
    assert working_days_left(signed_off_item.publication_deadline, today) == left


def test_publication_stops_the_clock(signed_off_item, do_transition):
    with freeze_time("2025-10-20 03:00:00"):
        do_transition(signed_off_item, "submit_entry", "clerk")
        do_transition(signed_off_item, "publish", "clerk")
    assert signed_off_item.published_on == date(2025, 10, 20)
    assert signed_off_item.published_on <= signed_off_item.publication_deadline


def test_no_clock_for_items_not_proactively_disclosed(
    demo_portal, make_item, do_transition
):
    item = make_item(demo_portal["disclosure"])
    item.disclosure_attribute = "on_request"
    for transition, user in TO_SIGN_OFF:
        do_transition(item, transition, user)
    do_transition(item, "sign_off_internal", "leader")
    assert item.generation_date is not None
    assert item.publication_deadline is None


def test_an_entered_year_moves_the_deadline(demo_portal):
    """In a year the holiday library lacks, the entered holidays count."""
    from gov.infomgmt.clock.calendar import library_years
    from gov.infomgmt.clock.entered_years import store_year
    from gov.infomgmt.deadlines import entry_deadline

    year = library_years()[1] + 1
    plain = entry_deadline(date(year, 9, 25))
    store_year(year, [date(year, 10, d) for d in range(1, 8)], [])
    assert entry_deadline(date(year, 9, 25)) > plain
