"""POST @disclosure-reminders: remind entry clerks of near deadlines, leaders of late items.

Meant for a daily timer (see the README): each item is reminded at most once a day,
so running it twice sends nothing more.
"""

from gov.infomgmt import json_bodies
from gov.infomgmt import tasks
from gov.infomgmt.clock import today_in_china
from gov.infomgmt.enforcement.alerts import remind_overdue_loans
from gov.infomgmt.notifications import remind_deadline
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class DisclosureRemindersPost(Service):
    """Send today's reminders and say what was sent."""

    def reply(self):
        """One reminder per item and day; answer with the items reminded."""
        # A timer calls this with an administrator's credentials and no browser
        # session; the only write is the "reminded on" date of each item.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            json_bodies.read(self.request, json_bodies.NO_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        today = today_in_china()
        reminded = []
        for brain in tasks.due_for_reminder(today):
            obj = brain._unrestrictedGetObject()
            if getattr(obj, "reminded_on", None) == today:
                continue
            clock = tasks.clock_of(brain, today)
            recipients = remind_deadline(obj, clock.working_days_left)
            obj.reminded_on = today
            reminded.append(
                {
                    "@id": brain.getURL(),
                    "title": brain.Title,
                    "working_days_left": clock.working_days_left,
                    "recipients": recipients,
                }
            )
        # The same daily run reminds the archive of loans past their return date.
        overdue_loans = remind_overdue_loans(today)
        return {
            "date": today.isoformat(),
            "reminded": reminded,
            "overdue_loans": overdue_loans,
        }
