"""Fixtures for the gov.infomgmt test suite (pytest-plone)."""

import os
import tempfile


# Compile the .po files when the ZCML registers them, as the server does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
# The enforcement journal of the test run, in a scratch SQLite file.
os.environ.setdefault(
    "GOV_JOURNAL_DSN", f"sqlite:///{os.path.join(tempfile.mkdtemp(), 'journal.sqlite')}"
)

# The instance's secrets (the journal's key, its head file), in a scratch folder.
os.environ.setdefault("GOV_SECRETS_DIR", tempfile.mkdtemp(prefix="secrets-"))

from gov.infomgmt.testing import DEMO_FUNCTIONAL_TESTING
from gov.infomgmt.testing import DEMO_INTEGRATION_TESTING
from gov.infomgmt.testing import FUNCTIONAL_TESTING
from gov.infomgmt.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
        )
    )
)


@pytest.fixture(scope="session")
def package_name() -> str:
    """The distribution under test, for pytest-plone's install fixtures."""
    return "gov.infomgmt"


DEMO_PASSWORD = "demo-2026"

# The demo users who hold each duty on the disclosure catalogue (see the demo profile).
DUTY_USERS = {
    "InfoCollector": "collector",
    "SectionHead": "sectionhead",
    "SecrecyReviewer": "secrecy",
    "DisclosureReviewer": "discloser",
    "BureauLeader": "leader",
    "EntryClerk": "clerk",
}


@pytest.fixture
def make_item():
    """Create a disclosure item as a given user (the collector by default)."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    def factory(container, user="collector", **fields):
        values = {
            "title": "关于做好2026年档案工作的通知",
            "category": "work-news",
            "responsible_section": "办公室",
            "text": RichTextValue("<p>正文内容。</p>", "text/html", "text/x-html-safe"),
        }
        values.update(fields)
        with api.env.adopt_user(username=user):
            return api.content.create(
                container=container, type="GovernmentInformation", **values
            )

    return factory


@pytest.fixture
def do_transition():
    """Run a transition as a given user, as the workflow menu would."""
    from plone import api

    def run(obj, transition, user, comment="同意"):
        with api.env.adopt_user(username=user):
            api.content.transition(obj=obj, transition=transition, comment=comment)
        return api.content.get_state(obj)

    return run


@pytest.fixture
def demo_portal(demo_integration):
    """The site with the demo users, groups and example items (integration layer)."""
    return demo_integration["portal"]


@pytest.fixture
def demo_functional_portal(demo_functional):
    """The demo site served over HTTP; commit changes for the server to see them."""
    return demo_functional["portal"]


@pytest.fixture
def demo_api(demo_functional_portal, request):
    """A REST session on the demo site as a demo user (or anonymous with user=None)."""
    from pytest_plone.fixtures.requests import RelativeSession

    def factory(user=None, api=True):
        base = demo_functional_portal.absolute_url() + ("/++api++" if api else "")
        session = RelativeSession(base)
        session.headers["Accept"] = "application/json" if api else "text/html"
        if user:
            session.auth = (user, DEMO_PASSWORD)
        request.addfinalizer(session.close)
        return session

    return factory


@pytest.fixture
def mailbox(demo_portal):
    """Catch the site's mail: returns the list of sent messages (email.message objects)."""
    from email import message_from_bytes
    from plone import api
    from plone.app.testing.utils import MockMailHost
    from Products.MailHost.interfaces import IMailHost
    from zope.component import getSiteManager

    api.portal.set_registry_record("plone.email_from_address", "xxgk@example.org")
    api.portal.set_registry_record("plone.email_from_name", "政府信息公开平台")
    mailhost = MockMailHost("MailHost")
    demo_portal.MailHost = mailhost
    site_manager = getSiteManager(demo_portal)
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(mailhost, provided=IMailHost)

    class Mailbox(list):
        def refresh(self):
            self[:] = [message_from_bytes(m) for m in mailhost.messages]
            return self

    return Mailbox()


@pytest.fixture(scope="session")
def file_server(tmp_path_factory):
    """The demo site on the embedded FileStorage, one Zope process."""
    from tests.servers import ZopeInstance

    instance = ZopeInstance(tmp_path_factory.mktemp("filestorage-instance"))
    instance.create_site(demo=True)
    instance.start()
    yield instance
    instance.stop()
