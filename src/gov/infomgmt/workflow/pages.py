"""The pages of the public sections (guide, rules, on-request) are reviewed by a second person.

An editor writes or revises a page, a second person (a reviewer or an administrator)
publishes it: the one who wrote it or sent it for review may not. A published page
is never edited in place; 'revise' takes it back to draft and through the review again.
"""

from DateTime import DateTime
from plone import api


WORKFLOW_ID = "gov_page_workflow"
PAGE_TYPES = ("Document",)


def writers(obj):
    """The page's creators, and whoever sent it for review since it was last published."""
    people = set(obj.listCreators())
    for entry in reversed(list(obj.workflow_history.get(WORKFLOW_ID, ()))):
        if entry.get("action") == "publish":
            break
        if entry.get("action") == "submit":
            people.add(entry.get("actor"))
    people.discard(None)
    return people


def second_person(obj, user_id):
    """True when this person may publish the page: not one of its writers."""
    return user_id not in writers(obj)


def set_state(obj, state, comment):
    """Put a page in a state of the page workflow, as the site's setup or an upgrade does."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setStatusOf(
        WORKFLOW_ID,
        obj,
        {
            "action": None,
            "actor": api.user.get_current().getId(),
            "comments": comment,
            "review_state": state,
            "time": DateTime(),
        },
    )
    workflow_tool[WORKFLOW_ID].updateRoleMappingsFor(obj)
    obj.reindexObject()
