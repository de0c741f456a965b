"""Mail to the people who must act: a new stage, a return for revision, a deadline.

Recipients are read from the item's security, as the task lists are: whoever holds
the stage's duty on the item (directly or through a group) is told. Mail is queued
and sent when the transaction commits; a site without a configured mail server logs
a warning and goes on — a notification never blocks a review step.
"""

from gov.infomgmt import _
from gov.infomgmt import logger
from gov.infomgmt.indexers import gov_reviewers
from gov.infomgmt.tasks import DRAFT_STATES
from gov.infomgmt.tasks import STAGES
from gov.infomgmt.workflow import rules
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


def expand(principals):
    """User ids behind principal ids, groups expanded to their members."""
    users = set()
    for principal in principals:
        group = api.group.get(groupname=principal)
        if group is not None:
            users |= {member.getId() for member in group.getGroupMembers()}
        elif api.user.get(userid=principal) is not None:
            users.add(principal)
    return users


def duty_holders(obj):
    """The users who may pass the item's current step (not administrators by their role)."""
    principals = [
        p.removeprefix("user:") for p in gov_reviewers(obj)() if p.startswith("user:")
    ]
    return expand(principals)


def role_holders(obj, role):
    """The users who hold a role on the item, locally or through a group."""
    acl_users = api.portal.get_tool("acl_users")
    principals = [
        p for p, roles in acl_users._getAllLocalRoles(obj).items() if role in roles
    ]
    return expand(principals)


def addresses(userids):
    """The e-mail addresses of these users, those without one left out."""
    found = []
    for userid in sorted(userids):
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user is not None else None
        if email:
            found.append(email)
    return found


def send(userids, subject, paragraphs, url):
    """Queue one mail to the users; log rather than fail when mail cannot be sent."""
    recipients = addresses(userids)
    if not recipients:
        return []
    request = getRequest()
    subject = translate(subject, context=request)
    body = "\n\n".join([*(translate(p, context=request) for p in paragraphs), url])
    try:
        api.portal.send_email(
            recipient=", ".join(recipients), subject=subject, body=body
        )
    except (ValueError, OSError) as error:
        logger.warning("Notification not sent (%s): %s", error, subject)
        return []
    return recipients


def state_title(obj):
    """The Chinese title of the item's current state."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(obj)
    # the item's own chain (work news, a change), not the type's global one
    title = state
    for workflow in workflow_tool.getWorkflowsFor(obj):
        if state in workflow.states:
            title = workflow.states[state].title or state
    return translate(title, domain="plone", context=getRequest())


def notify_stage(obj, event):
    """After a transition: tell the holders of the new step, or the author of a return."""
    if event.transition is None:
        return
    transition_id = event.transition.getId()
    comment = (event.kwargs or {}).get("comment", "")
    if transition_id in rules.RETURNS:
        people = (
            rules.authors(obj)
            if event.new_state.getId() == "collection"
            else duty_holders(obj)
        )
        send(
            people - {api.user.get_current().getId()},
            _("Returned for revision: ${title}", mapping={"title": obj.Title()}),
            [
                _(
                    "${title} was returned for revision to the stage ${state}.",
                    mapping={"title": obj.Title(), "state": state_title(obj)},
                ),
                _("Comment: ${comment}", mapping={"comment": comment}),
            ],
            obj.absolute_url(),
        )
        return
    new_state = event.new_state.getId()
    if new_state == event.old_state.getId() or new_state not in STAGES:
        return
    if new_state in DRAFT_STATES:
        return
    send(
        duty_holders(obj) - {api.user.get_current().getId()},
        _("Waiting for you: ${title}", mapping={"title": obj.Title()}),
        [
            _(
                "${title} has reached the stage ${state} and waits for you.",
                mapping={"title": obj.Title(), "state": state_title(obj)},
            )
        ],
        obj.absolute_url(),
    )


def remind_deadline(obj, working_days_left):
    """Remind the entry clerks of an item near its deadline, or its leaders once it is late."""
    if working_days_left < 0:
        people = role_holders(obj, "BureauLeader")
        subject = _("Overdue: ${title}", mapping={"title": obj.Title()})
        body = _(
            "${title} should have been published by ${deadline} and is overdue by ${days} working days.",
            mapping={
                "title": obj.Title(),
                "deadline": obj.publication_deadline.isoformat(),
                "days": -working_days_left,
            },
        )
    else:
        people = role_holders(obj, "EntryClerk")
        subject = _("Deadline near: ${title}", mapping={"title": obj.Title()})
        body = _(
            "${title} must be published by ${deadline}: ${days} working days left.",
            mapping={
                "title": obj.Title(),
                "deadline": obj.publication_deadline.isoformat(),
                "days": working_days_left,
            },
        )
    return send(people, subject, [body], obj.absolute_url())
