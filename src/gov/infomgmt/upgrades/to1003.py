"""1002 → 1003: the public website's pages and its Chinese search index."""

from gov.infomgmt.search import INDEX
from gov.infomgmt.site_structure import ensure_pages
from plone import api


def pages_and_search_index(context):
    """Create the standard pages, then fill the jieba text index and the summaries."""
    ensure_pages(api.portal.get())
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=[INDEX])
    for brain in catalog.unrestrictedSearchResults(portal_type="GovernmentInformation"):
        brain._unrestrictedGetObject().reindexObject(idxs=["gov_summary"])
