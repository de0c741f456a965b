"""Guard expressions of the disclosure workflows call this module (restricted code may)."""

from gov.infomgmt.workflow import pages
from gov.infomgmt.workflow import rules
from plone import api


def allows(obj, transition_id):
    """True when no rule of the bureau refuses this transition to the current user."""
    user = api.user.get_current()
    return rules.refusal(obj, transition_id, user.getId()) is None


def second_person(obj):
    """True when the current user is not among the page's writers (four eyes)."""
    return pages.second_person(obj, api.user.get_current().getId())
