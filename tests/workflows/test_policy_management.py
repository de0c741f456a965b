"""Only the bureau decides where a review chain applies (状态 → 策略)."""

from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.workflow import policies
from plone import api

import pytest
import transaction


MANAGE = "CMFPlacefulWorkflow: Manage workflow policies"


def token_of(page):
    """The CSRF token plone.protect put into a form of the page."""
    return (
        page.text.split('name="_authenticator"', 1)[1]
        .split('value="', 1)[1]
        .split('"', 1)[0]
    )


@pytest.fixture
def leadership(demo_portal):
    """A subfolder of the catalogue under the full chain."""
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=demo_portal["disclosure"], type="Folder", id="leadership"
        )


class TestWhoManagesPolicies:
    @pytest.mark.parametrize(
        ("user", "allowed"),
        [
            ("admin", True),
            ("webmaster", True),
            ("collector", False),
            ("sectionhead", False),
            ("leader", False),
            ("editor", False),
            ("staff", False),
        ],
    )
    def test_on_a_folder_administrators_only(self, demo_portal, user, allowed):
        folder = demo_portal["disclosure"]
        if user == "admin":
            with api.env.adopt_roles(["Manager"]):
                assert api.user.get_permissions(obj=folder)[MANAGE]
            return
        assert api.user.has_permission(MANAGE, username=user, obj=folder) is allowed

    @pytest.mark.parametrize(
        "roles", [["Owner"], ["Manager"], ["Site Administrator"], ["Editor"]]
    )
    def test_on_an_item_nobody(self, demo_portal, make_item, roles):
        """Not the owner of a (folderish) item, and not even an administrator."""
        item = make_item(demo_portal["disclosure"])
        with api.env.adopt_roles(roles):
            assert not api.user.get_permissions(obj=item)[MANAGE]

    def test_the_collector_is_refused_the_form_on_his_draft(
        self, demo_functional_portal, make_item, demo_api
    ):
        item = make_item(demo_functional_portal["disclosure"])
        transaction.commit()
        collector = demo_api("collector", api=False)
        page = collector.get(
            f"/disclosure/{item.getId()}/@@placeful-workflow-configuration"
        )
        assert "insufficient-privileges" in page.url or "require_login" in page.url
        menu = collector.get(f"/disclosure/{item.getId()}").text
        assert "placeful-workflow-configuration" not in menu

    def test_only_the_bureaus_policies_are_offered(self, demo_portal):
        tool = api.portal.get_tool("portal_placeful_workflow")
        assert sorted(tool.getWorkflowPolicyIds()) == [
            "gov_disclosure_full",
            "gov_disclosure_short",
            "gov_internal_structure",
            "gov_public_structure",
            "gov_working_copy",
        ]


class TestChangingAPolicy:
    def test_refused_while_an_item_is_in_review(
        self, demo_portal, leadership, make_item, do_transition
    ):
        item = make_item(leadership)
        do_transition(item, "submit", "collector")
        refused = policies.refusal(leadership, "", "gov_disclosure_short")
        assert refused.field == "policy_below"
        assert "1 条信息正在审核中" in api.portal.translate(refused.message)

    def test_an_unknown_policy_is_refused(self, demo_portal, leadership):
        assert policies.refusal(leadership, "", "simple-publication").field == (
            "policy_below"
        )
        assert policies.refusal(leadership, "one-state", "").field == "policy_in"

    def test_items_keep_a_state_the_new_chain_has(
        self, demo_portal, leadership, make_item, do_transition
    ):
        published = make_item(leadership, title="已发布")
        published.disclosure_attribute = "proactive"
        for transition, user in (
            ("submit", "collector"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
            ("approve_disclosure", "discloser"),
            ("sign_off", "leader"),
            ("submit_entry", "clerk"),
            ("publish", "clerk"),
        ):
            do_transition(published, transition, user)
        draft = make_item(leadership, title="草稿")
        with api.env.adopt_user(username="webmaster"):
            assert policies.refusal(leadership, "", "gov_disclosure_short") is None
            moved = policies.change(leadership, "", "gov_disclosure_short")
        assert moved == 2
        workflow_tool = api.portal.get_tool("portal_workflow")
        assert workflow_tool.getChainFor(published) == (
            "gov_disclosure_short_workflow",
        )
        assert api.content.get_state(published) == "published"
        assert "Anonymous" in {
            p["name"] for p in published.rolesOfPermission("View") if p["selected"]
        }
        assert api.content.get_state(draft) == "collection"
        last = published.workflow_history["gov_disclosure_short_workflow"][-1]
        assert last["action"] == "change_policy"
        assert last["actor"] == "webmaster"
        assert "gov_disclosure_short" in last["comments"]
        folder_history = leadership.workflow_history["gov_public_container_workflow"]
        assert folder_history[-1]["action"] == "change_policy"

    def test_the_form_changes_it_and_the_journal_keeps_it(
        self, demo_functional_portal, demo_api
    ):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=demo_functional_portal["disclosure"],
                type="Folder",
                id="news2",
            )
        transaction.commit()
        webmaster = demo_api("webmaster", api=False)
        form_url = f"/disclosure/{folder.getId()}/@@placeful-workflow-configuration"
        webmaster.post(
            form_url,
            data={
                "add_wp_for_type": "1",
                "_authenticator": token_of(webmaster.get("/disclosure")),
            },
        )
        page = webmaster.get(form_url)
        assert "gov_disclosure_short" in page.text
        assert "simple-publication" not in page.text
        forged = webmaster.post(
            form_url, data={"submit": "Save", "policy_below": "gov_disclosure_short"}
        )
        assert forged.status_code == 403
        unknown = webmaster.post(
            form_url,
            data={
                "submit": "Save",
                "policy_below": "one-state",
                "_authenticator": token_of(page),
            },
        )
        assert unknown.status_code == 200
        assert "只能绑定本局的审核流程" in unknown.text
        done = webmaster.post(
            form_url,
            data={
                "submit": "Save",
                "policy_in": "",
                "policy_below": "gov_disclosure_short",
                "_authenticator": token_of(page),
            },
        )
        assert done.status_code == 200
        assert "审核流程已变更" in done.text
        transaction.begin()
        assert policies.current_policies(folder) == ("", "gov_disclosure_short")
        entries = get_journal().entries(
            record=folder.UID(), action="workflow_policy_change"
        )
        assert [e.actor for e in entries] == ["webmaster"]


def test_saving_unchanged_policies_records_nothing(demo_portal):
    news = demo_portal["disclosure"]["work-news"]
    history = list(news.workflow_history["gov_public_container_workflow"])
    with api.env.adopt_user(username="webmaster"):
        assert policies.change(news, *policies.current_policies(news)) == 0
    assert list(news.workflow_history["gov_public_container_workflow"]) == history
