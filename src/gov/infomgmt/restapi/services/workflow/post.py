"""POST @workflow/<transition> on a disclosure item, with refusals that name their rule.

plone.restapi's own service answers a refused transition with a generic 400 ("No
workflow provides ..."). Here the bureau's rules are asked first, so that the answer
says which rule refused it, and which field is at fault.
"""

from gov.infomgmt import _
from gov.infomgmt import json_bodies
from gov.infomgmt.restapi.services.workflow.body import CheckedWorkflowTransition
from gov.infomgmt.workflow import rules
from plone import api
from zope.i18n import translate


class DisclosureWorkflowTransition(CheckedWorkflowTransition):
    """Trigger a transition of a disclosure item, or say why it may not happen."""

    def refusal(self, comment):
        """The rule refusing this transition to the current user, or None."""
        workflow_tool = api.portal.get_tool("portal_workflow")
        available = {t["id"] for t in workflow_tool.getTransitionsFor(self.context)}
        if self.transition in available:
            return None
        user_id = api.user.get_current().getId()
        for workflow in workflow_tool.getWorkflowsFor(self.context):
            state = workflow._getWorkflowStateOf(self.context)
            if state is None or self.transition not in state.transitions:
                continue
            transition = workflow.transitions[self.transition]
            permissions = transition.guard.permissions if transition.guard else ()
            if not all(
                api.user.has_permission(p, obj=self.context) for p in permissions or ()
            ):
                return rules.Refusal(
                    "wrong_role",
                    _("Role: your roles on this item do not include this step."),
                )
            return rules.refusal(
                self.context, self.transition, user_id, comment=comment
            )
        return rules.Refusal(
            "not_available",
            _("Workflow: this step is not available in the item's current state."),
        )

    def reply(self):
        """Refuse with the rule's message, or run the transition as plone.restapi does."""
        if self.transition is not None:
            try:
                comment = self.body().get("comment", "")
            except json_bodies.BadBody as bad:
                return json_bodies.bad_body_reply(self.request, bad)
            refused = self.refusal(comment)
            if refused is None:
                refused = rules.comment_refusal(self.transition, comment)
            if refused is not None:
                forbidden = refused.rule in {
                    "wrong_role",
                    "own_item",
                    "two_steps",
                    "own_emergency",
                }
                self.request.response.setStatus(403 if forbidden else 400)
                error = {
                    "type": "WorkflowRuleViolation",
                    "rule": refused.rule,
                    "message": translate(refused.message, context=self.request),
                }
                if refused.field:
                    error["field"] = refused.field
                return {"error": error}
        return super().reply()
