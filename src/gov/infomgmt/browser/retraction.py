"""The public address of a retracted item: a notice with the date and the reason."""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_parent
from plone import api
from Products.CMFCore.permissions import View
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class RetractionNoticePage(BrowserView):
    """The notice itself, rendered in a context the visitor may see.

    For a visitor who may not view the retracted item, the page is rendered on its
    folder: Plone's header, navigation and portlets are shown for what the visitor
    may see, and nothing of the item but its retraction record.
    """

    index = ViewPageTemplateFile("templates/retraction_notice.pt")

    def __init__(self, context, request, item):
        super().__init__(context, request)
        self.item = aq_base(item)
        self.item_url = item.absolute_url()

    def __call__(self):
        """Render the notice."""
        return self.index()

    def may_view(self):
        """True for staff who may still read the item."""
        return aq_base(self.context) is self.item

    @property
    def retracted_on(self):
        """The day of the retraction."""
        return self.item.retracted_on

    @property
    def reason(self):
        """The stated reason."""
        return self.item.retraction_reason

    @property
    def index_number(self):
        """索引号, which identifies the item in the catalogue."""
        return self.item.index_number


class RetractionNoticeView(BrowserView):
    """The default view of a retracted item: the notice for everyone; staff see the item too.

    Public on purpose: the visitor who kept the address must learn what happened to
    it. Only the retraction's own record is read, never the item's content.
    """

    def __call__(self):
        """The notice, or the item's own page when it is not retracted."""
        if api.content.get_state(self.context, default=None) != "retracted":
            return self.request.response.redirect(self.context.absolute_url())
        # No cache keeps this page: see the "gov.infomgmt.uncached" ruleset.
        if getSecurityManager().checkPermission(View, self.context):
            page = RetractionNoticePage(self.context, self.request, self.context)
        else:
            page = RetractionNoticePage(
                aq_parent(self.context), self.request, self.context
            )
        return page()
