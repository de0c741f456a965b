"""Every statutory period of the site, each written once and named after its article.

One definition for all of them (`due_after`): day one is the day after the start, working
days are those of the State Council arrangement (`calendar`), a pause stops the count,
and a duty is "due" on the returned day (still in time that day, overdue the next). A
period counted through a year whose arrangement nobody has given is provisional (暂定).
"Articles" are those of the Regulations on Open Government Information (2019), unless the
name says otherwise.
"""

from dataclasses import dataclass
from datetime import date
from datetime import timedelta


# 条例第二十六条 (and the bureau's 第十七条): proactive information is public within 20
# working days of being formed or changed (the settings' "working days for entry").
ART26_PROACTIVE_WORKING_DAYS = 20
# 条例第三十三条: a request is answered within 20 working days, extendable once by 20.
ART33_REPLY_WORKING_DAYS = 20
ART33_EXTENSION_WORKING_DAYS = 20
# 条例第三十条: an unclear request is answered with a correction notice within 7.
ART30_CORRECTION_WORKING_DAYS = 7
# 条例第三十二条 (and 第三十四条): a consulted third party or co-maker has 15 to reply.
ART32_CONSULTATION_WORKING_DAYS = 15
# 国办函〔2020〕109号 (信息处理费): the fee is paid within 20 after the notice is received.
FEE_NOTICE_WORKING_DAYS = 20
# 双公示: licensing and penalty decisions are published within 7 of the decision.
DOUBLE_PUBLICITY_WORKING_DAYS = 7


@dataclass(frozen=True)
class Due:
    """The last day of a period, and the years it was counted through on weekends only."""

    day: date
    provisional_years: tuple = ()

    @property
    def provisional(self):
        """True while a year of the period has no entered or known arrangement."""
        return bool(self.provisional_years)


def due_after(calendar, start, working_days, pauses=()):
    """The due day `working_days` working days after `start` (day one: the next day)."""
    day = calendar.add_working_days(start, working_days, pauses)
    return Due(day, tuple(calendar.uncovered_years(start, day)))


def art26_proactive_disclosure(calendar, formed, working_days=None):
    """条例第二十六条: the day by which information formed (signed off) on `formed` is public."""
    return due_after(calendar, formed, working_days or ART26_PROACTIVE_WORKING_DAYS)


def art33_request_reply(calendar, received, extended=False, pauses=()):
    """条例第三十三条: the day a request received on `received` is answered by.

    `extended`: the head of the disclosure office extended it once (20 more). `pauses`:
    the time of consulting a third party or another agency (第三十二、三十四条) does not
    count. A corrected request (第三十条) is a new start: pass its day of receipt.
    """
    count = ART33_REPLY_WORKING_DAYS
    if extended:
        count += ART33_EXTENSION_WORKING_DAYS
    return due_after(calendar, received, count, pauses)


def art30_correction_notice(calendar, received):
    """条例第三十条: the day an unclear request's correction notice (补正告知) is sent by."""
    return due_after(calendar, received, ART30_CORRECTION_WORKING_DAYS)


def art32_third_party_reply(calendar, consulted):
    """条例第三十二条: the day a third party consulted on `consulted` may reply until."""
    return due_after(calendar, consulted, ART32_CONSULTATION_WORKING_DAYS)


def fee_notice_payment(calendar, notice_received):
    """国办函〔2020〕109号: the last day to pay; unpaid after it, the request is withdrawn."""
    return due_after(calendar, notice_received, FEE_NOTICE_WORKING_DAYS)


def double_publicity(calendar, decided):
    """双公示: the day a licensing or penalty decision of `decided` is published by."""
    return due_after(calendar, decided, DOUBLE_PUBLICITY_WORKING_DAYS)


def art20_emergency_signoff(published_at, hours):
    """The bureau's 第二十条: a leader signs off an emergency publication within `hours`.

    Counted in hours of the clock, holidays included: an emergency does not wait.
    """
    return published_at + timedelta(hours=hours)


def art49_annual_report(year):
    """条例第四十九条: the annual report of `year` is published by 31 January after it.

    A calendar date set by the regulation: it does not move for a holiday.
    """
    return date(year + 1, 1, 31)
