"""The access register (查阅登记簿): registering, approving and honouring access requests.

Lines live in the journal's SQL database, beside the journal, and every step is
journaled. An approved request of a staff member grants reading access to the one
file until it expires by itself (see access.localroles).
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from gov.infomgmt import _
from gov.infomgmt.access import rules
from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.journal.site import record_event
from gov.infomgmt.journal.store import AccessRequest
from plone import api
from sqlalchemy import select

import json


DEFAULT_VALID_DAYS = 7


class RequestRefused(ValueError):
    """The request breaks rules of the register; each refusal names its field."""

    def __init__(self, refusals):
        super().__init__("; ".join(r.rule for r in refusals))
        self.refusals = refusals


class SelfApproval(PermissionError):
    """A leader may not decide a request he made or that is his own."""


def now():
    """The time now, UTC, as the register stores it."""
    return datetime.now(UTC)


def register(record, data):
    """Register a request for a case file; approve it at once where no approval is needed."""
    category = data.get("category", "")
    own_case = (
        data.get("party_name") or data.get("requester_name")
    ) == record.party_name
    refused = rules.refusals(
        category,
        data.get("credentials") or [],
        data.get("mode", ""),
        data.get("scope", ""),
        record.kind,
        own_case=own_case,
    )
    if data.get("mode") == rules.LEND:
        try:
            due = date.fromisoformat(data.get("loan_due") or "")
        except ValueError:
            due = None
        if due is None or due <= now().date():
            refused.append(
                rules.Refusal(
                    "loan_due_missing",
                    _("Loan due date: a loan needs a future return date."),
                    "loan_due",
                )
            )
    for field in ("requester_name", "purpose"):
        if not (data.get(field) or "").strip():
            refused.append(
                rules.Refusal(
                    "field_missing",
                    _("Required: ${field}.", mapping={"field": field}),
                    field,
                )
            )
    if refused:
        raise RequestRefused(refused)
    clerk = api.user.get_current().getId()
    line = AccessRequest(
        created_at=now().isoformat(),
        created_by=clerk,
        record=record.UID(),
        path="/".join(record.getPhysicalPath()),
        category=category,
        requester_userid=data.get("requester_userid") or "",
        requester_name=data["requester_name"].strip(),
        organisation=data.get("organisation") or "",
        credentials=json.dumps(sorted(data.get("credentials") or [])),
        purpose=data["purpose"].strip(),
        scope=data["scope"],
        mode=data["mode"],
        status="pending"
        if rules.needs_approval(category, data["mode"])
        else "approved",
        loan_due=data.get("loan_due") or "",
    )
    session = get_journal().session()
    session.add(line)
    session.flush()
    record_event(
        record, "access_request", request=line.id, category=category, mode=line.mode
    )
    return line


def lines(record=None, status=None):
    """Register lines, newest first."""
    query = select(AccessRequest).order_by(AccessRequest.id.desc())
    if record is not None:
        query = query.where(AccessRequest.record == record)
    if status:
        query = query.where(AccessRequest.status == status)
    return get_journal().read(query)


def get_line(request_id):
    """One register line, or None."""
    return get_journal().session().get(AccessRequest, request_id)


def decide(record, request_id, approve, valid_days=DEFAULT_VALID_DAYS):
    """The leader's decision on a pending request; an approval is valid for some days."""
    line = get_line(request_id)
    if line is None or line.record != record.UID():
        raise LookupError(request_id)
    if line.status != "pending":
        raise ValueError("already decided")
    decider = api.user.get_current().getId()
    if decider in (line.requester_userid, line.created_by):
        # 第四条: the approval is another person's check, never one's own.
        raise SelfApproval(request_id)
    line.status = "approved" if approve else "refused"
    line.decided_by = api.user.get_current().getId()
    line.decided_at = now().isoformat()
    if approve:
        line.valid_until = (now() + timedelta(days=valid_days)).isoformat()
    record_event(
        record, "access_approved" if approve else "access_refused", request=line.id
    )
    return line


def granted_users(record_uid, at=None):
    """Staff holding an approved, unexpired request for this file."""
    moment = (at or now()).isoformat()
    query = select(AccessRequest.requester_userid).where(
        AccessRequest.record == record_uid,
        AccessRequest.status == "approved",
        AccessRequest.requester_userid != "",
        AccessRequest.valid_until > moment,
    )
    return set(get_journal().read(query))


def overdue_loans(today=None):
    """Approved loans not returned by their due date."""
    today = (today or now().date()).isoformat()
    query = select(AccessRequest).where(
        AccessRequest.mode == rules.LEND,
        AccessRequest.status == "approved",
        AccessRequest.returned_at == "",
        AccessRequest.loan_due < today,
        AccessRequest.loan_due != "",
    )
    return list(get_journal().session().execute(query).scalars())


def return_loan(record, request_id):
    """Take a loan back: check the file's integrity and record the result on the line."""
    from gov.infomgmt.enforcement.integrity import verify

    line = get_line(request_id)
    if line is None or line.record != record.UID() or line.mode != rules.LEND:
        raise LookupError(request_id)
    if line.returned_at:
        raise ValueError("already returned")
    mismatches = verify(record)
    line.returned_at = now().isoformat()
    line.return_check = json.dumps(
        {"ok": not mismatches, "mismatches": [m.id for m in mismatches]},
        ensure_ascii=False,
    )
    record_event(
        record,
        "loan_returned",
        request=line.id,
        integrity="ok" if not mismatches else "mismatch",
    )
    return line, mismatches


COPY_MODES = {rules.COPY, rules.SCAN, rules.LEND}


def valid_approvals(record_uid, userid, at=None):
    """This user's approved requests for this file that are valid now."""
    moment = (at or now()).isoformat()
    query = select(AccessRequest).where(
        AccessRequest.record == record_uid,
        AccessRequest.requester_userid == userid,
        AccessRequest.status == "approved",
        AccessRequest.valid_until > moment,
    )
    return get_journal().read(query)
