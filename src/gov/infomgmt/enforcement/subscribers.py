"""What happens around a transition of a case file: reasons, the journal, the seal."""

from datetime import date
from gov.infomgmt import _
from gov.infomgmt.enforcement.integrity import seal
from gov.infomgmt.journal.site import record_event
from gov.infomgmt.workflow.rules import Refusal
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


# A correction of an archived file must say why (第九条: nothing altered silently).
REASON_REQUIRED = {"open_correction"}


def require_reason(obj, event):
    """Refuse a correction without a stated reason; nothing of it is written."""
    if event.transition is None or event.transition.getId() not in REASON_REQUIRED:
        return
    if not ((event.kwargs or {}).get("comment") or "").strip():
        refusal = Refusal(
            "comment_missing",
            _("Reason: state why the archived file is corrected."),
            "comment",
        )
        transaction.doom()
        raise WorkflowRuleViolation(
            translate(refusal.message, context=getRequest()), refusal
        )


def journal_and_seal(obj, event):
    """Journal every transition with its comment; at archiving, seal the documents."""
    if event.transition is None:
        return
    transition_id = event.transition.getId()
    if transition_id == "archive":
        obj.archived = date.today()
        seal(obj)
    record_event(
        obj,
        f"transition:{transition_id}",
        comment=(event.kwargs or {}).get("comment", ""),
        new_state=event.new_state.getId(),
    )
