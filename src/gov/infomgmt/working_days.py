"""Working days of the State Council holiday schedule (法定节假日与调休).

The schedule comes from `chinese_calendar` (PyPI: chinesecalendar), which is kept up
to date each year when the State Council publishes the next year's arrangement; we do
not keep our own list. For a year the library does not cover yet, the calendar falls
back to weekends plus the holidays and make-up working days an administrator entered,
and says so (`uses_fallback`), rather than failing.

Counting follows the regulation's usage: day one of a period is the day after its start.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

import chinese_calendar
import functools


@functools.cache
def library_years():
    """The first and last year the holiday library knows (fixed for the process's life)."""
    years = {day.year for day in chinese_calendar.holidays}
    return min(years), max(years)


@dataclass(frozen=True)
class WorkingCalendar:
    """Answers "is this a working day?" with the library, or with the fallback."""

    extra_holidays: frozenset = field(default_factory=frozenset)
    extra_workdays: frozenset = field(default_factory=frozenset)

    def uses_fallback(self, day):
        """True when the library has no data for the day's year."""
        first, last = library_years()
        return not first <= day.year <= last

    def is_working_day(self, day):
        """A working day: by the State Council schedule, or by the fallback."""
        if not self.uses_fallback(day):
            return chinese_calendar.is_workday(day)
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start, count):
        """The date on which the `count`-th working day after `start` falls."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
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

    def fallback_years(self, days):
        """The years among these dates that fall back on weekends and entered days."""
        return sorted({day.year for day in days if self.uses_fallback(day)})
