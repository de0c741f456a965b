"""Rules of the disclosure review that a workflow's role guards cannot express.

谁公开谁负责 (第四条): the author may not review their own item, and one person may not
pass two different review steps of the same item; 第十三、十四条: the disclosure attribute
is decided before the disclosure review passes, with a reason when not disclosed; a
return for revision says why. Every refusal names its rule.
"""

from gov.infomgmt import _
from gov.infomgmt.index_numbers import organisation_code_is_placeholder
from gov.infomgmt.vocabularies.disclosure import NOT_DISCLOSED
from gov.infomgmt.vocabularies.disclosure import OTHER_REASON
from gov.infomgmt.vocabularies.disclosure import PROACTIVE
from plone import api
from typing import NamedTuple


# The review duty each passing transition performs. Entry and its re-confirmation are
# one duty: 第十七条 has the clerk who entered the item confirm it once more.
DUTY_OF_TRANSITION = {
    "approve_content": "content_review",
    "approve_secrecy": "secrecy_review",
    # the work-news chain: one delegated leader decides the attribute and signs off
    "approve_and_publish": "sign_off",
    "approve_disclosure": "disclosure_review",
    "sign_off": "sign_off",
    "sign_off_internal": "sign_off",
    "submit_entry": "entry",
    "publish": "entry",
    "sign_off_change": "sign_off",
    "check_in": "entry",
}

# Transitions whose author is the item's author.
AUTHOR_TRANSITIONS = {"submit"}

# Transitions that must say why: a return for revision, and the emergency lane
# (第十九~二十一条): publishing at once, and retracting what misleads.
COMMENT_REQUIRED = {
    "return_for_revision",
    "return_to_entry",
    "publish_emergency",
    "retract",
    "check_in",
}

# Returns for revision, whose comment goes to the author.
RETURNS = {"return_for_revision", "return_to_entry"}

# Transitions that need the disclosure attribute decided.
ATTRIBUTE_REQUIRED = {
    "approve_disclosure",
    "sign_off",
    "sign_off_internal",
    "approve_and_publish",
    "sign_off_change",
}

# Transitions that only fit items proactively disclosed, and those that only fit the others.
# A change of a published item stays proactively disclosed: withdrawing it is a retraction.
PROACTIVE_ONLY = {"sign_off", "approve_and_publish", "sign_off_change"}
NOT_PROACTIVE_ONLY = {"sign_off_internal"}

# Transitions that give the item its index number, which begins with the bureau's code.
NUMBERING_TRANSITIONS = {
    "sign_off",
    "sign_off_internal",
    "approve_and_publish",
    "publish_emergency",
}

RELAX_RECORD = "gov.infomgmt.disclosure.relax_separation_of_duties"


class Refusal(NamedTuple):
    """Why a transition may not happen: the rule's id, the field at fault, and a message."""

    rule: str
    message: str
    field: str | None = None


def review_history(obj):
    """Return the workflow history entries of the item's current workflow, oldest first."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    history = []
    for workflow in workflow_tool.getWorkflowsFor(obj):
        history += list(getattr(obj, "workflow_history", {}).get(workflow.getId(), ()))
    return history


def authors(obj):
    """The item's authors: its creator and whoever submitted it for review."""
    people = set(obj.Creators()) if hasattr(obj, "Creators") else set()
    owner = obj.getOwner()
    if owner is not None:
        people.add(owner.getId())
    people |= {
        entry.get("actor")
        for entry in review_history(obj)
        if entry.get("action") in AUTHOR_TRANSITIONS
    }
    people.discard(None)
    return people


def duties_passed_by(obj, user_id):
    """The review duties this person has passed on this item so far."""
    return {
        DUTY_OF_TRANSITION[entry["action"]]
        for entry in review_history(obj)
        if entry.get("actor") == user_id and entry.get("action") in DUTY_OF_TRANSITION
    }


def separation_violation(obj, transition_id, user_id):
    """The separation-of-duties rule this pass would break, whatever the site setting."""
    duty = DUTY_OF_TRANSITION.get(transition_id)
    if duty is None:
        return None
    if user_id in authors(obj):
        return Refusal(
            "own_item",
            _("Separation of duties: the author of an item may not review it."),
        )
    if duties_passed_by(obj, user_id) - {duty}:
        return Refusal(
            "two_steps",
            _(
                "Separation of duties: you have already passed another review step of this item."
            ),
        )
    return None


def separation_relaxed():
    """True when the site lets one person hold several duties on an item."""
    return bool(api.portal.get_registry_record(RELAX_RECORD, default=False))


