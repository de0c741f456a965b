"""1011 → 1050: soft matching and normalised words in the disclosure search; the synonym setting."""

from gov.infomgmt.controlpanels.disclosure import IDisclosureSettings
from gov.infomgmt.search import INDEX
from gov.infomgmt.search.index import use_soft_index
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def soft_normalised_search(context):
    """Make the search index soft, add the synonym list, and index the text in its new form."""
    catalog = api.portal.get_tool("portal_catalog")
    use_soft_index(catalog, INDEX)
    # Adds the new record with its default; saved settings keep their values.
    getUtility(IRegistry).registerInterface(
        IDisclosureSettings, prefix="gov.infomgmt.disclosure"
    )
    # Numerals, widths, brackets and traditional characters are indexed in one form now.
    brains = catalog.unrestrictedSearchResults(portal_type="GovernmentInformation")
    for count, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(),
            brain.getPath(),
            idxs=[INDEX],
            update_metadata=0,
        )
        if count % 5000 == 0:
            api.portal.get()._p_jar.cacheGC()
