"""One item through the whole review as the six duty holders, and every refusal on the way."""

from datetime import datetime
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from zoneinfo import ZoneInfo

import pytest


FULL_WALK = [
    ("submit", "collector", "content_review"),
    ("approve_content", "sectionhead", "secrecy_review"),
    ("approve_secrecy", "secrecy", "disclosure_review"),
    ("approve_disclosure", "discloser", "leader_signoff"),
    ("sign_off", "leader", "entry"),
    ("submit_entry", "clerk", "entry_check"),
    ("publish", "clerk", "published"),
]


def available(obj, user):
    """The transitions the user is offered on the item (the workflow menu)."""
    with api.env.adopt_user(username=user):
        return {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
        }


def walk(obj, do_transition, steps):
    """Run the steps, setting the attribute where the disclosure reviewer decides it."""
    for transition, user, _expected in steps:
        if transition == "approve_disclosure" and not obj.disclosure_attribute:
            obj.disclosure_attribute = "proactive"
        do_transition(obj, transition, user)


@pytest.fixture
def disclosure(demo_portal):
    return demo_portal["disclosure"]


class TestFullChain:
    def test_walk_to_published(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        assert api.content.get_state(item) == "collection"
        for transition, user, expected in FULL_WALK:
            if transition == "approve_disclosure":
                item.disclosure_attribute = "proactive"
            assert do_transition(item, transition, user) == expected

        history = item.workflow_history["gov_disclosure_workflow"]
        actors = [
            (entry["action"], entry["actor"]) for entry in history if entry["action"]
        ]
        assert actors == [(t, u) for t, u, _ in FULL_WALK]
        assert all(entry["comments"] == "同意" for entry in history if entry["action"])
        assert all(entry["time"] for entry in history)

    def test_sign_off_forms_the_item(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:4])
        assert item.index_number is None
        assert item.generation_date is None
        do_transition(item, "sign_off", "leader")
        today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
        assert item.generation_date == today
        assert item.index_number.startswith(f"11450800MB1530126F/{today.year}-")
        assert len(item.index_number.rsplit("-", 1)[1]) == 5
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=item.UID())[0]
        assert brain.gov_index_number == item.index_number
        assert brain.gov_generation_date == today

    def test_index_number_never_changes(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK)
        number = item.index_number
        from gov.infomgmt.index_numbers import assign_index_number

        assert assign_index_number(item, 2030) == number

    @pytest.mark.parametrize("attribute", ["on_request", "not_disclosed"])
    def test_not_proactive_is_retained(
        self, disclosure, make_item, do_transition, attribute
    ):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:3])
        item.disclosure_attribute = attribute
        item.nondisclosure_reason = "internal-affairs"
        do_transition(item, "approve_disclosure", "discloser")
        assert "sign_off" not in available(item, "leader")
        assert "sign_off_internal" in available(item, "leader")
        assert do_transition(item, "sign_off_internal", "leader") == "retained"
        assert item.index_number
        assert available(item, "clerk") == set()


