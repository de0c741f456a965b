"""Shared by upgrade steps: index the full text of every disclosure item again."""

from gov.infomgmt.search import INDEX
from plone import api


def reindex_full_text():
    """Catalogue the search index of every item again, freeing the cache as it goes."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="GovernmentInformation")
    for count, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(),
            brain.getPath(),
            idxs=[INDEX],
            update_metadata=0,
        )
        # an upgrade of 100,000 items would otherwise hold them all in memory
        if count % 5000 == 0:
            api.portal.get()._p_jar.cacheGC()
