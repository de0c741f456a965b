"""The case file of the door tests: two documents, three approvals, ten kinds of user."""

from .test_case_files import transition
from datetime import date
from datetime import timedelta
from gov.infomgmt.access import register
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile

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


def gated_case(demo_functional_portal):
    """The archived case of the door tests, with its approvals (once per functional layer)."""
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
