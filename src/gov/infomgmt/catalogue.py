"""The public disclosure catalogue (主动公开目录): what anonymous visitors may list and find.

Every query here asks for published, proactively disclosed items only, on top of the
catalog's own security filter, and reads catalog metadata, never objects.
"""

from datetime import date
from gov.infomgmt.search import INDEX as TEXT_INDEX
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from plone import api
from plone.memoize import ram


SORTS = {
    "date": ("gov_generation_date", "descending"),
    "date-asc": ("gov_generation_date", "ascending"),
    "title": ("sortable_title", "ascending"),
    "index": ("gov_index_number", "ascending"),
}


def shelves(category, valid):
    """The catalogue shelves of a published, proactively disclosed item (gov_catalogue)."""
    names = ["public", f"public:{category}"]
    if valid:
        names += [f"{name}:valid" for name in names]
    return names


def shelf(category=None, include_invalid=False):
    """The one shelf a listing reads: the whole catalogue or a category, current or all."""
    name = f"public:{category}" if category else "public"
    return name if include_invalid else f"{name}:valid"


def base_query(include_invalid=False, category=None):
    """Published, proactively disclosed items; current (有效) ones unless asked otherwise."""
    return {"gov_catalogue": shelf(category, include_invalid)}


def listing_query(
    category=None, year=None, organ=None, include_invalid=False, sort="date"
):
    """The catalog query of one page of the catalogue table."""
    query = base_query(include_invalid, category)
    if year:
        query["gov_generation_date"] = {
            "query": [date(year, 1, 1), date(year, 12, 31)],
            "range": "min:max",
        }
    if organ:
        query["gov_issuing_organ"] = organ
    sort_on, sort_order = SORTS.get(sort, SORTS["date"])
    query["sort_on"] = sort_on
    query["sort_order"] = sort_order
    return query


def search(**query):
    """Run a query with the catalog's security filter (what the current user may see)."""
    return api.portal.get_tool("portal_catalog")(**query)


def _aggregate_key(func, *args, **kwargs):
    """Aggregates change only when the catalog does; anonymous visitors and staff may differ
    (staff also see items whose effective date lies ahead)."""
    catalog = api.portal.get_tool("portal_catalog")
    return (
        func.__name__,
        "/".join(catalog.getPhysicalPath()),
        catalog.getCounter(),
        api.user.is_anonymous(),
        args,
        tuple(sorted(kwargs.items())),
    )


@ram.cache(_aggregate_key)
def category_counts(include_invalid=False):
    """(category id, title message, count) for the 14 categories, in the regulation's order."""
    return [
        (value, title, len(search(**base_query(include_invalid, value))))
        for value, title in CATEGORIES
    ]


@ram.cache(_aggregate_key)
def years():
    """The years of the published items, newest first."""
    query = base_query(include_invalid=True)
    newest = search(
        sort_on="gov_generation_date", sort_order="descending", sort_limit=1, **query
    )
    oldest = search(
        sort_on="gov_generation_date", sort_order="ascending", sort_limit=1, **query
    )
    if not newest or not oldest:
        return []
    first, last = oldest[0].gov_generation_date, newest[0].gov_generation_date
    return list(range(last.year, first.year - 1, -1))


@ram.cache(_aggregate_key)
def organs():
    """The issuing organs of published items, in name order."""
    catalog = api.portal.get_tool("portal_catalog")
    values = catalog._catalog.getIndex("gov_issuing_organ").uniqueValues()
    return sorted(
        value
        for value in values
        if value and len(search(gov_issuing_organ=value, **base_query()))
    )


def text_index():
    """The disclosure search's full-text index (gov.infomgmt.search.index.SoftTextIndex)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog._catalog.getIndex(TEXT_INDEX)


def text_search_query(text, category=None, year=None, include_invalid=False):
    """The catalog query of a Chinese full-text search, best matches first; None if empty.

    Soft: a document with only some of the words is found after those with all of them.
    """
    if not text_index().analyse(text).concepts:
        return None
    query = listing_query(category=category, year=year, include_invalid=include_invalid)
    del query["sort_on"], query["sort_order"]  # relevance
    query[TEXT_INDEX] = {"query": text, "soft": True}
    return query
