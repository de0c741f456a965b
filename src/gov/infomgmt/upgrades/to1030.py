"""1011 → 1030: the bureau alone binds review chains; the work-news chain decides and signs off."""

from plone import api


def remap_security(context):
    """Give existing items the new state permissions (chain management, the leader's step)."""
    api.portal.get_tool("portal_workflow").updateRoleMappings()
