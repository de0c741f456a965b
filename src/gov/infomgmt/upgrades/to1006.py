"""1005 → 1006: items are found by their numbers and keywords too; summaries from the raw text."""

from gov.infomgmt.search import INDEX
from plone import api


def reindex_searchable_text(context):
    """Reindex the full text of every GovernmentInformation (its indexer changed)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="GovernmentInformation"):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["SearchableText", INDEX, "gov_summary"]
        )
