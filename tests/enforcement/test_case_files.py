"""Enforcement case files: who sees them, what archiving seals, and what the journal keeps."""

from datetime import date
from gov.infomgmt.enforcement.integrity import verify
from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.component import getMultiAdapter

import pytest
import transaction


def new_case(portal, case_id="case-2026-001"):
    """A penalty case with a decision and a piece of evidence, as an officer files it."""
    with api.env.adopt_user(username="officer1"):
        record = api.content.create(
            container=portal["enforcement-archive"],
            type="EnforcementRecord",
            id=case_id,
            title="某公司未按规定移交档案案",
            case_number="市档罚〔2026〕1号",
            kind="penalty",
            party_name="某某档案服务有限公司",
            party_type="organisation",
            party_id_number="91450800MA5KXXXX1Y",
            handling_section="执法监督科",
            officers=["officer1", "officer2"],
            opened=date(2026, 3, 2),
        )
        for doc_id, kind, conclusive, payload in (
            ("decision.pdf", "decision", True, b"%PDF decision"),
            ("evidence.jpg", "evidence", False, b"\xff\xd8 evidence photo"),
        ):
            api.content.create(
                container=record,
                type="CaseDocument",
                id=doc_id,
                title=doc_id,
                document_kind=kind,
                conclusive=conclusive,
                file=NamedBlobFile(payload, filename=doc_id),
            )
    return record


def transition(record, name, user, comment="同意"):
    with api.env.adopt_user(username=user):
        api.portal.get_tool("portal_workflow").doActionFor(
            record, name, comment=comment
        )


@pytest.fixture
def case(demo_portal):
    return new_case(demo_portal)


@pytest.mark.parametrize(
    ("user", "may_view"),
    [
        ("officer1", True),
        ("archivist", True),
        ("staff", False),
        ("collector", False),
        ("leader", True),  # in charge of 执法监督科 in the demo
        ("discloser", False),
        ("officer3", False),  # an officer not on the case
    ],
)
def test_who_sees_a_case(case, user, may_view):
    if user == "officer3":
        api.user.create(email="o3@example.org", username="officer3")
        api.user.grant_roles(
            username="officer3",
            obj=case.__parent__,
            roles=["EnforcementOfficer"],
        )
    with api.env.adopt_user(username=user):
        assert bool(api.user.has_permission("View", obj=case)) is may_view


def test_anonymous_never(case):
    roles = {p["name"] for p in case.rolesOfPermission("View") if p["selected"]}
    assert "Anonymous" not in roles
    assert "Authenticated" not in roles
    assert "Member" not in roles


def test_party_id_masked_unless_handling(case):
    request = case.REQUEST
    for user, expected in (
        ("officer1", "91450800MA5KXXXX1Y"),
        ("officer2", "91450800MA5KXXXX1Y"),
    ):
        with api.env.adopt_user(username=user):
            assert getMultiAdapter((case, request), name="view").party_id() == expected
    api.user.grant_roles(username="leader", obj=case, roles=["BureauLeader"])
    with api.env.adopt_user(username="leader"):
        assert (
            getMultiAdapter((case, request), name="view").party_id()
            == "914***********XX1Y"
        )


def test_archiving_seals_and_freezes(case):
    transition(case, "decide", "officer1")
    transition(case, "archive", "archivist")
    assert api.content.get_state(case) == "archived"
    assert case.archived is not None
    assert all(len(doc.sha256) == 64 for doc in case.objectValues())
    for user in ("officer1", "archivist"):
        with api.env.adopt_user(username=user):
            assert not api.user.has_permission("Modify portal content", obj=case)
            assert not api.user.has_permission("Delete objects", obj=case)
            assert not api.user.has_permission(
                "Modify portal content", obj=case["decision.pdf"]
            )
    with api.env.adopt_roles(["Manager"]):
        assert not api.user.has_permission("Modify portal content", obj=case)
        assert not api.user.has_permission("Delete objects", obj=case)


def test_correction_needs_a_reason_and_is_journaled(demo_functional_portal):
    """Functional: the journal keeps what a committed transaction did."""
    case = new_case(demo_functional_portal)
    transition(case, "decide", "officer1")
    transition(case, "archive", "archivist")
    transaction.commit()
    with pytest.raises(WorkflowRuleViolation):
        transition(case, "open_correction", "archivist", comment="")
    transaction.abort()  # as Zope does with a refused request: nothing of it is kept
    assert api.content.get_state(case) == "archived"
    transition(case, "open_correction", "archivist", comment="更正当事人名称的笔误")
    transaction.commit()
    actions = [(e.action, e.actor) for e in get_journal().entries(record=case.UID())]
    assert ("transition:open_correction", "archivist") in actions
    entry = [
        e
        for e in get_journal().entries(record=case.UID())
        if e.action == "transition:open_correction"
    ][0]
    assert "更正当事人名称的笔误" in entry.detail


def test_tampered_file_is_named(case):
    transition(case, "decide", "officer1")
    transition(case, "archive", "archivist")
    assert verify(case) == []
    # someone with access to the blob storage changes the evidence photo
    with case["evidence.jpg"].file.open("w") as blob:
        blob.write(b"\xff\xd8 a different photo")
    mismatches = verify(case)
    assert [m.id for m in mismatches] == ["evidence.jpg"]
