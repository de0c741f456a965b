"""The register is the only way into a case file: no Sharing, no self-made officers, no self-approval."""

from .gated import approve
from .gated import CASE
from .test_doors import get
from gov.infomgmt.access import register
from gov.infomgmt.journal.site import get_journal
from plone import api
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


def rest(portal, user):
    session = RelativeSession(portal.absolute_url() + "/++api++")
    session.headers["Accept"] = "application/json"
    session.auth = (user, "demo-2026")
    return session


def test_sharing_is_refused_to_the_owner(demo_functional_portal, gated_case):
    """The officer who filed the case owns it, and still cannot share it."""
    case = gated_case
    assert "Owner" in case.get_local_roles_for_userid("officer1")
    with rest(demo_functional_portal, "officer1") as owner:
        answer = owner.post(
            f"{CASE}/@sharing",
            json={
                "entries": [
                    {"id": "collector", "type": "user", "roles": {"Reader": True}}
                ]
            },
        )
    assert answer.status_code in (401, 403)
    assert get(demo_functional_portal, "collector", CASE).status_code in (302, 401, 403)


@pytest.mark.parametrize(
    "role", ["Reader", "Editor", "Contributor", "Reviewer", "Owner"]
)
def test_local_roles_open_nothing(demo_functional_portal, gated_case, role):
    """Even an administrator's grant through Sharing gives no way in: only the register does."""
    case = gated_case
    api.user.grant_roles(username="collector", obj=case, roles=[role])
    transaction.commit()
    try:
        with api.env.adopt_user(username="collector"):
            assert not api.user.has_permission("View", obj=case)
            assert not api.user.has_permission("View", obj=case["decision.pdf"])
        assert get(demo_functional_portal, "collector", CASE).status_code in (
            302,
            401,
            403,
        )
    finally:
        api.user.revoke_roles(username="collector", obj=case, roles=[role])
        transaction.commit()


def test_no_one_changes_the_local_roles(gated_case):
    case = gated_case
    for user in ("officer1", "archivist", "leader"):
        with api.env.adopt_user(username=user):
            assert not api.user.has_permission("Change local roles", obj=case)
            assert not api.user.has_permission("Sharing page: Delegate roles", obj=case)


def test_an_officer_cannot_add_himself(demo_functional_portal, gated_case):
    """An officer not on the case cannot touch it; its own officers cannot change the list."""
    case = gated_case
    with rest(demo_functional_portal, "officer3") as other:
        answer = other.patch(CASE, json={"officers": ["officer1", "officer3"]})
    assert answer.status_code in (401, 403)
    with api.env.adopt_user(username="officer1"):
        assert not api.user.has_permission("gov.infomgmt: Set case officers", obj=case)
    with api.env.adopt_user(username="archivist"):
        assert api.user.has_permission(
            "gov.infomgmt: Set case officers", obj=case.__parent__
        )
    assert case.officers == ["officer1", "officer2"]


def test_the_leader_does_not_approve_his_own_request(
    demo_functional_portal, gated_case
):
    case = gated_case
    with api.env.adopt_user(username="archivist"):
        line_id = register.register(
            case,
            {
                "category": "staff",
                "requester_name": "局领导 吴刚",
                "requester_userid": "leader",
                "purpose": "工作需要",
                "scope": "whole_file",
                "mode": "copy",
                "credentials": [],
            },
        ).id
    transaction.commit()
    with rest(demo_functional_portal, "leader") as leader:
        answer = leader.post(f"{CASE}/@access-request-decision/{line_id}/approve")
    assert answer.status_code == 403
    assert answer.json()["error"]["type"] == "SelfApproval"
    assert "本人" in answer.json()["error"]["message"]
    assert register.get_line(line_id).status == "pending"
    transaction.abort()


def test_only_the_leader_in_charge_approves(demo_functional_portal, gated_case):
    case = gated_case
    with api.env.adopt_user(username="archivist"):
        line_id = register.register(
            case,
            {
                "category": "staff",
                "requester_name": "周杰",
                "requester_userid": "staff",
                "purpose": "工作需要",
                "scope": "whole_file",
                "mode": "copy",
                "credentials": [],
            },
        ).id
    transaction.commit()
    for other in ("leader2", "discloser", "archivist"):
        with rest(demo_functional_portal, other) as session:
            answer = session.post(f"{CASE}/@access-request-decision/{line_id}/approve")
        assert answer.status_code in (401, 403)
    with rest(demo_functional_portal, "leader") as leader:
        answer = leader.post(f"{CASE}/@access-request-decision/{line_id}/approve")
    assert answer.status_code == 200
    assert answer.json()["decided_by"] == "leader"


def test_a_conclusive_only_approval_opens_exactly_that(
    demo_functional_portal, gated_case
):
    """A lawyer's copy of the decision: the decision downloads, the photograph does not."""
    case = gated_case
    approve(case, "collector", "copy", scope="conclusive_only")
    transaction.commit()
    assert (
        get(
            demo_functional_portal, "collector", f"{CASE}/decision.pdf/@@download/file"
        ).status_code
        == 200
    )
    photo = get(
        demo_functional_portal, "collector", f"{CASE}/photo.png/@@download/file"
    )
    assert photo.status_code == 403
    assert "结论性文书" in photo.text
    page = get(demo_functional_portal, "collector", CASE)
    assert page.status_code == 200
    assert "photo.png" not in page.text
    assert "decision.pdf" in page.text
    refused = get_journal().entries(actor="collector", action="refused")
    assert '"missing": "out_of_scope"' in refused[-1].detail


@pytest.mark.parametrize(
    ("user", "found"), [("officer1", 1), ("officer3", 0), ("staff", 0)]
)
def test_search_lists_a_case_to_its_own_people_only(
    demo_functional_portal, gated_case, user, found
):
    """An approval opens the file from the register, not in search (it lapses unindexed)."""
    with rest(demo_functional_portal, user) as session:
        answer = session.get(
            "/@search",
            params={"SearchableText": "门禁测试案", "portal_type": "EnforcementRecord"},
        )
    assert answer.json()["items_total"] == found
