"""1007 → 1008: the sections keep no explicit order of their items."""

from gov.infomgmt.site_structure import make_unordered
from gov.infomgmt.site_structure import SECTIONS
from plone import api


def unordered_sections(context):
    """Switch each fixed section to Plone's unordered folder and drop its id list."""
    portal = api.portal.get()
    for section in SECTIONS:
        container = portal[section.parent] if section.parent else portal
        if section.id in container:
            make_unordered(container[section.id])
