"""Backups (domain reference §3): the rules of their logs' handover and retirement."""

from gov.infomgmt import _
from gov.infomgmt.workflow.rules import Refusal
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


def refuse(refusal):
    """Stop the transition and keep nothing of it."""
    transaction.doom()
    raise WorkflowRuleViolation(
        translate(refusal.message, context=getRequest()), refusal
    )


def check_transition(obj, event):
    """Handover takes a second person; retirement states its destruction record."""
    if event.transition is None:
        return
    transition_id = event.transition.getId()
    user_id = api.user.get_current().getId()
    recorded_by = {obj.getOwner().getId(), obj.operator}
    if transition_id == "hand_over" and user_id in recorded_by:
        refuse(
            Refusal(
                "same_person",
                _(
                    "Handover: the custodian who accepts is not the one who handed over."
                ),
            )
        )
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if transition_id == "retire" and not comment:
        refuse(
            Refusal(
                "comment_missing",
                _("Destruction record: say how, where and by whom it was destroyed."),
                "comment",
            )
        )
    if transition_id == "hand_over" and not obj.protections_checked():
        refuse(
            Refusal(
                "protections_unchecked",
                _(
                    "Storage place: all six protections must be checked before the handover."
                ),
                "protection_fire",
            )
        )
