"""The years of the State Council arrangement an administrator entered, and the site's calendar.

Kept in an annotation of the site (a ZODB mapping, year → days and who saved them): a
year is one object with its own record of saving, which a list of dates in the registry
could not say. Every saved year goes into the tamper-evident journal as well.
"""

from dataclasses import dataclass
from datetime import datetime
from datetime import UTC
from gov.infomgmt.clock import now_in_china
from gov.infomgmt.clock.calendar import WorkingCalendar
from gov.infomgmt.journal.site import client_address
from gov.infomgmt.journal.site import get_journal
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


KEY = "gov.infomgmt.holiday_years"
# The notice of the next year is usually published in late October or early November:
# from 1 November on, a missing next year is announced to those who must enter it.
ANNOUNCE_FROM_MONTH = 11


@dataclass(frozen=True)
class EnteredYear:
    """One year of the arrangement as it was saved."""

    year: int
    holidays: frozenset
    workdays: frozenset
    saved_by: str
    saved_at: str
    text: str
    # Days kept without the State Council's notice (typed into the old settings): they
    # count, but the year stays uncovered, its deadlines provisional, until it is entered.
    provisional: bool = False


def _storage(create=False):
    annotations = IAnnotations(api.portal.get())
    if KEY not in annotations and create:
        annotations[KEY] = PersistentMapping()
    return annotations.get(KEY, {})


def entered_years():
    """Every entered year, by year."""
    return {
        year: EnteredYear(
            year=year,
            holidays=frozenset(entry["holidays"]),
            workdays=frozenset(entry["workdays"]),
            saved_by=entry.get("saved_by", ""),
            saved_at=entry.get("saved_at", ""),
            text=entry.get("text", ""),
            provisional=entry.get("provisional", False),
        )
        for year, entry in sorted(_storage().items())
    }


def site_calendar():
    """The working-day calendar with every entered year."""
    years = entered_years().values()
    return WorkingCalendar(
        entered_holidays=frozenset().union(*(y.holidays for y in years)),
        entered_workdays=frozenset().union(*(y.workdays for y in years)),
        entered_years=frozenset(y.year for y in years if not y.provisional),
    )


def store_year(year, holidays, workdays, text="", saved_by=None, provisional=False):
    """Save a year's days (replacing an earlier entry of it) and journal who saved it.

    `provisional`: days without the notice, which leave the year uncovered.
    """
    user_id = saved_by or api.user.get_current().getId() or ""
    storage = _storage(create=True)
    replaced = year in storage
    storage[year] = PersistentMapping(
        holidays=tuple(sorted(holidays)),
        workdays=tuple(sorted(workdays)),
        saved_by=user_id,
        saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
        text=text,
        provisional=provisional,
    )
    get_journal().append(
        actor=user_id,
        action="holiday_year_saved",
        record=f"holiday-year-{year}",
        path="/".join(api.portal.get().getPhysicalPath()),
        address=client_address(),
        year=year,
        replaced=replaced,
        provisional=provisional,
        holidays=[day.isoformat() for day in sorted(holidays)],
        workdays=[day.isoformat() for day in sorted(workdays)],
    )


def missing_year(today=None, calendar=None):
    """The year whose arrangement must be entered now: this one, or from 1 November the next."""
    today = today or now_in_china().date()
    calendar = calendar or site_calendar()
    if not calendar.covers(today.year):
        return today.year
    if today.month >= ANNOUNCE_FROM_MONTH and not calendar.covers(today.year + 1):
        return today.year + 1
    return None
