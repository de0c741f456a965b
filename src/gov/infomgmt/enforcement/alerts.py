"""Mail to the archive keepers: overdue loans, and files that changed after archiving."""

from datetime import datetime
from datetime import UTC
from gov.infomgmt import _
from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.journal.site import record_event
from gov.infomgmt.notifications import role_holders
from gov.infomgmt.notifications import send
from plone.app.uuid.utils import uuidToObject


KEEPER = "ArchiveKeeper"


def alert_mismatches(record, mismatches):
    """Tell the archive keepers which documents of an archived file no longer match their seal."""
    if not mismatches:
        return []
    names = "、".join(m.title or m.id for m in mismatches)
    return send(
        role_holders(record, KEEPER),
        _("Integrity alert: ${title}", mapping={"title": record.Title()}),
        [
            _(
                "These documents of ${title} differ from their checksum taken at archiving: ${names}.",
                mapping={"title": record.Title(), "names": names},
            )
        ],
        record.absolute_url(),
    )


def reminded_today(record, request_id):
    """True when this loan's reminder already went out today (see the journal)."""
    today = datetime.now(UTC).date().isoformat()
    for entry in get_journal().entries(
        record=record.UID(), action="loan_overdue_reminder", start=today
    ):
        if f'"request": {request_id}' in entry.detail:
            return True
    return False


def remind_overdue_loans(today=None):
    """Remind the archive keepers of each loan past its return date, once a day."""
    from gov.infomgmt.access.register import overdue_loans

    reminded = []
    for line in overdue_loans(today):
        # The daily run reads every loan, whoever runs it.
        record = uuidToObject(line.record, unrestricted=True)
        if record is None or reminded_today(record, line.id):
            continue
        recipients = send(
            role_holders(record, KEEPER),
            _("Loan overdue: ${title}", mapping={"title": record.Title()}),
            [
                _(
                    "${name} borrowed ${title} and should have returned it by ${due}.",
                    mapping={
                        "name": line.requester_name,
                        "title": record.Title(),
                        "due": line.loan_due,
                    },
                )
            ],
            record.absolute_url(),
        )
        record_event(record, "loan_overdue_reminder", request=line.id)
        reminded.append(
            {"request": line.id, "title": record.Title(), "recipients": recipients}
        )
    return reminded
