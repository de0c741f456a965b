"""Upgrade steps bring a site of an older profile version to the current one."""

from datetime import date
from plone import api


PROFILE = "gov.infomgmt:default"


def test_from_1000(portal):
    setup = api.portal.get_tool("portal_setup")
    # A site as version 1000 left it: no work-news section, no review chain bound.
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=portal["disclosure"]["work-news"])
    portal["disclosure"][".wf_policy_config"].setPolicyBelow("gov_public_structure")
    setup.setLastVersionForProfile(PROFILE, "1000")

    with api.env.adopt_roles(["Manager"]):  # upgrades run as an administrator
        setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1007",)
    assert (
        portal["disclosure"][".wf_policy_config"].getPolicyBelowId()
        == "gov_disclosure_full"
    )
    news = portal["disclosure"]["work-news"]
    assert news[".wf_policy_config"].getPolicyBelowId() == "gov_disclosure_short"
    assert "gov_index_number" in api.portal.get_tool("portal_catalog").indexes()


def test_1001_to_1002_starts_the_clock(demo_portal):
    """An item signed off before the clock existed gets its deadline from its sign-off date."""
    setup = api.portal.get_tool("portal_setup")
    item = demo_portal["disclosure"]["work-priorities-2026"]
    item.generation_date = date(2025, 9, 26)
    del item.publication_deadline
    item.published_on = None
    setup.setLastVersionForProfile(PROFILE, "1001")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert item.publication_deadline == date(2025, 10, 30)
    catalog = api.portal.get_tool("portal_catalog")
    assert (
        catalog.unrestrictedSearchResults(gov_deadline=date(2025, 10, 30))[0].id
        == item.getId()
    )


def test_no_pending_upgrades(portal):
    setup = api.portal.get_tool("portal_setup")
    assert setup.listUpgrades(PROFILE) == []


def test_1007_takes_the_navigation_tree_out_of_the_catalogue(portal):
    from plone.portlets.constants import CONTEXT_CATEGORY
    from plone.portlets.interfaces import ILocalPortletAssignmentManager
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager = getUtility(IPortletManager, name="plone.leftcolumn")
    local = getMultiAdapter(
        (portal["disclosure"], manager), ILocalPortletAssignmentManager
    )
    local.setBlacklistStatus(CONTEXT_CATEGORY, None)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1006")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert local.getBlacklistStatus(CONTEXT_CATEGORY) is True


def test_no_events_portlet(portal):
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    right = getUtility(IPortletManager, name="plone.rightcolumn")
    assert "events" not in getMultiAdapter((portal, right), IPortletAssignmentMapping)
