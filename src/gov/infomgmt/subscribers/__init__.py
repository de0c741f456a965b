"""Event subscribers of gov.infomgmt that belong to no workflow."""

from gov.infomgmt.content.government_information import default_category
from plone import api


def fill_category_from_folder(obj, event):
    """An item created without a category (e.g. by a script) takes its folder's."""
    if not getattr(obj, "category", None):
        category = default_category(obj)
        if category:
            obj.category = category


def reindex_reviewers_below(obj, event):
    """Sharing changed on a folder: who may act on the items below it changed too."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(obj.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        portal_type="GovernmentInformation", path=path
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["gov_reviewers"])
