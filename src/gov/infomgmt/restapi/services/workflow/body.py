"""The body of POST @workflow/<transition>: checked before any transition is tried."""

from gov.infomgmt import json_bodies
from plone.restapi.services.workflow.transition import WorkflowTransition


# What plone.restapi's transition service reads, and nothing else.
TRANSITION_BODY = {
    "type": "object",
    "properties": {
        "comment": {"type": "string", "maxLength": json_bodies.MAX_COMMENT},
        "include_children": {"type": "boolean"},
        "effective": {"type": "string", "maxLength": 40},
        "expires": {"type": "string", "maxLength": 40},
    },
    "additionalProperties": False,
}


class CheckedWorkflowTransition(WorkflowTransition):
    """plone.restapi's transition service, answering a body that does not fit with 400."""

    def body(self):
        """The checked body (BadBody when it does not fit)."""
        return json_bodies.read(self.request, TRANSITION_BODY)

    def reply(self):
        """400 naming the field, or the transition as plone.restapi runs it."""
        try:
            self.body()
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        return super().reply()
