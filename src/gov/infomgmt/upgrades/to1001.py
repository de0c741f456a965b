"""1000 → 1001: disclosure items get their review chains in the disclosure sections."""

from gov.infomgmt.site_structure import ensure_structure
from plone import api


def bind_review_chains(context):
    """Create the work-news section and bind the full and short chains."""
    ensure_structure(api.portal.get())
