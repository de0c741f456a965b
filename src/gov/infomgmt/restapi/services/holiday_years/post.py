"""POST @holiday-years: read a notice (`text`, `year`); with `confirm: true`, save it.

Without `confirm` nothing is stored: the answer is the preview (the days read, what the
holiday library says otherwise, and its `fingerprint`). A confirmation that sends the
fingerprint back as `previewed` is refused when the text or the year changed since. A notice with a refused line answers 400 and names it.
"""

from gov.infomgmt import _
from gov.infomgmt.browser.holiday_years import too_long
from gov.infomgmt.clock.calendar import differences_from_library
from gov.infomgmt.clock.notice import fingerprint
from gov.infomgmt.clock.notice import MAX_TEXT
from gov.infomgmt.clock.notice import read_notice
from gov.infomgmt.deadlines import enter_holiday_year
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


class HolidayYearsPost(Service):
    """Preview, or save on confirmation, and list the deadlines that moved."""

    def reply(self):
        """400 naming the field for bad input or a refused line; else preview or save."""
        try:
            body = json_body(self.request)
        except Exception:  # plone.restapi raises a bare DeserializationError
            return self.bad("body", _("The body is not JSON."))
        if not isinstance(body, dict):
            return self.bad("body", _("The body is not JSON."))
        text = body.get("text")
        year = body.get("year")
        if not isinstance(text, str) or not text.strip():
            return self.bad("text", _("Paste the text of the notice."))
        if len(text) > MAX_TEXT:
            return self.bad("text", too_long())
        if year is not None and (
            not isinstance(year, int)
            or isinstance(year, bool)
            or not 2000 <= year <= 2100
        ):
            return self.bad("year", _("The year is four digits, e.g. 2027."))
        if not isinstance(body.get("confirm", False), bool):
            return self.bad("confirm", _("confirm is true or false."))
        previewed = body.get("previewed")
        if previewed is not None and not isinstance(previewed, str):
            return self.bad(
                "previewed", _("previewed is the fingerprint of the preview.")
            )
        if (
            body.get("confirm")
            and previewed is not None
            and previewed != fingerprint(text, year)
        ):
            return self.bad(
                "previewed",
                _(
                    "The text or the year changed since the preview: check the calendar below and confirm again."
                ),
            )
        notice = read_notice(text, year)
        result = self.preview(notice, text, year)
        if not notice.readable:
            self.request.response.setStatus(400)
            result["error"] = {
                "type": "BadRequest",
                "field": "text",
                "message": self.translated(
                    _("The notice cannot be read: see the refused lines.")
                ),
            }
            return result
        result["saved"] = False
        if body.get("confirm"):
            alsoProvides(
                self.request, IDisableCSRFProtection
            )  # token-authenticated API
            moved = enter_holiday_year(notice, text)
            result["saved"] = True
            result["moved"] = [
                {
                    "@id": item["url"],
                    "UID": item["uid"],
                    "title": item["title"],
                    "old_deadline": item["old"].isoformat(),
                    "new_deadline": item["new"].isoformat(),
                }
                for item in moved
            ]
        return result

    def preview(self, notice, notice_text, notice_year):
        """The notice as read: days, refused and ignored lines, differences from the library."""
        differences = []
        if notice.readable:
            differences = [
                {"date": day.isoformat(), "library_day_off": lib, "notice_day_off": own}
                for day, lib, own in differences_from_library(
                    notice.year, notice.holidays, notice.workdays
                )
            ]
        return {
            "year": notice.year,
            "fingerprint": fingerprint(notice_text, notice_year),
            "holidays": {
                day.isoformat(): name for day, name in sorted(notice.holidays.items())
            },
            "workdays": {
                day.isoformat(): name for day, name in sorted(notice.workdays.items())
            },
            "refused": [
                {
                    "line_number": refusal.line_number,
                    "line": refusal.line,
                    "reason": self.translated(refusal.reason),
                }
                for refusal in notice.refused
            ],
            "ignored": [{"line_number": n, "line": line} for n, line in notice.ignored],
            "differences_from_library": differences,
        }

    def bad(self, field, message):
        """A 400 that names the field."""
        self.request.response.setStatus(400)
        return {
            "error": {
                "type": "BadRequest",
                "field": field,
                "message": self.translated(message),
            }
        }

    def translated(self, message):
        """A message in the request's language (Chinese on this site)."""
        return translate(message, context=self.request)
