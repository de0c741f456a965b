"""Test layers: the add-on installed on a Plone site, with and without the demo profile."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import gov.infomgmt
import transaction


class GovInfomgmtLayer(PloneSandboxLayer):
    """The add-on's default profile on a fresh Plone site."""

    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        """Load the add-on's ZCML, which pulls in its dependencies'."""
        self.loadZCML(package=gov.infomgmt)

    def setUpPloneSite(self, portal):
        """Install the add-on as the site creation script does."""
        applyProfile(portal, "gov.infomgmt:default")
        # A bureau that has entered its code (no sign-off is given with the placeholder).
        portal.portal_registry["gov.infomgmt.disclosure.organisation_code"] = (
            "11450800MB1530126F"
        )
        # plone.testing swallows an error of its own commit: commit here to see it.
        transaction.commit()

    def testSetUp(self):
        """Each test sees its own site's chrome, not fragments kept from another test."""
        from gov.infomgmt.browser.chrome import invalidate_fragments

        invalidate_fragments()


FIXTURE = GovInfomgmtLayer()


class GovInfomgmtDemoLayer(PloneSandboxLayer):
    """The add-on with its demo users and example content."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        """Apply the demo profile on top of the default one."""
        applyProfile(portal, "gov.infomgmt:demo")
        transaction.commit()


DEMO_FIXTURE = GovInfomgmtDemoLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="GovInfomgmtLayer:IntegrationTesting"
)
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="GovInfomgmtLayer:FunctionalTesting"
)
DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(DEMO_FIXTURE,), name="GovInfomgmtDemoLayer:IntegrationTesting"
)
DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE),
    name="GovInfomgmtDemoLayer:FunctionalTesting",
)
