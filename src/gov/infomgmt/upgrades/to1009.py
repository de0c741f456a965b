"""1008 → 1009: the public catalogue's shelves, one index for what listings ask."""

from plone import api


def index_catalogue_shelves(context):
    """Fill gov_catalogue for every GovernmentInformation (metadata stays as it is)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="GovernmentInformation")
    for count, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(),
            brain.getPath(),
            idxs=["gov_catalogue"],
            update_metadata=0,
        )
        if count % 5000 == 0:
            # Let the ZODB cache shed the items already indexed.
            api.portal.get()._p_jar.cacheGC()
