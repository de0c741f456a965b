"""Guard expressions of the disclosure workflows call this module (restricted code may)."""

from gov.infomgmt.workflow import rules
from plone import api


def allows(obj, transition_id):
    """True when no rule of the bureau refuses this transition to the current user."""
    user = api.user.get_current()
    return rules.refusal(obj, transition_id, user.getId()) is None
