"""1012 → 1060: internal types leave the search page, whose type filter named them to anyone."""

from gov.infomgmt.security.search import hide_internal_types_from_search


def hide_internal_types(context):
    """Add the internal types to plone.types_not_searched, keeping the site's other entries."""
    hide_internal_types_from_search()
