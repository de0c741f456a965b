"""The bureau's working-day calendar, with real dates of the State Council schedule."""

from datetime import date
from gov.infomgmt.clock.calendar import library_years
from gov.infomgmt.clock.calendar import WorkingCalendar

import pytest


CALENDAR = WorkingCalendar()


def test_national_day_2025():
    """Sign-off on Friday 26 September 2025: 20 working days end on 30 October.

    The National Day holiday (1–8 October) is skipped; Sunday 28 September and
    Saturday 11 October are made-up working days (调休) and count.
    """
    assert CALENDAR.add_working_days(date(2025, 9, 26), 20) == date(2025, 10, 30)
    assert CALENDAR.is_working_day(date(2025, 9, 28))  # a Sunday
    assert CALENDAR.is_working_day(date(2025, 10, 11))  # a Saturday
    assert not CALENDAR.is_working_day(date(2025, 10, 1))
    assert not CALENDAR.is_working_day(date(2025, 10, 8))


def test_weekends_alone_would_be_wrong():
    """Counting Monday to Friday only would give a different deadline."""
    mondays_to_fridays = [
        day
        for day in (
            date.fromordinal(date(2025, 9, 26).toordinal() + n) for n in range(1, 40)
        )
        if day.weekday() < 5
    ]
    assert mondays_to_fridays[19] != date(2025, 10, 30)


def test_spring_festival_2026():
    """Across the 2026 Spring Festival (15–23 February, Saturday 14 and 28 February worked)."""
    assert not CALENDAR.is_working_day(date(2026, 2, 17))
    assert CALENDAR.is_working_day(date(2026, 2, 14))  # a Saturday made a working day
    assert CALENDAR.is_working_day(date(2026, 2, 28))  # a Saturday made a working day
    assert CALENDAR.add_working_days(date(2026, 2, 10), 20) == date(2026, 3, 16)


def test_day_one_is_the_day_after():
    assert CALENDAR.add_working_days(date(2025, 11, 3), 1) == date(
        2025, 11, 4
    )  # Monday → Tuesday
    assert CALENDAR.add_working_days(date(2025, 11, 7), 1) == date(
        2025, 11, 10
    )  # Friday → Monday


@pytest.mark.parametrize(
    ("today", "left"),
    [
        (date(2025, 10, 30), 0),
        (date(2025, 10, 29), 1),
        (date(2025, 9, 26), 20),
        (date(2025, 10, 31), -1),
        (date(2025, 11, 5), -4),
    ],
)
def test_working_days_left(today, left):
    assert CALENDAR.working_days_left(today, date(2025, 10, 30)) == left


def test_year_nobody_covers_counts_weekends_and_is_provisional():
    first, last = library_years()
    uncovered = last + 1
    plain = WorkingCalendar()
    assert not plain.covers(uncovered)
    assert plain.is_working_day(date(uncovered, 1, 1)) == (
        date(uncovered, 1, 1).weekday() < 5
    )
    deadline = plain.add_working_days(date(uncovered, 3, 2), 5)
    assert deadline > date(uncovered, 3, 2)
    assert plain.uncovered_years(date(last, 12, 20), deadline) == [uncovered]


def test_an_entered_year_covers_it_and_its_days_count():
    uncovered = library_years()[1] + 1
    entered = WorkingCalendar(
        entered_holidays=frozenset({date(uncovered, 1, 1), date(uncovered, 1, 2)}),
        entered_workdays=frozenset(
            {date(uncovered, 1, 9)}
        ),  # a made-up working Saturday
        entered_years=frozenset({uncovered}),
    )
    assert entered.covers(uncovered)
    assert not entered.is_working_day(date(uncovered, 1, 1))
    assert entered.is_working_day(date(uncovered, 1, 9))
    assert entered.uncovered_years(date(uncovered, 1, 1), date(uncovered, 3, 1)) == []


def test_an_entered_year_takes_precedence_over_the_library():
    """The notice is the State Council's own text: for its days it wins."""
    entered = WorkingCalendar(
        entered_holidays=frozenset({date(2026, 4, 7)}),
        entered_years=frozenset({2026}),
    )
    assert CALENDAR.is_working_day(date(2026, 4, 7))
    assert not entered.is_working_day(date(2026, 4, 7))
    # a library holiday the entered year does not name is a working day then
    assert not CALENDAR.is_working_day(date(2026, 10, 1))
    assert entered.is_working_day(date(2026, 10, 1))


def test_a_pause_stops_the_count():
    """Working days within a pause (both ends included) do not count."""
    paused = CALENDAR.add_working_days(
        date(2025, 11, 3), 5, pauses=[(date(2025, 11, 5), date(2025, 11, 6))]
    )
    assert CALENDAR.add_working_days(date(2025, 11, 3), 5) == date(2025, 11, 10)
    assert paused == date(2025, 11, 12)
