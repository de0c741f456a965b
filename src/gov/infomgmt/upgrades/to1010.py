"""1009 → 1010: public pages without social-network metadata."""

from plone import api


def no_social_tags(context):
    """Switch off Plone's Open Graph, Twitter and Facebook tags (one setting, no other)."""
    api.portal.set_registry_record("plone.share_social_data", False)
