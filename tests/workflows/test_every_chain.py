"""Every chain and every lane: content review, secrecy review before the disclosure
decision, a recorded attribute decision, and a sign-off that sets 生成日期."""

from datetime import date
from freezegun import freeze_time
from gov.infomgmt.workflow import rules
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy

import pytest


FULL = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
    ("submit_entry", "clerk"),
    ("publish", "clerk"),
]
WORK_NEWS = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_and_publish", "discloser"),
]
CHANGE = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("sign_off_change", "leader"),
]
# The step of each chain that signs off, and the one that decides the attribute.
SIGN_OFF = {
    "full": "sign_off",
    "work_news": "approve_and_publish",
    "change": "sign_off_change",
}
DECISION = {
    "full": "approve_disclosure",
    "work_news": "approve_and_publish",
    "change": "sign_off_change",
}


def history(obj):
    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    return list(obj.workflow_history[workflow.getId()])


def refused(obj, transition, user):
    """The rule refusing the step to the user; the workflow menu no longer offers it."""
    with api.env.adopt_user(username=user):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
        }
    refusal = rules.refusal(obj, transition, user)
    assert (transition in offered) is (refusal is None)
    return refusal and refusal.rule


def walk_on_days(obj, steps, do_transition):
    """Each step on its own day of July 2026; returns the day of each transition."""
    days = {}
    for number, (transition, user) in enumerate(steps, start=1):
        day = date(2026, 7, number)
        with freeze_time(f"{day.isoformat()} 03:00:00"):
            do_transition(obj, transition, user)
        days[transition] = day
    return days


@pytest.fixture
def chain_item(demo_portal, make_item):
    """An item of a chain, with the steps that bring it through."""

    def factory(chain):
        if chain == "full":
            return make_item(demo_portal["disclosure"]), FULL
        if chain == "work_news":
            return make_item(demo_portal["disclosure"]["work-news"]), WORK_NEWS
        baseline = demo_portal["disclosure"]["work-priorities-2026"]
        with api.env.adopt_user(username="collector"):
            working_copy = ICheckinCheckoutPolicy(baseline).checkout(baseline.aq_parent)
        return working_copy, CHANGE

    return factory


CHAINS = ["full", "work_news", "change"]


@pytest.mark.parametrize("chain", CHAINS)
def test_secrecy_review_comes_before_the_decision(chain_item, chain):
    _item, steps = chain_item(chain)
    transitions = [t for t, _u in steps]
    assert "approve_content" in transitions
    assert transitions.index("approve_secrecy") < transitions.index(DECISION[chain])
    assert transitions.index(DECISION[chain]) <= transitions.index(SIGN_OFF[chain])


@pytest.mark.parametrize("chain", CHAINS)
def test_the_decision_is_refused_without_an_attribute(chain_item, do_transition, chain):
    item, steps = chain_item(chain)
    decision = steps.index(next(s for s in steps if s[0] == DECISION[chain]))
    for transition, user in steps[:decision]:
        do_transition(item, transition, user)
    item.disclosure_attribute = None
    assert refused(item, *steps[decision]) == "attribute_missing"


@pytest.mark.parametrize("chain", CHAINS)
def test_the_sign_off_sets_the_generation_date_and_records_the_decision(
    chain_item, do_transition, chain
):
    item, steps = chain_item(chain)
    item.disclosure_attribute = "proactive"
    days = walk_on_days(item, steps, do_transition)
    assert item.generation_date == days[SIGN_OFF[chain]]
    assert item.generation_date != days["approve_secrecy"]
    decided = [e for e in history(item) if e["action"] == DECISION[chain]]
    assert decided[-1]["disclosure_attribute"] == "proactive"
    assert item.index_number


def test_the_work_news_walk_ends_with_its_sign_offs_date(
    demo_portal, make_item, do_transition
):
    item = make_item(demo_portal["disclosure"]["work-news"])
    item.disclosure_attribute = "proactive"
    days = walk_on_days(item, WORK_NEWS, do_transition)
    assert api.content.get_state(item) == "published"
    assert item.generation_date == days["approve_and_publish"] == date(2026, 7, 4)
    assert "Anonymous" in {
        p["name"] for p in item.rolesOfPermission("View") if p["selected"]
    }


def test_work_news_not_disclosed_is_retained(demo_portal, make_item, do_transition):
    item = make_item(demo_portal["disclosure"]["work-news"])
    for transition, user in WORK_NEWS[:3]:
        do_transition(item, transition, user)
    item.disclosure_attribute = "not_disclosed"
    item.nondisclosure_reason = "internal-affairs"
    with api.env.adopt_user(username="discloser"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert "approve_and_publish" not in offered
    assert do_transition(item, "sign_off_internal", "discloser") == "retained"
    assert item.generation_date


def test_the_secrecy_reviewer_no_longer_publishes_work_news(
    demo_portal, make_item, do_transition
):
    item = make_item(demo_portal["disclosure"]["work-news"])
    item.disclosure_attribute = "proactive"
    for transition, user in WORK_NEWS[:2]:
        do_transition(item, transition, user)
    with api.env.adopt_user(username="secrecy"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert offered == {"approve_secrecy", "return_for_revision"}


def test_one_person_cannot_pass_the_secrecy_review_and_the_decision(
    demo_portal, make_item, do_transition
):
    item = make_item(demo_portal["disclosure"]["work-news"])
    item.disclosure_attribute = "proactive"
    api.user.grant_roles(
        username="secrecy", obj=demo_portal["disclosure"], roles=["DisclosureReviewer"]
    )
    for transition, user in WORK_NEWS[:3]:
        do_transition(item, transition, user)
    assert refused(item, "approve_and_publish", "secrecy") == "two_steps"


def test_a_change_stays_proactively_disclosed(chain_item, do_transition):
    item, steps = chain_item("change")
    for transition, user in steps[:3]:
        do_transition(item, transition, user)
    item.disclosure_attribute = "on_request"
    assert refused(item, "sign_off_change", "leader") == "wrong_route"


@pytest.mark.parametrize("leader", ["discloser", "leader"])
def test_the_delegated_leader_decides_and_signs_off_work_news(
    demo_portal, make_item, do_transition, leader
):
    item = make_item(demo_portal["disclosure"]["work-news"])
    item.disclosure_attribute = "proactive"
    for transition, user in WORK_NEWS[:3]:
        do_transition(item, transition, user)
    assert refused(item, "approve_and_publish", leader) is None
    with api.env.adopt_user(username="clerk"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert "approve_and_publish" not in offered
    assert do_transition(item, "approve_and_publish", leader) == "published"
