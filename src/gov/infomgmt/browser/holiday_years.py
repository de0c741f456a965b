"""节假日安排: the State Council's notice pasted, read, shown as a calendar, saved on confirmation."""

from gov.infomgmt import _
from gov.infomgmt.clock.calendar import differences_from_library
from gov.infomgmt.clock.calendar import library_years
from gov.infomgmt.clock.entered_years import entered_years
from gov.infomgmt.clock.entered_years import missing_year
from gov.infomgmt.clock.notice import fingerprint
from gov.infomgmt.clock.notice import MAX_TEXT
from gov.infomgmt.clock.notice import read_notice
from gov.infomgmt.deadlines import enter_holiday_year
from gov.infomgmt.permissions import ManageDisclosureSettings
from gov.infomgmt.roles import DISCLOSURE_REVIEWER
from gov.infomgmt.roles import ENTRY_CLERK
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage

import calendar


# Who is told that next year's arrangement is missing: the administrators, who enter
# it, and the disclosure office (disclosure reviewers and entry clerks), whose
# deadlines depend on it.
NOTICE_ROLES = {"Manager", "Site Administrator", DISCLOSURE_REVIEWER, ENTRY_CLERK}


def too_long():
    """The error of a text longer than a notice can be."""
    return _(
        "The text is longer than ${limit} characters: paste the notice only.",
        mapping={"limit": MAX_TEXT},
    )


def month_weeks(year, month, holidays, workdays):
    """The weeks of a month, Monday first, each day (day, kind) or None outside the month."""
    weeks = []
    for week in calendar.Calendar().monthdatescalendar(year, month):
        row = []
        for day in week:
            if day.month != month:
                row.append(None)
            elif day in holidays:
                row.append((day, "holiday"))
            elif day in workdays:
                row.append((day, "workday"))
            else:
                row.append((day, "weekend" if day.weekday() >= 5 else "working"))
        weeks.append(row)
    return weeks


class HolidayNoticeView(BrowserView):
    """ "20XX 年放假安排尚未录入": the notice for those who enter the year or depend on it."""

    index = ViewPageTemplateFile("templates/holiday_notice.pt")

    def __call__(self):
        """Nothing for anyone else, or while the year is known."""
        self.year = self.missing()
        return self.index() if self.year else ""

    def missing(self):
        """The year to announce to the current user, or None."""
        if api.user.is_anonymous():
            return None
        portal = api.portal.get()
        roles = set(api.user.get_roles(obj=portal.get("disclosure", portal)))
        if not roles & NOTICE_ROLES:
            return None
        return missing_year()

    def can_enter(self):
        """Whether the user may enter the year (else the notice names who may)."""
        return api.user.has_permission(ManageDisclosureSettings, obj=api.portal.get())


class HolidayYearsView(BrowserView):
    """Paste the notice, preview the year as a month calendar, confirm to save it."""

    index = ViewPageTemplateFile("templates/holiday_years.pt")

    def __call__(self):
        """Preview on 预览, save on 确认保存 (the same text only), else show the form."""
        form = self.request.form
        self.text = form.get("notice", "")
        self.year_text = (form.get("year") or "").strip()
        self.notice = None
        self.moved = None
        self.errors = {}
        previewing = "form.buttons.preview" in form
        confirming = "form.buttons.confirm" in form
        if (previewing or confirming) and self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.read()
        if confirming and self.notice is not None:
            if form.get("previewed") != self.fingerprint():
                self.errors["notice"] = _(
                    "The text or the year changed since the preview: check the calendar below and confirm again."
                )
            elif self.notice.readable:
                self.moved = enter_holiday_year(self.notice, self.text)
                IStatusMessage(self.request).add(
                    _(
                        "The holiday arrangement of ${year} is saved.",
                        mapping={"year": self.notice.year},
                    )
                )
        return self.index()

    def read(self):
        """Read the pasted text; a bad year or an empty text is an error by its field."""
        year = None
        if self.year_text:
            if not self.year_text.isdigit() or not 2000 <= int(self.year_text) <= 2100:
                self.errors["year"] = _("The year is four digits, e.g. 2027.")
                return
            year = int(self.year_text)
        if not self.text.strip():
            self.errors["notice"] = _("Paste the text of the notice.")
            return
        if len(self.text) > MAX_TEXT:
            self.errors["notice"] = too_long()
            return
        self.notice = read_notice(self.text, year)

    def fingerprint(self):
        """The fingerprint of the previewed text and year, sent back with the confirmation."""
        return fingerprint(self.text, self.year_text or None)

    def months(self):
        """(month, weeks) of the previewed year."""
        notice = self.notice
        return [
            (month, month_weeks(notice.year, month, notice.holidays, notice.workdays))
            for month in range(1, 13)
        ]

    def differences(self):
        """The days where the holiday library says otherwise than the previewed notice."""
        notice = self.notice
        return differences_from_library(notice.year, notice.holidays, notice.workdays)

    def entered(self):
        """The years entered so far, newest first."""
        return sorted(entered_years().values(), key=lambda y: -y.year)

    def library_range(self):
        """The first and last year of the holiday library."""
        return library_years()
