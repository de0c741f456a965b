"""Changing a published item: a working copy passes the review again; the public keeps the old text."""

from datetime import date
from freezegun import freeze_time
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from plone.app.textfield.value import RichTextValue
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


OLD = "现将2026年政府信息公开工作要点印发如下"
NEW = "现将修订后的2026年政府信息公开工作要点印发如下"
REVIEW = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("sign_off_change", "leader"),
]


def check_out(baseline, user="collector"):
    with api.env.adopt_user(username=user):
        assert api.user.has_permission("iterate : Check out content", obj=baseline)
        working_copy = ICheckinCheckoutPolicy(baseline).checkout(baseline.aq_parent)
        working_copy.text = RichTextValue(
            f"<p>{NEW}。</p>", "text/html", "text/x-html-safe"
        )
        working_copy.reindexObject()
    return working_copy


@pytest.fixture
def baseline(demo_portal):
    return demo_portal["disclosure"]["work-priorities-2026"]


def test_only_collectors_check_out(baseline):
    for user, allowed in (
        ("collector", True),
        ("clerk", False),
        ("leader", False),
        ("staff", False),
    ):
        with api.env.adopt_user(username=user):
            assert (
                api.user.has_permission("iterate : Check out content", obj=baseline)
                is allowed
            ), user


def test_working_copy_takes_the_change_chain(baseline):
    working_copy = check_out(baseline)
    chain = api.portal.get_tool("portal_workflow").getChainFor(working_copy)
    assert tuple(chain) == ("gov_change_workflow",)
    assert api.content.get_state(working_copy) == "draft"
    roles = {p["name"] for p in working_copy.rolesOfPermission("View") if p["selected"]}
    assert "Anonymous" not in roles


def test_review_then_check_in(baseline, do_transition):
    number = baseline.index_number
    working_copy = check_out(baseline)
    with freeze_time("2027-03-02 03:00:00"):
        for transition, user in REVIEW:
            do_transition(working_copy, transition, user)
    assert api.content.get_state(working_copy) == "change_approved"
    assert (
        working_copy.publication_deadline is not None
    )  # the clock runs for the change
    assert OLD in baseline.text.raw  # the public still sees the approved version

    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="clerk"), pytest.raises(WorkflowRuleViolation):
        workflow_tool.doActionFor(working_copy, "check_in", comment="")

    do_transition(working_copy, "check_in", "clerk", comment="更正第三条的时间安排")
    assert working_copy.getId() not in baseline.aq_parent
    assert NEW in baseline.text.raw
    assert api.content.get_state(baseline) == "published"
    # the change is formed at its own sign-off; the index number stays
    assert (baseline.index_number, baseline.generation_date) == (
        number,
        date(2027, 3, 2),
    )
    with api.env.adopt_user(username="leader"):
        history = api.portal.get_tool("portal_repository").getHistoryMetadata(baseline)
        notes = [
            history.retrieve(i)["metadata"]["sys_metadata"]["comment"]
            for i in range(history.getLength(countPurged=False))
        ]
    assert "更正第三条的时间安排" in notes


def test_a_change_needs_every_review(baseline, do_transition):
    working_copy = check_out(baseline)
    do_transition(working_copy, "submit", "collector")
    with api.env.adopt_user(username="clerk"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                working_copy
            )
        }
    assert "check_in" not in offered


def test_public_sees_the_approved_version_until_check_in(
    demo_functional_portal, do_transition
):
    baseline = demo_functional_portal["disclosure"]["work-priorities-2026"]
    working_copy = check_out(baseline)
    for transition, user in REVIEW:
        do_transition(working_copy, transition, user)
    transaction.commit()

    def public_text():
        with RelativeSession(demo_functional_portal.absolute_url()) as anonymous:
            return anonymous.get("/disclosure/work-priorities-2026").text

    assert OLD in public_text()
    assert NEW not in public_text()
    do_transition(working_copy, "check_in", "clerk", comment="更正第三条的时间安排")
    transaction.commit()
    assert NEW in public_text()
