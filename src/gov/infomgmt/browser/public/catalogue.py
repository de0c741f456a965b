"""法定主动公开内容: the category tree with counts and the catalogue table."""

from gov.infomgmt import catalogue
from gov.infomgmt import query_parameters as parameters
from gov.infomgmt.browser.public.bad_parameter import bad_parameter_page
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from gov.infomgmt.vocabularies.disclosure import VALIDITY
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


BATCH_SIZE = 20


class CatalogueView(BrowserView):
    """The table of current items, filtered by category, year and issuing organ."""

    index = ViewPageTemplateFile("templates/catalogue.pt")

    def __call__(self):
        """Read the filters, query once, render."""
        # The category tree takes the place of the navigation portlet.
        self.request.set("disable_plone.leftcolumn", True)
        form = self.request.form
        categories = dict(CATEGORIES)
        try:
            self.category = parameters.choice(form, "category", list(categories))
            self.year = parameters.year(form)
            self.organ = parameters.text(form, "organ")
            self.include_invalid = parameters.single(form, "all") == "1"
            self.sort = parameters.choice(form, "sort", list(catalogue.SORTS)) or "date"
            start = parameters.start(form)
        except parameters.BadParameter as error:
            return bad_parameter_page(self, error)
        query = catalogue.listing_query(
            category=self.category,
            year=self.year,
            organ=self.organ,
            include_invalid=self.include_invalid,
            sort=self.sort,
        )
        # Sort only as far as this page: the catalog keeps the best N instead of
        # sorting thousands (the full count stays in actual_result_count).
        query["sort_limit"] = start + BATCH_SIZE
        results = catalogue.search(**query)
        self.batch = Batch(results, BATCH_SIZE, start)
        self.total = getattr(results, "actual_result_count", len(results))
        self.category_title = categories.get(self.category)
        return self.index()

    def categories(self):
        """The category tree: (id, title, count)."""
        return catalogue.category_counts(self.include_invalid)

    def years(self):
        """Years to filter by."""
        return catalogue.years()

    def organs(self):
        """Issuing organs to filter by."""
        return catalogue.organs()

    def url(self, **changes):
        """This page's address with some filters changed (None removes one)."""
        params = {
            "category": self.category,
            "year": self.year,
            "organ": self.organ,
            "all": "1" if self.include_invalid else None,
            "sort": self.sort if self.sort != "date" else None,
        }
        params.update(changes)
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        base = f"{self.context.absolute_url()}/@@catalogue"
        return f"{base}?{query}" if query else base

    def feed_url(self, kind):
        """The RSS or Atom feed of the category shown (of all items without one)."""
        base = f"{self.context.absolute_url()}/@@catalogue-{kind}.xml"
        return f"{base}?category={self.category}" if self.category else base

    def validity_title(self, value):
        """有效 / 失效 / 废止."""
        return dict(VALIDITY).get(value, value)

    def date(self, value):
        """A generation date as YYYY-MM-DD."""
        return value.isoformat() if value else ""
