"""The entry clock (第十七条, 条例第二十六条): 20 working days from sign-off to publication."""

from datetime import datetime
from gov.infomgmt import logger
from gov.infomgmt.working_days import WorkingCalendar
from plone import api
from zoneinfo import ZoneInfo


CHINA = ZoneInfo("Asia/Shanghai")
SETTINGS = "gov.infomgmt.disclosure"


def setting(name, default=None):
    """One record of the disclosure settings."""
    return api.portal.get_registry_record(f"{SETTINGS}.{name}", default=default)


def today_in_china():
    """The calendar date in the bureau's time zone."""
    return datetime.now(CHINA).date()


def now_in_china():
    """The time now, in the bureau's time zone."""
    return datetime.now(CHINA)


def site_calendar():
    """The working-day calendar with the days administrators entered for uncovered years."""
    return WorkingCalendar(
        extra_holidays=frozenset(setting("extra_holidays", []) or ()),
        extra_workdays=frozenset(setting("extra_workdays", []) or ()),
    )


def entry_deadline(signed_off):
    """The last day on which an item signed off on this date may be published."""
    calendar = site_calendar()
    deadline = calendar.add_working_days(signed_off, setting("entry_working_days", 20))
    if calendar.fallback_years([signed_off, deadline]):
        logger.warning(
            "Deadline %s counted without the State Council schedule (year not covered)",
            deadline,
        )
    return deadline


def working_days_left(deadline, today=None):
    """Working days left until the deadline (negative: overdue by so many)."""
    if deadline is None:
        return None
    return site_calendar().working_days_left(today or today_in_china(), deadline)


def start_entry_clock(obj, signed_off):
    """Give a signed-off, proactively disclosed item (or a change of it) its deadline."""
    obj.publication_deadline = entry_deadline(signed_off)
    obj.published_on = None


def stop_entry_clock(obj):
    """Record the day of publication; the deadline stays for the record."""
    obj.published_on = today_in_china()
