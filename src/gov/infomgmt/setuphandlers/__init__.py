"""Install and uninstall handlers of the add-on's profiles."""

from gov.infomgmt.site_structure import ensure_structure
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Profiles that the add-ons control panel does not offer."""

    def getNonInstallableProfiles(self):
        """Hide the uninstall profile (the installer runs it) and the proxy one (make cluster)."""
        return ["gov.infomgmt:uninstall", "gov.infomgmt:caching-proxy"]

    def getNonInstallableProducts(self):
        """Hide nothing at product level."""
        return []


def post_install(context):
    """Set the site's language and create its fixed sections."""
    portal = api.portal.get()
    # The registry holds the UI language; the root's own Language field
    # decides what the site root and new content are tagged with.
    portal.setLanguage("zh-cn")
    ensure_structure(portal)


def uninstall(context):
    """Leave content in place: the bureau's records outlive the add-on; restore the front page."""
    portal = api.portal.get()
    if portal.getLayout() == "gov-front-page":
        portal.setLayout("view")
