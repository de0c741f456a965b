"""The bureau's clock: "today" in China time, the working-day calendar, every statutory period.

Everything of the site that counts days or hours goes through this package, so that each
rule is written once: `calendar` answers "is this a working day?" (the State Council's
arrangement, from the holiday library or from a notice an administrator entered),
`periods` holds every legal period named after its article, `notice` reads the State
Council's yearly notice, `entered_years` keeps the years read from it.
"""

from datetime import datetime
from zoneinfo import ZoneInfo


CHINA = ZoneInfo("Asia/Shanghai")


def now_in_china():
    """The time now, in the bureau's time zone."""
    return datetime.now(CHINA)


def today_in_china():
    """The calendar date in the bureau's time zone."""
    return now_in_china().date()
