"""1011 → 1030: the bureau alone binds review chains; the work-news chain decides and signs off."""

from gov.infomgmt.site_structure import DISCLOSURE
from gov.infomgmt.site_structure import restrict_types
from gov.infomgmt.site_structure import WORK_NEWS
from plone import api


def remap_security(context):
    """Give existing items the new state permissions (chain management, the leader's step)."""
    api.portal.get_tool("portal_workflow").updateRoleMappings()


def restrict_public_types(context):
    """The public sections accept items, and their structure and pages, nothing else."""
    disclosure = api.portal.get().get(DISCLOSURE.id)
    if disclosure is None:
        return
    for folder in (disclosure, disclosure.get(WORK_NEWS.id)):
        if folder is not None:
            restrict_types(folder, DISCLOSURE.allowed_types)
