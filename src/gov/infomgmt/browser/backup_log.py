"""A backup log's page: its restore drills, storage inspections and addenda, and the inspection form."""

from AccessControl import getSecurityManager
from gov.infomgmt import _
from gov.infomgmt import backups
from gov.infomgmt.content.backup_log import PROTECTIONS
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden


class BackupChecksViewlet(ViewletBase):
    """Below the log's facts: what happened to the backup after it was written."""

    index = ViewPageTemplateFile("templates/backup_checks.pt")
    protections = PROTECTIONS

    def drills(self):
        """Drills, newest first."""
        return list(reversed(backups.drills(self.context)))

    def inspections(self):
        """Inspections, newest first."""
        return list(reversed(backups.inspections(self.context)))

    def addenda(self):
        """Corrections written after the handover, oldest first."""
        return api.content.find(
            context=self.context, depth=1, sort_on="created", portal_type="Document"
        )

    def may_record(self):
        """Whether the user may record an inspection here."""
        return bool(
            getSecurityManager().checkPermission(backups.RECORD_CHECKS, self.context)
        )

    def may_add_addendum(self):
        """Whether the user may add a correction here."""
        return (
            bool(
                getSecurityManager().checkPermission("Add portal content", self.context)
            )
            and api.content.get_state(self.context) != "recorded"
        )


class StorageInspectionForm(BrowserView):
    """POST target of the inspection form on the log's page."""

    def __call__(self):
        """Record the inspection and go back to the log."""
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        if not getSecurityManager().checkPermission(
            backups.RECORD_CHECKS, self.context
        ):
            raise Forbidden("Only IT staff and the custodian record inspections.")
        checked = set(self.request.form.get("protections") or [])
        backups.record_inspection(
            self.context,
            {name: name in checked for name, _title in PROTECTIONS},
            self.request.form.get("note", ""),
        )
        IStatusMessage(self.request).add(
            _("The inspection of the storage place is recorded."), type="info"
        )
        return self.request.response.redirect(self.context.absolute_url())
