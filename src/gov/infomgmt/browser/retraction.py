"""The public address of a retracted item: a notice with the date and the reason."""

from AccessControl import getSecurityManager
from plone import api
from Products.CMFCore.permissions import View
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class RetractionNoticeView(BrowserView):
    """Tell every visitor that the item was retracted, when and why; staff see the item too.

    Public on purpose: the visitor who kept the address must learn what happened to
    it. The view reads only the retraction's own record, never the item's content.
    """

    index = ViewPageTemplateFile("templates/retraction_notice.pt")

    def __call__(self):
        """The notice, or the item's own page when it is not retracted."""
        if api.content.get_state(
            self.context, default=None
        ) != "retracted" and not getattr(self.context.aq_base, "retracted_on", None):
            return self.request.response.redirect(self.context.absolute_url())
        # Retracted content is not for caches to keep.
        self.request.response.setHeader("Cache-Control", "no-store")
        return self.index()

    def may_view(self):
        """True for staff who may still read the item."""
        return bool(getSecurityManager().checkPermission(View, self.context))

    @property
    def retracted_on(self):
        """The day of the retraction."""
        return self.context.aq_base.retracted_on

    @property
    def reason(self):
        """The stated reason."""
        return self.context.aq_base.retraction_reason

    @property
    def index_number(self):
        """索引号, which identifies the item in the catalogue."""
        return self.context.aq_base.index_number