class TestRefusals:
    def test_wrong_role(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        do_transition(item, "submit", "collector")
        for user in ("collector2", "secrecy", "discloser", "leader", "clerk", "staff"):
            assert available(item, user) == set(), user
        with pytest.raises(api.exc.InvalidParameterError):
            do_transition(item, "approve_content", "secrecy")
        assert api.content.get_state(item) == "content_review"

    def test_own_item(self, disclosure, make_item, do_transition):
        # A section head who also collects may not review what they wrote.
        api.user.grant_roles(
            username="sectionhead", obj=disclosure, roles=["InfoCollector"]
        )
        item = make_item(disclosure, user="sectionhead")
        do_transition(item, "submit", "sectionhead")
        assert "approve_content" not in available(item, "sectionhead")
        from gov.infomgmt.workflow import rules

        refused = rules.refusal(item, "approve_content", "sectionhead")
        assert refused.rule == "own_item"

    def test_second_step_by_same_person(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        # The section head also holds the secrecy reviewer's duty on this folder.
        api.user.grant_roles(
            username="sectionhead", obj=disclosure, roles=["SecrecyReviewer"]
        )
        do_transition(item, "submit", "collector")
        do_transition(item, "approve_content", "sectionhead")
        assert "approve_secrecy" not in available(item, "sectionhead")
        assert "approve_secrecy" in available(item, "secrecy")
        from gov.infomgmt.workflow import rules

        assert rules.refusal(item, "approve_secrecy", "sectionhead").rule == "two_steps"

    def test_missing_attribute(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:3])
        assert item.disclosure_attribute is None
        assert "approve_disclosure" not in available(item, "discloser")
        item.disclosure_attribute = "proactive"
        assert "approve_disclosure" in available(item, "discloser")

    def test_not_disclosed_without_reason(self, disclosure, make_item, do_transition):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:3])
        item.disclosure_attribute = "not_disclosed"
        assert "approve_disclosure" not in available(item, "discloser")
        item.nondisclosure_reason = "other"
        assert "approve_disclosure" not in available(item, "discloser")
        item.nondisclosure_reason_detail = "涉及正在调查的事项"
        assert "approve_disclosure" in available(item, "discloser")

    @pytest.mark.parametrize("comment", ["", "   "])
    def test_return_needs_a_comment(
        self, disclosure, make_item, do_transition, comment
    ):
        item = make_item(disclosure)
        do_transition(item, "submit", "collector")
        workflow_tool = api.portal.get_tool("portal_workflow")
        with (
            api.env.adopt_user(username="sectionhead"),
            pytest.raises(WorkflowRuleViolation) as raised,
        ):
            workflow_tool.doActionFor(item, "return_for_revision", comment=comment)
        assert raised.value.refusal.rule == "comment_missing"
        assert "退回时须说明" in str(raised.value)
        assert api.content.get_state(item) == "content_review"

    def test_return_for_revision_reaches_the_author(
        self, disclosure, make_item, do_transition
    ):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:2])
        state = do_transition(
            item, "return_for_revision", "secrecy", comment="第二段涉及内部数据"
        )
        assert state == "collection"
        last = item.workflow_history["gov_disclosure_workflow"][-1]
        assert last["actor"] == "secrecy"
        assert last["comments"] == "第二段涉及内部数据"
        assert "submit" in available(item, "collector")

    def test_leader_may_correct_the_attribute(
        self, disclosure, make_item, do_transition
    ):
        item = make_item(disclosure)
        walk(item, do_transition, FULL_WALK[:4])
        with api.env.adopt_user(username="leader"):
            assert api.user.has_permission(
                "gov.infomgmt: Set disclosure attribute", obj=item
            )
        with api.env.adopt_user(username="clerk"):
            assert not api.user.has_permission(
                "gov.infomgmt: Set disclosure attribute", obj=item
            )


class TestRelaxedSeparation:
    @pytest.fixture
    def relaxed(self, demo_portal):
        api.portal.set_registry_record(
            "gov.infomgmt.disclosure.relax_separation_of_duties", True
        )

    def test_relaxed_pass_is_recorded(
        self, relaxed, disclosure, make_item, do_transition
    ):
        item = make_item(disclosure)
        api.user.grant_roles(
            username="sectionhead", obj=disclosure, roles=["SecrecyReviewer"]
        )
        do_transition(item, "submit", "collector")
        do_transition(item, "approve_content", "sectionhead")
        assert (
            do_transition(item, "approve_secrecy", "sectionhead") == "disclosure_review"
        )
        last = item.workflow_history["gov_disclosure_workflow"][-1]
        assert last["relaxed_rule"] == "two_steps"
        assert "放宽职责分离" in last["comments"]
        first_pass = item.workflow_history["gov_disclosure_workflow"][-2]
        assert "relaxed_rule" not in first_pass
