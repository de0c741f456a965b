"""The header's search box searches the disclosure catalogue in Chinese words."""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class SearchBoxViewlet(ViewletBase):
    """A search box posting to @@disclosure-search (replaces Plone's bigram search box)."""

    index = ViewPageTemplateFile("templates/searchbox.pt")
