"""The front page of the disclosure portal: search, the categories, the newest items."""

from gov.infomgmt import catalogue
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


NEWEST = 10


class FrontPageView(BrowserView):
    """What a citizen looks for first, all from catalog metadata."""

    index = ViewPageTemplateFile("templates/front.pt")

    def __call__(self):
        """Render the page."""
        self.request.set("disable_plone.leftcolumn", True)
        self.request.set("disable_plone.rightcolumn", True)
        return self.index()

    def categories(self):
        """(id, title, count) of the 14 categories."""
        return catalogue.category_counts()

    def newest(self):
        """The newest published items."""
        query = catalogue.listing_query()
        query["sort_limit"] = NEWEST
        return catalogue.search(**query)[:NEWEST]

    def disclosure_url(self):
        """The address of the disclosure section."""
        return f"{self.context.absolute_url()}/disclosure"

    def date(self, value):
        """A generation date as YYYY-MM-DD."""
        return value.isoformat() if value else ""
