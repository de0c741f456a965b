"""The page of an enforcement case file (guarded and journaled in enforcement/doors.py)."""

from AccessControl import getSecurityManager
from gov.infomgmt.content.enforcement_record import DOCUMENT_KINDS
from gov.infomgmt.content.enforcement_record import KINDS
from gov.infomgmt.enforcement import gate
from gov.infomgmt.enforcement.access import handles_case
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class EnforcementRecordView(BrowserView):
    """The case file: its facts, the party's identity masked unless one handles the case."""

    index = ViewPageTemplateFile("templates/enforcement_record.pt")

    def __call__(self):
        """Render the page."""
        return self.index()

    def handles_case(self):
        """True for the case's own officers, the archive keepers and administrators."""
        return handles_case(self.context)

    def party_id(self):
        """The identity number, masked for those not handling the case."""
        if self.handles_case():
            return self.context.party_id_number
        return self.context.masked_party_id()

    def kind_title(self):
        """The kind of case, in Chinese."""
        term = KINDS.by_value.get(self.context.kind)
        return translate(term.title, context=self.request) if term else ""

    def documents(self):
        """The documents with their kind, conclusive mark and download address."""
        found = []
        for obj in self.context.objectValues():
            if getattr(obj, "portal_type", None) != "CaseDocument":
                continue
            if not gate.consult(obj).allowed:
                continue  # outside the scope of the reader's approval
            term = DOCUMENT_KINDS.by_value.get(obj.document_kind)
            found.append(
                {
                    "title": obj.Title(),
                    "kind": translate(term.title, context=self.request) if term else "",
                    "conclusive": obj.conclusive,
                    "url": f"{obj.absolute_url()}/@@download/file",
                    "sha256": obj.sha256,
                }
            )
        return found

    def may_edit(self):
        """True while the file may still be changed by the current user."""
        return bool(
            getSecurityManager().checkPermission("Modify portal content", self.context)
        )
