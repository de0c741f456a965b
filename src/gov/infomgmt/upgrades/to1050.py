"""1011 → 1050: soft matching and normalised words in the disclosure search; the synonym setting."""

from gov.infomgmt.controlpanels.disclosure import IDisclosureSettings
from gov.infomgmt.search import INDEX
from gov.infomgmt.search.index import use_soft_index
from gov.infomgmt.upgrades.full_text import reindex_full_text
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
    reindex_full_text()
