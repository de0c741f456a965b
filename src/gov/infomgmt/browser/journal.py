"""查阅日志 for auditors in the classic UI: filter, verify the chain, export."""

from gov.infomgmt import _
from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.journal.site import verify_site
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate


FILTERS = ("record", "actor", "action", "start", "end")
SHOWN = 200


class JournalView(BrowserView):
    """The newest entries matching the filters, the chain's state, and the exports."""

    index = ViewPageTemplateFile("templates/journal.pt")

    def __call__(self):
        """Query, optionally verify, render."""
        form = self.request.form
        self.filters = {name: (form.get(name) or "").strip() for name in FILTERS}
        entries = get_journal().entries(
            **{k: v or None for k, v in self.filters.items()}
        )
        self.total = len(entries)
        self.entries = list(reversed(entries[-SHOWN:]))
        self.verification = verify_site(self.context) if form.get("verify") else None
        return self.index()

    def reason(self, result):
        """Why the chain is broken, in Chinese."""
        messages = {
            "missing": _("an entry before it is missing"),
            "out_of_chain": _("it does not follow the previous entry"),
            "changed": _("it was changed after it was written"),
            "truncated": _("the journal ends before an entry anchored outside it"),
            "anchor_mismatch": _("it is not the entry anchored outside the journal"),
        }
        return translate(messages.get(result.code, result.reason), context=self.request)

    def export_url(self, fmt):
        """The REST export of the same selection."""
        params = {k: v for k, v in self.filters.items() if v}
        params["format"] = fmt
        return f"{self.context.absolute_url()}/++api++/@journal?{urlencode(params)}"
