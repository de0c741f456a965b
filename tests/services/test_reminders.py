"""@disclosure-reminders, as a daily timer calls it: each item once a day, admins only."""

from gov.infomgmt.clock import today_in_china
from gov.infomgmt.clock.entered_years import site_calendar
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from pytest_plone.fixtures.requests import RelativeSession
from zope.component import getSiteManager

import pytest
import transaction


@pytest.fixture
def near_deadline(demo_functional_portal):
    """A signed-off item whose deadline is one working day away, and a mailbox."""
    portal = demo_functional_portal
    api.portal.set_registry_record("plone.email_from_address", "xxgk@example.org")
    portal.MailHost = mailhost = MockMailHost("MailHost")
    site_manager = getSiteManager(portal)
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(mailhost, provided=IMailHost)
    item = portal["disclosure"]["budget-2026"]
    item.disclosure_attribute = "proactive"
    for transition, user in (
        ("approve_disclosure", "discloser"),
        ("sign_off", "leader"),
    ):
        with api.env.adopt_user(username=user):
            api.content.transition(obj=item, transition=transition, comment="同意")
    item.publication_deadline = site_calendar().add_working_days(today_in_china(), 1)
    item.reindexObject()
    transaction.commit()
    return mailhost


def post(portal, auth):
    with RelativeSession(portal.absolute_url() + "/++api++") as session:
        session.headers["Accept"] = "application/json"
        session.auth = auth
        return session.post("/@disclosure-reminders")


def test_once_a_day(demo_functional_portal, near_deadline):
    before = len(near_deadline.messages)  # the stage notifications of the set-up
    first = post(demo_functional_portal, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert first.status_code == 200
    reminded = first.json()["reminded"]
    assert [
        (r["title"], r["working_days_left"], r["recipients"]) for r in reminded
    ] == [("局机关2026年部门预算", 1, ["clerk@example.org"])]
    second = post(demo_functional_portal, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert second.json()["reminded"] == []
    transaction.begin()
    assert len(near_deadline.messages) == before + 1
    assert (
        "=E4=B8=B4=E8=BF=91=E6=9C=9F=E9=99=90" in near_deadline.messages[-1].decode()
    )  # 临近期限


def test_only_administrators(demo_functional_portal, near_deadline):
    assert post(demo_functional_portal, ("leader", "demo-2026")).status_code in (
        401,
        403,
    )
    assert post(demo_functional_portal, None).status_code == 401
