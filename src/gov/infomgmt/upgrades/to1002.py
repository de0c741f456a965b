"""1001 → 1002: the entry clock and the task lists get their catalog indexes."""

from gov.infomgmt.deadlines import start_entry_clock
from gov.infomgmt.vocabularies.disclosure import PROACTIVE
from plone import api


NEW_INDEXES = ["gov_deadline", "gov_stage_since", "gov_reviewers", "gov_signoff_due"]


def start_clocks_and_reindex(context):
    """Give items already signed off their deadline, then fill the new indexes and columns."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="GovernmentInformation"):
        obj = brain._unrestrictedGetObject()
        if (
            obj.generation_date
            and obj.disclosure_attribute == PROACTIVE
            and getattr(obj, "publication_deadline", None) is None
        ):
            start_entry_clock(obj, obj.generation_date)
            if api.content.get_state(obj) == "published":
                obj.published_on = obj.generation_date
        # indexing named indexes also refreshes the item's metadata columns
        obj.reindexObject(idxs=NEW_INDEXES)
