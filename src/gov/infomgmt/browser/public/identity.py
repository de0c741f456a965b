"""The bureau's header and footer on every page."""

from gov.infomgmt import _
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


PREFIX = "gov.infomgmt.site"


def identity(name):
    """One record of the site identity settings."""
    return api.portal.get_registry_record(f"{PREFIX}.{name}", default="") or ""


class IdentityViewlet(ViewletBase):
    """The header: the bureau's name and the portal's, linking home (replaces Plone's logo)."""

    index = ViewPageTemplateFile("templates/identity.pt")

    def update(self):
        """Read the names once."""
        super().update()
        self.bureau_name = identity("bureau_name")
        self.portal_name = identity("portal_name")


class FooterView(BrowserView):
    """The footer's first block: host, contact, record numbers (replaces Plone's copyright)."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def __call__(self):
        """Render the block."""
        return self.index()

    def lines(self):
        """(label message, value) of the filled-in footer lines."""
        entries = [
            (_("Host:"), identity("host")),
            (_("Address:"), identity("address")),
            (_("Telephone:"), identity("phone")),
            (_("Website code:"), identity("site_code")),
            (_("ICP record:"), identity("icp_record")),
            (_("Public security record:"), identity("police_record")),
        ]
        return [(label, value) for label, value in entries if value]
