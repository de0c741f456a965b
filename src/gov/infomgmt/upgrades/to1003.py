"""1002 → 1003: the public website's pages and its Chinese search index."""

from gov.infomgmt.search import INDEX
from gov.infomgmt.site_structure import ensure_pages
from plone import api


def pages_and_search_index(context):
    """Caching rules, the standard pages, then the jieba text index and the summaries."""
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile(
        "profile-plone.app.caching:without-caching-proxy"
    )
    ensure_pages(api.portal.get())
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=[INDEX])
    for brain in catalog.unrestrictedSearchResults(portal_type="GovernmentInformation"):
        brain._unrestrictedGetObject().reindexObject(idxs=["gov_summary"])
