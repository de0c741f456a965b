"""The acceptance table: every door of a case file × every kind of user, with its journal lines.

A door is any address that yields a case file's content. Each request, allowed or
refused, writes exactly one journal line; only what the gate allows answers 200.
"""

from .test_case_files import transition
from datetime import date
from datetime import timedelta
from gov.infomgmt.access import register
from gov.infomgmt.journal.site import get_journal
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


CASE = "/enforcement-archive/case-doors"
PARTY_ID = "450802198803071234"
PDF = b"%PDF-1.4 decision of the doors case"


def png():
    """A small real image, so that Plone can scale it."""
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def approve(
    record, requester, mode, scope="whole_file", expired=False, category="staff"
):
    """A request registered by the archive and approved by the leader in charge."""
    with api.env.adopt_user(username="archivist"):
        line = register.register(
            record,
            {
                "category": category,
                "requester_name": requester,
                "requester_userid": requester,
                "purpose": "工作需要",
                "scope": scope,
                "mode": mode,
                "credentials": [],
            },
        )
    with api.env.adopt_user(username="leader"):
        register.decide(record, line.id, True)
    if expired:
        line.valid_until = (register.now() - timedelta(hours=1)).isoformat()
    return line


@pytest.fixture(scope="module")
def doors_case():
    """Filled in by the first test that needs it (the functional layer is per module)."""
    return {}


@pytest.fixture
def case(demo_functional_portal, doors_case):
    portal = demo_functional_portal
    archive = portal["enforcement-archive"]
    if "case-doors" in archive:
        return archive["case-doors"]
    api.user.create(email="o3@example.org", username="officer3", password="demo-2026")
    api.user.grant_roles(username="officer3", obj=archive, roles=["EnforcementOfficer"])
    api.user.create(email="l2@example.org", username="leader2", password="demo-2026")
    api.user.grant_roles(username="leader2", obj=archive, roles=["BureauLeader"])
    with api.env.adopt_user(username="officer1"):
        record = api.content.create(
            container=archive,
            type="EnforcementRecord",
            id="case-doors",
            title="门禁测试案",
            case_number="市档罚〔2026〕9号",
            kind="penalty",
            party_name="某某档案服务有限公司",
            party_type="person",
            party_id_number=PARTY_ID,
            handling_section="执法监督科",
            officers=["officer1", "officer2"],
            opened=date(2026, 3, 2),
        )
        api.content.create(
            container=record,
            type="CaseDocument",
            id="decision.pdf",
            title="行政处罚决定书",
            document_kind="decision",
            conclusive=True,
            file=NamedBlobFile(PDF, filename="decision.pdf"),
        )
        api.content.create(
            container=record,
            type="CaseDocument",
            id="photo.png",
            title="现场照片",
            document_kind="photo",
            conclusive=False,
            file=NamedBlobFile(png(), filename="photo.png", contentType="image/png"),
        )
    transition(record, "decide", "officer1")
    transition(record, "archive", "archivist")
    approve(record, "staff", "consult")
    approve(record, "collector2", "copy")
    approve(record, "editor", "copy", expired=True)
    transaction.commit()
    return record


DOORS = {
    "view": CASE,
    "download": f"{CASE}/decision.pdf/@@download/file",
    "inline": f"{CASE}/decision.pdf/@@display-file/file",
    "image": f"{CASE}/photo.png/@@images/file",
    "rest": f"/++api++{CASE}",
    "webdav": f"{CASE}/decision.pdf/manage_FTPget",
}

CONSULTS = {"view": 200, "download": 403, "inline": 200, "image": 200, "rest": 200}
COPIES = {**CONSULTS, "download": 200}
NOTHING = dict.fromkeys(DOORS, "refused")

USERS = {
    "own officer": ("officer1", CONSULTS),
    "other officer": ("officer3", NOTHING),
    "keeper": ("archivist", CONSULTS),
    "leader in charge": ("leader", CONSULTS),
    "other leader": ("leader2", NOTHING),
    "staff with a consult approval": ("staff", CONSULTS),
    "staff with a copy approval": ("collector2", COPIES),
    "expired approval": ("editor", NOTHING),
    "collector": ("collector", NOTHING),
    "anonymous": (None, NOTHING),
}

HANDLERS = {"officer1", "archivist"}

TABLE = [
    (kind, door, USERS[kind][0], USERS[kind][1].get(door, 403))
    for kind in USERS
    for door in DOORS
]


def get(portal, user, path):
    session = RelativeSession(portal.absolute_url())
    session.headers["Accept"] = (
        "application/json" if path.startswith("/++api++") else "text/html"
    )
    if user:
        session.auth = (user, "demo-2026")
    with session:
        return session.get(path, allow_redirects=False)


@pytest.mark.parametrize(("kind", "door", "user", "outcome"), TABLE)
def test_door(demo_functional_portal, case, kind, door, user, outcome):
    uids = {case.UID(), case["decision.pdf"].UID(), case["photo.png"].UID()}
    before = get_journal().head()[0]
    response = get(demo_functional_portal, user, DOORS[door])
    lines = [e for e in get_journal().entries() if e.id > before and e.record in uids]
    if outcome == "refused":
        assert response.status_code in (302, 401, 403)
        assert [line.action for line in lines] == ["refused"]
    else:
        assert response.status_code == outcome
        assert [line.action for line in lines] == [
            "refused" if outcome == 403 else ("download" if door == "download" else "view")
        ]
    assert lines[0].actor == (user or "anonymous")
    if user not in HANDLERS:
        # The party's identity number in full only for those handling the case.
        assert PARTY_ID.encode() not in response.content
    if response.status_code != 200:
        assert PDF not in response.content
        assert b"PNG" not in response.content[:8]
        assert PARTY_ID.encode() not in response.content
        assert "某某档案服务有限公司" not in response.text


def test_refusal_names_the_missing_approval(demo_functional_portal, case):
    page = get(demo_functional_portal, "officer1", DOORS["download"])
    assert page.status_code == 403
    assert "复制" in page.text and "@@access-register" in page.text
    api_answer = RelativeSession(demo_functional_portal.absolute_url() + "/++api++")
    api_answer.headers["Accept"] = "application/json"
    api_answer.auth = ("officer1", "demo-2026")
    with api_answer:
        answer = api_answer.get("/enforcement-archive/case-doors/decision.pdf/@@download/file")
    assert answer.status_code == 403
    assert answer.json()["missing"] == "copy_approval"