def attribute_refusal(obj, transition_id):
    """The disclosure-attribute rule this transition would break, if any."""
    if transition_id not in ATTRIBUTE_REQUIRED:
        return None
    attribute = getattr(obj, "disclosure_attribute", None)
    if not attribute:
        return Refusal(
            "attribute_missing",
            _("Disclosure attribute: decide it before the disclosure review can pass."),
            "disclosure_attribute",
        )
    if attribute == NOT_DISCLOSED:
        reason = getattr(obj, "nondisclosure_reason", None)
        if not reason:
            return Refusal(
                "reason_missing",
                _(
                    "Reason for not disclosing: required when the attribute is 'not disclosed'."
                ),
                "nondisclosure_reason",
            )
        if reason == OTHER_REASON and not getattr(
            obj, "nondisclosure_reason_detail", None
        ):
            return Refusal(
                "reason_missing",
                _(
                    "Explanation of the reason: required when the reason is 'other reason'."
                ),
                "nondisclosure_reason_detail",
            )
    if transition_id in PROACTIVE_ONLY and attribute != PROACTIVE:
        return Refusal(
            "wrong_route",
            _(
                "Disclosure attribute: only proactively disclosed items go to entry and publication."
            ),
            "disclosure_attribute",
        )
    if transition_id in NOT_PROACTIVE_ONLY and attribute == PROACTIVE:
        return Refusal(
            "wrong_route",
            _(
                "Disclosure attribute: a proactively disclosed item is signed off for entry."
            ),
            "disclosure_attribute",
        )
    return None


def comment_refusal(transition_id, comment):
    """A return, an emergency publication or a retraction without a stated reason is refused."""
    if transition_id not in COMMENT_REQUIRED or (comment or "").strip():
        return None
    if transition_id in RETURNS:
        message = _("Comment: say what is to be revised when returning an item.")
    elif transition_id == "check_in":
        message = _(
            "Change note: say what was changed; it stays in the item's history."
        )
    else:
        message = _("Comment: state the reason for this emergency action.")
    return Refusal("comment_missing", message, "comment")


def recorded_objection(obj):
    """True when a decision not to disclose or a secrecy objection was recorded on the item.

    The decisions are the attribute in force at each step (kept in the history entry)
    and the one in force now; a secrecy objection is a return from the secrecy review.
    """
    current = getattr(obj, "disclosure_attribute", None)
    if current and current != PROACTIVE:
        return True
    previous_state = None
    for entry in review_history(obj):
        recorded = entry.get("disclosure_attribute")
        if recorded and recorded != PROACTIVE:
            return True
        if (
            entry.get("action") == "return_for_revision"
            and previous_state == "secrecy_review"
        ):
            return True
        previous_state = entry.get("review_state")
    return False


def emergency_refusal(obj, transition_id, user_id):
    """The emergency lane keeps every recorded decision and a second person's sign-off.

    第四条 (涉密信息不公开): publishing at once is refused for an item that anyone decided
    not to disclose or the secrecy review objected to. The retroactive sign-off is a
    leader's other than the publisher's, whatever the separation setting.
    """
    if transition_id == "publish_emergency" and recorded_objection(obj):
        return Refusal(
            "recorded_decision",
            _(
                "Emergency: a decision not to disclose or a secrecy objection is recorded "
                "on this item; it cannot be published at once."
            ),
            "disclosure_attribute",
        )
    if transition_id != "confirm_emergency":
        return None
    if not getattr(obj, "emergency", False) or getattr(
        obj, "emergency_confirmed", None
    ):
        return Refusal(
            "not_pending",
            _("Emergency: this item has no retroactive sign-off pending."),
        )
    if user_id == emergency_publisher(obj):
        return Refusal(
            "own_emergency",
            _(
                "Emergency: the retroactive sign-off is by a leader other than the publisher."
            ),
        )
    return None


def emergency_publisher(obj):
    """Who published the item at once, or None."""
    for entry in reversed(review_history(obj)):
        if entry.get("action") == "publish_emergency":
            return entry.get("actor")
    return None


def organisation_code_refusal(transition_id):
    """No index number is given while the organisation code is the placeholder."""
    if transition_id not in NUMBERING_TRANSITIONS:
        return None
    if not organisation_code_is_placeholder():
        return None
    return Refusal(
        "organisation_code_placeholder",
        _(
            "Organisation code: enter the bureau's code in Site setup → Disclosure settings (organisation_code) before the first sign-off; every index number begins with it."
        ),
        "organisation_code",
    )


def refusal(obj, transition_id, user_id, comment=None):
    """The first rule this transition by this person would break, or None.

    `comment` is None where it is not known yet (the workflow menu); then the
    comment rule is left for the moment the transition is asked for.
    """
    if not separation_relaxed():
        refused = separation_violation(obj, transition_id, user_id)
        if refused:
            return refused
    refused = (
        attribute_refusal(obj, transition_id)
        or emergency_refusal(obj, transition_id, user_id)
        or organisation_code_refusal(transition_id)
    )
    if refused:
        return refused
    if comment is not None:
        return comment_refusal(transition_id, comment)
    return None
