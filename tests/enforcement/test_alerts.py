"""Mail to the archive keepers: a changed archived file, and a loan past its return date."""

from .test_case_files import new_case
from .test_case_files import transition
from datetime import date
from datetime import timedelta
from email.header import decode_header
from gov.infomgmt.access import register
from gov.infomgmt.enforcement.alerts import remind_overdue_loans
from gov.infomgmt.enforcement.integrity import verify


def subject(message):
    return "".join(
        part.decode(charset or "utf-8") if isinstance(part, bytes) else part
        for part, charset in decode_header(message["Subject"])
    )


def test_integrity_alert(demo_portal, mailbox):
    case = new_case(demo_portal, case_id="case-alert-1")
    transition(case, "decide", "officer1")
    transition(case, "archive", "archivist")
    with case["evidence.jpg"].file.open("w") as blob:
        blob.write(b"altered")
    assert [m.id for m in verify(case)] == ["evidence.jpg"]
    last = mailbox.refresh()[-1]
    assert last["To"] == "archivist@example.org"
    assert subject(last).startswith("完整性告警")
    assert "evidence.jpg" in last.get_payload(decode=True).decode("utf-8")


def test_overdue_loan_reminder(demo_portal, mailbox):
    case = new_case(demo_portal, case_id="case-alert-2")
    line = register.register(
        case,
        {
            "category": "own_officer",
            "credentials": [],
            "scope": "whole_file",
            "mode": "lend",
            "requester_userid": "officer2",
            "requester_name": "孙悦",
            "purpose": "复核证据",
            "loan_due": (date.today() + timedelta(days=2)).isoformat(),
        },
    )
    line.status = "approved"
    reminded = remind_overdue_loans(date.today() + timedelta(days=3))
    assert [r["request"] for r in reminded] == [line.id]
    assert reminded[0]["recipients"] == ["archivist@example.org"]
    assert subject(mailbox.refresh()[-1]).startswith("借阅逾期")
