"""Working days of the State Council holiday arrangement (法定节假日与调休).

Two sources say which days are holidays and which weekend days are worked (调休):
`chinese_calendar` (PyPI: chinesecalendar), updated every year when the State Council
publishes its arrangement, and the notices an administrator entered (`entered_years`).
An entered notice is the State Council's own text, so for its days it wins over the
library; where they disagree the settings page shows the difference by day. A year
neither source covers is counted on weekends only, and every deadline counted through
it is provisional (暂定) until the year's notice is entered.

Counting follows the regulation's usage: day one of a period is the day after its start.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta

import chinese_calendar
import functools


@functools.cache
def library_years():
    """The first and last year the holiday library knows (fixed for the process's life)."""
    years = {day.year for day in chinese_calendar.holidays}
    return min(years), max(years)


def library_covers(year):
    """True when the holiday library has the State Council's arrangement of this year."""
    first, last = library_years()
    return first <= year <= last


def weekend_rule(day):
    """Monday to Friday: the rule of a year whose arrangement nobody has given yet."""
    return day.weekday() < 5


@dataclass(frozen=True)
class WorkingCalendar:
    """Answers "is this a working day?" from the entered notices, the library, or weekends."""

    entered_holidays: frozenset = field(default_factory=frozenset)
    entered_workdays: frozenset = field(default_factory=frozenset)
    entered_years: frozenset = field(default_factory=frozenset)

    def covers(self, year):
        """True when an entered notice or the library gives this year's arrangement."""
        return year in self.entered_years or library_covers(year)

    def is_working_day(self, day):
        """A working day by the entered notice, else the library, else weekends only."""
        # A notice may name days of the year before (元旦 from 31 December), so the
        # entered days are looked up by date, not only within the notice's year.
        if day in self.entered_workdays:
            return True
        if day in self.entered_holidays:
            return False
        if day.year in self.entered_years or not library_covers(day.year):
            return weekend_rule(day)
        return chinese_calendar.is_workday(day)

    def add_working_days(self, start, count, pauses=()):
        """The date of the `count`-th working day after `start`.

        Day one is the day after the start. Working days within a pause (a pair of
        first and last day, both included) do not count: the clock stands still.
        """
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day) and not _paused(day, pauses):
                remaining -= 1
        return day

    def working_days_left(self, today, deadline):
        """Working days from tomorrow up to the deadline; negative when overdue.

        0 means the deadline is today; -3 means it passed three working days ago.
        """
        if deadline >= today:
            return self._count(today, deadline)
        return -self._count(deadline, today)

    def _count(self, after, until):
        """Working days in (after, until]."""
        count = 0
        day = after
        while day < until:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def uncovered_years(self, first, last):
        """The years from `first` to `last` (dates) whose arrangement nobody has given."""
        return [
            year for year in range(first.year, last.year + 1) if not self.covers(year)
        ]


def _paused(day, pauses):
    return any(first <= day <= last for first, last in pauses)


def library_day_off(day):
    """What the library says of a day: True a day off, False worked, None not covered."""
    if not library_covers(day.year):
        return None
    return not chinese_calendar.is_workday(day)


def differences_from_library(year, holidays, workdays):
    """The days where the library and a notice's days disagree, by date.

    Each difference is (day, library says off, notice says off); days of years the
    library does not cover are not compared.
    """
    notice = WorkingCalendar(
        entered_holidays=frozenset(holidays),
        entered_workdays=frozenset(workdays),
        entered_years=frozenset({year}),
    )
    days = {date(year, 1, 1) + timedelta(days=n) for n in range(366)}
    days = {day for day in days if day.year == year} | set(holidays) | set(workdays)
    found = []
    for day in sorted(days):
        library_off = library_day_off(day)
        notice_off = not notice.is_working_day(day)
        if library_off is not None and library_off != notice_off:
            found.append((day, library_off, notice_off))
    return found
