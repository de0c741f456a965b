"""GET @disclosure-catalogue: the public catalogue, filtered and batched, from catalog metadata.

Parameters: category, year, organ, q (Chinese full text), include_invalid=1,
sort (date, date-asc, title, index), b_start, b_size (at most 100). A bad value is
answered with 400 and the name of the parameter. With ``q`` the answer also says, under
``search``, which words were looked for, set aside and found in no item, the closest
matches when nothing matched, and where to request information.
"""

from gov.infomgmt import catalogue
from gov.infomgmt import catalogue_search
from gov.infomgmt import query_parameters as parameters
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from gov.infomgmt.vocabularies.disclosure import VALIDITY
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zope.i18n import translate


MAX_BATCH = 100


class DisclosureCatalogueGet(Service):
    """The public catalogue: only published, proactively disclosed items."""

    def reply(self):
        """Items of the asked page with their header-table metadata."""
        form = self.request.form
        try:
            query = self.query(form)
            b_start = parameters.start(form)
            b_size = parameters.whole_number(form, "b_size", 25, 1, MAX_BATCH)
        except parameters.BadParameter as error:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": error.name,
                    "message": translate(error.message, context=self.request),
                }
            }
        results = catalogue.search(**query) if query else []
        page = results[b_start : b_start + b_size]
        answer = {
            "@id": f"{self.context.absolute_url()}/@disclosure-catalogue",
            "items_total": len(results),
            "b_start": b_start,
            "b_size": b_size,
            "items": [self.item(brain) for brain in page],
        }
        text = (parameters.text(form, "q") or "").strip()
        if text:
            answer["search"] = self.around(text, form, results)
        return json_compatible(answer)

    def around(self, text, form, results):
        """What the search page says around its results, as data."""
        analysis = catalogue.text_index().analyse(text)
        filters = {
            # query() has checked these parameters already
            "category": parameters.choice(form, "category", list(dict(CATEGORIES))),
            "year": parameters.year(form),
            "include_invalid": parameters.single(form, "include_invalid")
            in ("1", "true"),
        }
        return {
            "words": analysis.words,
            "ignored": analysis.ignored,
            "not_found": (
                catalogue_search.words_not_found(analysis, **filters)
                if results
                else analysis.words
            ),
            "closest": (
                []
                if results
                else [
                    self.item(brain)
                    for brain in catalogue_search.closest_matches(text, **filters)
                ]
            ),
            "request_form": catalogue_search.request_form_url(),
        }

    def query(self, form):
        """The catalog query for the parameters."""
        category = parameters.choice(form, "category", list(dict(CATEGORIES)))
        sort = parameters.choice(form, "sort", list(catalogue.SORTS)) or "date"
        year = parameters.year(form)
        include_invalid = parameters.single(form, "include_invalid") in ("1", "true")
        organ = parameters.text(form, "organ")
        text = parameters.text(form, "q")
        if text:
            return catalogue.text_search_query(
                text, category=category, year=year, include_invalid=include_invalid
            )
        return catalogue.listing_query(
            category=category,
            year=year,
            organ=organ,
            include_invalid=include_invalid,
            sort=sort,
        )

    def item(self, brain):
        """One row of the catalogue."""
        categories, validity = dict(CATEGORIES), dict(VALIDITY)
        return {
            "@id": brain.getURL(),
            "title": brain.Title,
            "index_number": brain.gov_index_number,
            "category": {
                "token": brain.gov_category,
                "title": translate(
                    categories.get(brain.gov_category, ""), context=self.request
                ),
            },
            "issuing_organ": brain.gov_issuing_organ,
            "document_number": brain.gov_document_number,
            "generation_date": brain.gov_generation_date,
            "validity": {
                "token": brain.gov_validity,
                "title": translate(
                    validity.get(brain.gov_validity, ""), context=self.request
                ),
            },
            "summary": brain.gov_summary,
        }
