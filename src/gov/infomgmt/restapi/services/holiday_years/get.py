"""GET @holiday-years: what the clock knows, year by year."""

from gov.infomgmt.clock.calendar import library_years
from gov.infomgmt.clock.entered_years import entered_years
from gov.infomgmt.clock.entered_years import missing_year
from plone.restapi.services import Service


class HolidayYearsGet(Service):
    """The library's years, the entered ones (with who saved them), and a missing year."""

    def reply(self):
        """Entered years with their days, newest first."""
        first, last = library_years()
        return {
            "library": {"first": first, "last": last},
            "missing_year": missing_year(),
            "entered": [
                {
                    "year": year.year,
                    "holidays": sorted(day.isoformat() for day in year.holidays),
                    "workdays": sorted(day.isoformat() for day in year.workdays),
                    "saved_by": year.saved_by,
                    "saved_at": year.saved_at,
                }
                for year in sorted(entered_years().values(), key=lambda y: -y.year)
            ],
        }
