"""Every statutory period of the one clock, with the State Council's real schedules."""

from datetime import date
from datetime import datetime
from datetime import UTC
from gov.infomgmt.clock import periods
from gov.infomgmt.clock.calendar import library_years
from gov.infomgmt.clock.calendar import WorkingCalendar
from gov.infomgmt.clock.notice import read_notice
from tests.clock.notices import NOTICE_2027

import pytest


LIBRARY = WorkingCalendar()


def with_2027():
    """The calendar once the 2027 notice is entered."""
    notice = read_notice(NOTICE_2027)
    return WorkingCalendar(
        entered_holidays=frozenset(notice.holidays),
        entered_workdays=frozenset(notice.workdays),
        entered_years=frozenset({2027}),
    )


@pytest.mark.parametrize(
    ("rule", "start", "due"),
    [
        # 第二十六条 across National Day 2025 (1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked)
        (periods.art26_proactive_disclosure, date(2025, 9, 26), date(2025, 10, 30)),
        # 第三十三条 across the 2026 Spring Festival (15–23 Feb off, Sat 14 and 28 Feb worked)
        (periods.art33_request_reply, date(2026, 2, 10), date(2026, 3, 16)),
        # 第三十条: due on a working Saturday (28 February 2026), across the Spring Festival
        (periods.art30_correction_notice, date(2026, 2, 12), date(2026, 2, 28)),
        # 第三十二条: 15 working days across National Day 2025
        (periods.art32_third_party_reply, date(2025, 9, 26), date(2025, 10, 23)),
        # the fee notice: 20 working days across Mid-autumn and National Day 2026
        (periods.fee_notice_payment, date(2026, 9, 18), date(2026, 10, 22)),
        # 双公示: 7 working days, a Friday's decision due on Tuesday
        (periods.double_publicity, date(2025, 11, 7), date(2025, 11, 18)),
    ],
    ids=[
        "art26",
        "art33",
        "art30-working-saturday",
        "art32",
        "fee",
        "double-publicity",
    ],
)
def test_each_period_with_the_official_schedule(rule, start, due):
    result = rule(LIBRARY, start)
    assert result.day == due
    assert not result.provisional


def test_day_one_is_the_day_after_the_start():
    """A Friday's request: its first working day is Monday."""
    assert periods.due_after(LIBRARY, date(2025, 11, 7), 1).day == date(2025, 11, 10)


def test_the_request_extended_once_by_20():
    due = periods.art33_request_reply(LIBRARY, date(2025, 9, 26), extended=True)
    assert due.day == date(2025, 11, 27)


def test_consultation_time_does_not_count_for_the_request():
    """第三十三条: two weeks of consulting a third party push the reply two weeks on."""
    plain = periods.art33_request_reply(LIBRARY, date(2025, 11, 3))
    paused = periods.art33_request_reply(
        LIBRARY, date(2025, 11, 3), pauses=[(date(2025, 11, 10), date(2025, 11, 21))]
    )
    assert plain.day == date(2025, 12, 1)
    assert paused.day == date(2025, 12, 15)


def test_a_period_into_a_year_nobody_entered_is_provisional():
    """The library ends with 2026: 1 January 2027 is counted as a working day, 暂定."""
    assert library_years()[1] == 2026
    due = periods.double_publicity(LIBRARY, date(2026, 12, 28))
    assert due.day == date(2027, 1, 6)
    assert due.provisional_years == (2027,)
    entered = periods.double_publicity(with_2027(), date(2026, 12, 28))
    assert entered.day == date(2027, 1, 7)
    assert not entered.provisional


def test_a_period_within_a_covered_year_is_not_provisional():
    assert periods.art26_proactive_disclosure(LIBRARY, date(2026, 12, 1)).day == date(
        2026, 12, 29
    )
    assert not periods.art26_proactive_disclosure(
        LIBRARY, date(2026, 12, 1)
    ).provisional


def test_the_emergency_sign_off_counts_hours_holidays_included():
    published = datetime(
        2026, 10, 1, 2, 0, tzinfo=UTC
    )  # National Day, 10:00 in Beijing
    assert periods.art20_emergency_signoff(published, 24) == datetime(
        2026, 10, 2, 2, 0, tzinfo=UTC
    )


def test_the_annual_report_is_due_on_31_january_even_on_a_sunday():
    assert periods.art49_annual_report(2026) == date(2027, 1, 31)  # a Sunday
    assert periods.art49_annual_report(2025) == date(2026, 1, 31)
