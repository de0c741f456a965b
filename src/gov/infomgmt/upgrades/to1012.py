"""1011 → 1012: the days of extra_holidays/extra_workdays are kept; open clocks learn their start.

Days typed into the old settings are not the State Council's notice: they are kept as
days of a provisional year, which stays uncovered (its deadlines 暂定) until its notice
is entered. Every open clock, working copies included, gets its start and its length.
"""

from gov.infomgmt import logger
from gov.infomgmt.clock.calendar import library_covers
from gov.infomgmt.clock.entered_years import entered_years
from gov.infomgmt.clock.entered_years import store_year
from gov.infomgmt.deadlines import clock_length
from gov.infomgmt.deadlines import clock_start
from gov.infomgmt.deadlines import open_clocks
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


OLD_RECORDS = (
    "gov.infomgmt.disclosure.extra_holidays",
    "gov.infomgmt.disclosure.extra_workdays",
)
COLUMN = "gov_clock_start"


def enter_years_of_the_settings(context):
    """Keep every day administrators typed in, as entered years; then drop the old records."""
    registry = getUtility(IRegistry)
    holidays = set(_old_value(registry, OLD_RECORDS[0]))
    workdays = set(_old_value(registry, OLD_RECORDS[1]))
    already = entered_years()
    for year in sorted({day.year for day in holidays | workdays}):
        # The old settings were read only for years the library lacked; a notice read
        # since is the better source.
        if year in already or library_covers(year):
            continue
        store_year(
            year,
            {day for day in holidays if day.year == year},
            {day for day in workdays if day.year == year},
            text="",
            saved_by="upgrade-1012",
            provisional=True,
        )
        logger.info(
            "Holidays of %s kept from the settings; the year awaits its notice", year
        )
    for name in OLD_RECORDS:
        if name in registry.records:
            del registry.records[name]
    catalog = api.portal.get_tool("portal_catalog")
    if COLUMN not in catalog.schema():
        catalog.addColumn(COLUMN)
    for brain in open_clocks():
        obj = brain._unrestrictedGetObject()
        if getattr(obj, "clock_started", None) is None:
            obj.clock_started = clock_start(obj)
        if getattr(obj, "clock_working_days", None) is None:
            obj.clock_working_days = clock_length(obj)
        obj.reindexObject(idxs=["gov_deadline"])


def _old_value(registry, name):
    record = registry.records.get(name)
    return (record.value if record is not None else None) or ()
