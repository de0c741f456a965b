"""The entry clock (第十七条, 条例第二十六条): 20 working days from sign-off to publication.

The count itself is the bureau's clock (`gov.infomgmt.clock.periods`); this module keeps
the clock of an item: when it starts, when it stops, and what happens to the open ones
when a year of the holiday arrangement is entered.
"""

from gov.infomgmt import logger
from gov.infomgmt.clock import CHINA
from gov.infomgmt.clock import today_in_china
from gov.infomgmt.clock.entered_years import site_calendar
from gov.infomgmt.clock.entered_years import store_year
from gov.infomgmt.clock.periods import art26_proactive_disclosure
from plone import api


SETTINGS = "gov.infomgmt.disclosure"

# States where the entry clock runs (signed off, not yet public).
CLOCK_STATES = ("entry", "entry_check", "change_approved")
# The transitions that start the entry clock (a sign-off, or the sign-off of a change).
STARTING_TRANSITIONS = ("sign_off", "sign_off_internal", "sign_off_change")


def setting(name, default=None):
    """One record of the disclosure settings."""
    return api.portal.get_registry_record(f"{SETTINGS}.{name}", default=default)


def entry_due(signed_off, calendar=None, working_days=None):
    """The entry clock's due day (and provisional years) for a sign-off on this date.

    `working_days` is the clock's own length; today's setting for a clock starting now.
    """
    calendar = calendar or site_calendar()
    if working_days is None:
        working_days = setting("entry_working_days", 20)
    due = art26_proactive_disclosure(calendar, signed_off, working_days)
    if due.provisional:
        logger.warning(
            "Deadline %s is provisional: no holiday arrangement for %s yet",
            due.day,
            ", ".join(str(year) for year in due.provisional_years),
        )
    return due


def entry_deadline(signed_off):
    """The last day on which an item signed off on this date may be published."""
    return entry_due(signed_off).day


def working_days_left(deadline, today=None):
    """Working days left until the deadline (negative: overdue by so many)."""
    if deadline is None:
        return None
    return site_calendar().working_days_left(today or today_in_china(), deadline)


def start_entry_clock(obj, signed_off):
    """Give a signed-off, proactively disclosed item (or a change of it) its deadline."""
    obj.clock_started = signed_off
    obj.clock_working_days = setting("entry_working_days", 20)
    obj.publication_deadline = entry_due(
        signed_off, working_days=obj.clock_working_days
    ).day
    obj.published_on = None


def stop_entry_clock(obj):
    """Record the day of publication; the deadline stays for the record."""
    obj.published_on = today_in_china()


def clock_start(obj):
    """The day the item's entry clock started.

    For a clock started before the day was kept: the item's sign-off date, or for a
    working copy (which has none) the day of its last sign-off in the workflow history.
    """
    return (
        getattr(obj, "clock_started", None)
        or getattr(obj, "generation_date", None)
        or signed_off_in_history(obj)
    )


def signed_off_in_history(obj):
    """The China date of the last clock-starting transition in the history, or None."""
    last = None
    for history in (getattr(obj, "workflow_history", None) or {}).values():
        for entry in history:
            if entry.get("action") in STARTING_TRANSITIONS and entry.get("time"):
                when = entry["time"].asdatetime().astimezone(CHINA)
                if last is None or when > last:
                    last = when
    return last.date() if last else None


def clock_length(obj):
    """The clock's own length in working days (today's setting for an older clock)."""
    length = getattr(obj, "clock_working_days", None)
    return setting("entry_working_days", 20) if length is None else length


def open_clocks():
    """Every item whose entry clock runs now, site-wide (unrestricted: no one's view limits it)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="GovernmentInformation", review_state=list(CLOCK_STATES)
    )
    # Missing.Value (no clock indexed) is false, as None is
    return [brain for brain in brains if brain.gov_deadline]


def recompute_open_deadlines():
    """Count every open entry clock again; the items whose deadline moved, old and new day."""
    calendar = site_calendar()
    moved = []
    for brain in open_clocks():
        obj = brain._unrestrictedGetObject()
        start = clock_start(obj)
        if start is None:
            continue
        old = obj.publication_deadline
        new = entry_due(start, calendar, clock_length(obj)).day
        if new == old:
            continue
        obj.publication_deadline = new
        obj.reindexObject(idxs=["gov_deadline"])
        moved.append(
            {
                "uid": brain.UID,
                "title": brain.Title,
                "url": brain.getURL(),
                "old": old,
                "new": new,
            }
        )
    return moved


def enter_holiday_year(notice, text):
    """Save a confirmed notice's year and move the open deadlines; those that moved."""
    store_year(notice.year, notice.holidays, notice.workdays, text=text)
    moved = recompute_open_deadlines()
    logger.info(
        "Holiday arrangement of %s entered; %d open deadlines moved",
        notice.year,
        len(moved),
    )
    return moved
