"""Search of the disclosure catalogue in Chinese: words, not bigrams; best matches first."""

from gov.infomgmt import catalogue
from gov.infomgmt import catalogue_search
from gov.infomgmt import query_parameters as parameters
from gov.infomgmt.browser.public.bad_parameter import bad_parameter_page
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import html
import re


BATCH_SIZE = 20
SNIPPET_LENGTH = 120


def snippet(text, words, length=SNIPPET_LENGTH):
    """HTML: a piece of the text around the first query word, the words marked with <mark>."""
    text = " ".join((text or "").split())
    lowered = text.lower()
    positions = [
        lowered.find(word) for word in words if word and lowered.find(word) >= 0
    ]
    start = max(min(positions) - length // 4, 0) if positions else 0
    piece = html.escape(text[start : start + length])
    found = [html.escape(word) for word in sorted(words, key=len, reverse=True) if word]
    if found:
        pattern = re.compile("|".join(re.escape(word) for word in found), re.IGNORECASE)
        piece = pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", piece)
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return prefix + piece + suffix


class DisclosureSearchView(BrowserView):
    """The public search page: results, their count, snippets, filters, a helpful empty state.

    Around the results it says which words it looked for, which it set aside and which no
    item holds; with no result it offers the closest matches and the request form.
    """

    index = ViewPageTemplateFile("templates/search.pt")

    def __call__(self):
        """Search once, render."""
        self.request.set("disable_plone.leftcolumn", True)
        form = self.request.form
        try:
            self.text = parameters.text(form, "q") or ""
            self.category = parameters.choice(form, "category", list(dict(CATEGORIES)))
            self.year = parameters.year(form)
            start = parameters.start(form)
        except parameters.BadParameter as error:
            return bad_parameter_page(self, error)
        self.analysis = catalogue.text_index().analyse(self.text)
        self.words = self.analysis.words
        query = catalogue.text_search_query(
            self.text, category=self.category, year=self.year
        )
        results = catalogue.search(**query) if query else []
        filters = {"category": self.category, "year": self.year}
        self.not_found = (
            catalogue_search.words_not_found(self.analysis, **filters)
            if results
            else self.words
        )
        self.closest = (
            catalogue_search.closest_matches(self.text, **filters)
            if self.text and not results
            else []
        )
        self.request_form_url = catalogue_search.request_form_url()
        self.total = len(results)
        self.batch = Batch(results, BATCH_SIZE, start)
        return self.index()

    def snippet(self, brain):
        """The marked piece of the description (or title) that matched."""
        return snippet(brain.gov_summary or brain.Title, self.words)

    def categories(self):
        """Categories to filter by."""
        return CATEGORIES

    def years(self):
        """Years to filter by."""
        return catalogue.years()

    def date(self, value):
        """A generation date as YYYY-MM-DD."""
        return value.isoformat() if value else ""
