"""Where an item lies decides its review chain: placeful workflow policies."""

from plone import api

import pytest


def chain_of(obj):
    return list(api.portal.get_tool("portal_workflow").getChainFor(obj))


def bind(folder, below):
    """Bind a policy below a folder, as the placeful workflow form does."""
    folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    folder[".wf_policy_config"].setPolicyBelow(below, update_security=True)


class TestPolicies:
    def test_disclosure_takes_the_full_chain(self, demo_portal, make_item):
        item = make_item(demo_portal["disclosure"])
        assert chain_of(item) == ["gov_disclosure_workflow"]

    def test_work_news_takes_the_short_chain(self, demo_portal, make_item):
        item = make_item(demo_portal["disclosure"]["work-news"])
        assert chain_of(item) == ["gov_disclosure_short_workflow"]

    def test_folders_stay_public_structure(self, demo_portal):
        assert chain_of(demo_portal["disclosure"]) == ["gov_public_container_workflow"]
        assert chain_of(demo_portal["disclosure"]["work-news"]) == [
            "gov_public_container_workflow"
        ]

    def test_outside_any_policy_the_full_chain_applies(self, demo_portal, make_item):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=demo_portal, type="Folder", id="elsewhere"
            )
            # outside the catalogue, adding needs Plone's own Contributor role too
            api.user.grant_roles(
                username="collector", obj=folder, roles=["InfoCollector", "Contributor"]
            )
        item = make_item(folder)
        assert chain_of(item) == ["gov_disclosure_workflow"]

    def test_binding_a_new_folder_changes_the_chain(
        self, demo_portal, make_item, do_transition
    ):
        disclosure = demo_portal["disclosure"]
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=disclosure, type="Folder", id="leadership"
            )
        before = make_item(folder, title="之前")
        assert chain_of(before) == ["gov_disclosure_workflow"]
        with api.env.adopt_roles(["Manager"]):
            bind(folder, "gov_disclosure_short")
        after = make_item(folder, title="之后")
        assert chain_of(after) == ["gov_disclosure_short_workflow"]
        # the short chain: the delegated leader decides, signs off and publishes
        after.disclosure_attribute = "proactive"
        for transition, user in (
            ("submit", "collector"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
            ("approve_and_publish", "discloser"),
        ):
            do_transition(after, transition, user)
        assert api.content.get_state(after) == "published"

    @pytest.mark.parametrize("policy", ["gov_disclosure_full", "gov_disclosure_short"])
    def test_attachments_follow_their_item(self, demo_portal, policy):
        tool = api.portal.get_tool("portal_placeful_workflow")
        chain = tool.getWorkflowPolicyById(policy).getChainFor("File")
        assert tuple(chain) == ()

    def test_policies_offered_to_administrators(self, demo_portal):
        tool = api.portal.get_tool("portal_placeful_workflow")
        ids = set(tool.getWorkflowPolicyIds())
        assert {"gov_disclosure_full", "gov_disclosure_short"} <= ids
