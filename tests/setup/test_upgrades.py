"""Upgrade steps bring a site of an older profile version to the current one."""

from plone import api


PROFILE = "gov.infomgmt:default"


def test_1000_to_1001(portal):
    setup = api.portal.get_tool("portal_setup")
    # A site as version 1000 left it: no work-news section, no review chain bound.
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=portal["disclosure"]["work-news"])
    portal["disclosure"][".wf_policy_config"].setPolicyBelow("gov_public_structure")
    setup.setLastVersionForProfile(PROFILE, "1000")

    with api.env.adopt_roles(["Manager"]):  # upgrades run as an administrator
        setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    assert (
        portal["disclosure"][".wf_policy_config"].getPolicyBelowId()
        == "gov_disclosure_full"
    )
    news = portal["disclosure"]["work-news"]
    assert news[".wf_policy_config"].getPolicyBelowId() == "gov_disclosure_short"
    assert "gov_index_number" in api.portal.get_tool("portal_catalog").indexes()


def test_no_pending_upgrades(portal):
    setup = api.portal.get_tool("portal_setup")
    assert setup.listUpgrades(PROFILE) == []
