"""Where a chain applies is the bureau's decision: changing a folder's workflow policy.

A new policy must not drop an item out of its review halfway (不审核不公开), nor send a
published item back to collection: a change is refused while an item below is in
review; every other item keeps its state where the new chain has it (published,
retained, retracted) or starts the new chain at its first state. Each item and the folder get an entry
in their history, and the change is journaled.
"""

from DateTime import DateTime
from gov.infomgmt import _
from gov.infomgmt.journal.site import record_event
from plone import api
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from typing import NamedTuple


# The policies of the bureau: the only ones an administrator may bind.
BUREAU_POLICY_PREFIX = "gov_"

# The review steps of the bureau's chains (full, work news, change): an item in one of
# them would lose its place if its chain changed under it.
IN_REVIEW_STATES = {
    "content_review",
    "secrecy_review",
    "disclosure_review",
    "leader_signoff",
    "leader_decision",
    "entry",
    "entry_check",
    "change_approved",
}

POLICY_CHANGE = "change_policy"
CHANGED_MESSAGE = _(
    "Review chain changed; the change is in the history and the journal."
)


class PolicyRefusal(NamedTuple):
    """Why a change of policy may not happen, and the field at fault."""

    field: str
    message: str


def bureau_policy_ids():
    """The ids of the bureau's own workflow policies."""
    tool = api.portal.get_tool("portal_placeful_workflow")
    return [
        policy_id
        for policy_id in tool.getWorkflowPolicyIds()
        if policy_id.startswith(BUREAU_POLICY_PREFIX)
    ]


def current_policies(folder):
    """The (in, below) policy ids bound to the folder itself, "" where none."""
    config = getattr(folder.aq_base, WorkflowPolicyConfig_id, None)
    if config is None:
        return "", ""
    return config.getPolicyInId() or "", config.getPolicyBelowId() or ""


def objects_below(folder):
    """The folder and every content object inside it, as the workflow sees them."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(folder.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=path):
        yield brain._unrestrictedGetObject()


def refusal(folder, policy_in, policy_below):
    """The reason this change of the folder's policies may not happen, or None."""
    allowed = set(bureau_policy_ids()) | {""}
    for field, policy in (("policy_in", policy_in), ("policy_below", policy_below)):
        if policy not in allowed:
            return PolicyRefusal(
                field,
                _("Workflow policy: only the bureau's review chains can be bound."),
            )
    if (policy_in, policy_below) == current_policies(folder):
        return None
    in_review = [
        obj
        for obj in objects_below(folder)
        if api.content.get_state(obj, default=None) in IN_REVIEW_STATES
    ]
    if in_review:
        return PolicyRefusal(
            "policy_below",
            _(
                "Workflow policy: ${count} item(s) below this folder are in review "
                "(e.g. ${title}); finish or return them before changing the chain.",
                mapping={"count": len(in_review), "title": in_review[0].Title()},
            ),
        )
    return None


def change(folder, policy_in, policy_below):
    """Bind the policies to the folder, carry each item over, and record the change."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    before_policies = current_policies(folder)
    if before_policies == (policy_in, policy_below):
        return 0  # saved unchanged: nothing to record
    before = {}
    for obj in objects_below(folder):
        chain = tuple(workflow_tool.getChainFor(obj))
        before["/".join(obj.getPhysicalPath())] = (
            chain,
            api.content.get_state(obj, default=None),
        )
    if WorkflowPolicyConfig_id not in folder.objectIds():
        folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = folder[WorkflowPolicyConfig_id]
    config.setPolicyIn(policy_in)
    config.setPolicyBelow(policy_below)
    actor = api.user.get_current().getId()
    comment = api.portal.translate(
        _(
            "Review chain changed: ${before} → ${after}",
            mapping={
                "before": " / ".join(p or "-" for p in before_policies),
                "after": f"{policy_in or '-'} / {policy_below or '-'}",
            },
        )
    )
    moved = 0
    folder_path = folder.getPhysicalPath()
    for obj in objects_below(folder):
        is_folder = obj.getPhysicalPath() == folder_path
        old_chain, old_state = before.get("/".join(obj.getPhysicalPath()), ((), None))
        new_chain = tuple(workflow_tool.getChainFor(obj))
        if new_chain == old_chain and not is_folder:
            continue
        for workflow_id in new_chain:
            workflow = workflow_tool[workflow_id]
            state = (
                old_state if old_state in workflow.states else workflow.initial_state
            )
            workflow_tool.setStatusOf(
                workflow_id,
                obj,
                {
                    "action": POLICY_CHANGE,
                    "actor": actor,
                    "comments": comment,
                    "review_state": state,
                    "time": DateTime(),
                },
            )
            workflow.updateRoleMappingsFor(obj)
        obj.reindexObject()
        moved += not is_folder
    record_event(
        folder,
        "workflow_policy_change",
        policy_in_before=before_policies[0],
        policy_below_before=before_policies[1],
        policy_in=policy_in,
        policy_below=policy_below,
        items=moved,
    )
    return moved
