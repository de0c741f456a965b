"""1006 → 1007: the public catalogue without Plone's navigation tree."""

from gov.infomgmt.site_structure import block_navigation_portlet
from plone import api


def catalogue_without_navigation_tree(context):
    """The public catalogue navigates by its categories, not by Plone's tree."""
    block_navigation_portlet(api.portal.get()["disclosure"])
