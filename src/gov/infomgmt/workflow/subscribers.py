"""What happens around a transition of a disclosure item: refusals, formation, the record."""

from DateTime import DateTime
from datetime import datetime
from datetime import UTC
from gov.infomgmt import _
from gov.infomgmt import logger
from gov.infomgmt.clock import today_in_china
from gov.infomgmt.clock.periods import art20_emergency_signoff
from gov.infomgmt.deadlines import setting
from gov.infomgmt.deadlines import start_entry_clock
from gov.infomgmt.deadlines import stop_entry_clock
from gov.infomgmt.index_numbers import assign_index_number
from gov.infomgmt.vocabularies.disclosure import PROACTIVE
from gov.infomgmt.workflow import rules
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from Products.CMFCore.WorkflowCore import ObjectDeleted
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


# The transition whose date is the item's generation date (第十六条: the sign-off);
# in the work-news chain the delegated leader's decision and sign-off is one step;
# a change of a published item is formed again at its own sign-off.
FORMING_TRANSITIONS = {
    "sign_off",
    "sign_off_internal",
    "approve_and_publish",
    "sign_off_change",
}

# The transitions that make an item public: they stop the entry clock.
PUBLISHING_TRANSITIONS = {"publish", "approve_and_publish", "publish_emergency"}


class WorkflowRuleViolation(WorkflowException):
    """A transition refused by a rule of the bureau; the message names the rule."""

    def __init__(self, message, refusal=None):
        # CMFCore re-raises a workflow exception as `cls(original)`: keep its rule.
        if isinstance(message, WorkflowRuleViolation):
            refusal = message.refusal
            message = message.args[0]
        super().__init__(message)
        self.refusal = refusal


def translated(message):
    """The message in the language of the current request (Chinese on this site)."""
    return translate(message, context=getRequest(), target_language=None)


def refuse_broken_rules(obj, event):
    """Stop a transition that breaks a rule, and let nothing of it be written."""
    if event.transition is None:
        return
    user_id = api.user.get_current().getId()
    comment = (event.kwargs or {}).get("comment", "")
    refused = rules.refusal(obj, event.transition.getId(), user_id, comment=comment)
    if refused:
        # Whoever catches the exception (plone.restapi answers 400) must not
        # commit what was changed before it, e.g. an effective date.
        transaction.doom()
        raise WorkflowRuleViolation(translated(refused.message), refused)


def form_item(obj, event):
    """At sign-off the item becomes government information: date, index number, clock."""
    # A Zope DateTime: the ZODB cannot pickle zoneinfo-aware datetimes.
    obj.stage_since = DateTime()
    transition_id = event.transition.getId() if event.transition is not None else None
    comment = (event.kwargs or {}).get("comment", "")
    if transition_id == "publish_emergency":
        # 第二十条: published at once, the leader signs off afterwards; it forms the item.
        # The rules refused it if any other decision was recorded: an attribute not
        # yet decided becomes the emergency officer's, one decided is never rewritten.
        obj.emergency = True
        obj.emergency_reason = comment
        if not getattr(obj, "disclosure_attribute", None):
            obj.disclosure_attribute = PROACTIVE
        obj.signoff_due = art20_emergency_signoff(
            datetime.now(UTC), setting("emergency_signoff_hours", 24)
        )
        obj.generation_date = today_in_china()
        assign_index_number(obj, obj.generation_date.year)
    if transition_id == "confirm_emergency":
        obj.emergency_confirmed = datetime.now(UTC)
    if transition_id == "retract":
        obj.retracted_on = today_in_china()
        obj.retraction_reason = comment
        # The public address now shows the notice (date and reason), not a 404.
        obj.setLayout("retraction-notice")
    if transition_id in FORMING_TRANSITIONS:
        obj.generation_date = today_in_china()
        # the number stays the one the item got first (a change keeps it)
        assign_index_number(obj, obj.generation_date.year)
        if obj.disclosure_attribute == PROACTIVE:
            start_entry_clock(obj, obj.generation_date)
    if transition_id in PUBLISHING_TRANSITIONS:
        stop_entry_clock(obj)
    obj.reindexObject()


def record_decisions(obj, event):
    """Keep in the history entry of each step the attribute in force, and who said "no secret".

    The decisions stay recorded whatever happens to the field afterwards: the
    emergency lane reads them (rules.recorded_objection).
    """
    if event.transition is None:
        return
    workflow_id = event.workflow.getId()
    history = list(obj.workflow_history.get(workflow_id, ()))
    if not history:
        return
    last = dict(history[-1])
    last["disclosure_attribute"] = getattr(obj, "disclosure_attribute", None)
    last["nondisclosure_reason"] = getattr(obj, "nondisclosure_reason", None)
    if event.transition.getId() == "publish_emergency":
        # 第四条: the emergency officer answers for the item holding no secret.
        statement = translated(
            _("[Emergency officer's statement: this item holds no state secret.]")
        )
        last["no_secret_statement"] = last.get("actor")
        last["comments"] = f"{last.get('comments') or ''} {statement}".strip()
        obj.emergency_no_secret_statement = {
            "by": last.get("actor"),
            "on": today_in_china(),
        }
    history[-1] = last
    obj.workflow_history[workflow_id] = tuple(history)


def record_relaxed_pass(obj, event):
    """With separation of duties relaxed, mark each pass that the rule would have refused."""
    if event.transition is None or not rules.separation_relaxed():
        return
    user_id = api.user.get_current().getId()
    violation = rules.separation_violation(obj, event.transition.getId(), user_id)
    if violation is None:
        return
    workflow_id = event.workflow.getId()
    history = list(obj.workflow_history.get(workflow_id, ()))
    if not history:
        return
    last = dict(history[-1])
    note = translated(
        _(
            "[Separation of duties relaxed: ${rule}]",
            mapping={"rule": translated(violation.message)},
        )
    )
    last["relaxed_rule"] = violation.rule
    last["comments"] = f"{last.get('comments') or ''} {note}".strip()
    history[-1] = last
    obj.workflow_history[workflow_id] = tuple(history)
    logger.warning(
        "Separation of duties relaxed: %s did %s on %s (%s)",
        user_id,
        event.transition.getId(),
        "/".join(obj.getPhysicalPath()),
        violation.rule,
    )


def check_in_change(obj, event):
    """Check a signed-off change in: the public sees it from now on; the note stays in history.

    The entry clerk holds no edit right on published items: the change reaches the
    published item only here, after its review, so the merge runs with the rights the
    review conferred.
    """
    if event.transition is None or event.transition.getId() != "check_in":
        return
    note = (event.kwargs or {}).get("comment", "")
    # read-only fields are not merged by plone.app.iterate: the change was formed at
    # its own sign-off, and the published item takes that date (the number stays)
    formed = obj.generation_date
    policy = ICheckinCheckoutPolicy(obj)
    with api.env.adopt_roles(["Manager"]):
        baseline = policy.checkin(note)
    if formed is not None:
        baseline.generation_date = formed
    baseline.published_on = today_in_china()
    baseline.reindexObject()
    logger.info(
        "Change checked in on %s: %s", "/".join(baseline.getPhysicalPath()), note
    )
    # The working copy is gone: tell the workflow tool not to reindex it.
    raise ObjectDeleted(baseline)
