"""State × permission × role for the site's other workflows: the tables below are the spec.

The two disclosure chains have their tables in test_disclosure_permissions.py (items
walked there by their duty holders). Here each object is put into a state the way
DCWorkflow leaves it after a transition (its status, then the state's role mappings),
and its security is compared with the table, every permission the workflow manages.
"""

from AccessControl.Permission import getPermissionIdentifier
from Acquisition import aq_base
from DateTime import DateTime
from plone import api
from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
from tests.backups.test_backup_log import new_log
from tests.enforcement.test_case_files import new_case

import pytest


MANAGER = {"Manager"}
ADMIN = {"Manager", "Site Administrator"}
NOBODY = set()
DUTIES = {
    "InfoCollector",
    "SectionHead",
    "SecrecyReviewer",
    "DisclosureReviewer",
    "BureauLeader",
    "EntryClerk",
    "EmergencyOfficer",
}
ALL_DUTIES = ADMIN | {"Owner", "Reader"} | DUTIES
IN_SECTION = ADMIN | {"Owner", "Reader", "InfoCollector", "SectionHead"}
AUTHOR = {"Manager", "Owner", "InfoCollector"}

VIEW = "View"
ACCESS = "Access contents information"
LIST = "List folder contents"
MODIFY = "Modify portal content"
DELETE = "Delete objects"
ADD = "Add portal content"
REVIEW = "Review portal content"
REQUEST = "Request review"
ATTRIBUTE = "gov.infomgmt: Set disclosure attribute"
EMERGENCY = "gov.infomgmt: Publish emergency information"
CONFIRM = "gov.infomgmt: Confirm emergency publication"
RETRACT = "gov.infomgmt: Retract published information"
CHECKOUT = "iterate : Check out content"
ADD_FILE = "plone.app.contenttypes: Add File"
ADD_IMAGE = "plone.app.contenttypes: Add Image"
POLICIES = "CMFPlacefulWorkflow: Manage workflow policies"
ADD_DOCUMENT = "gov.infomgmt: Add CaseDocument"
ADD_FOLDER = "plone.app.contenttypes: Add Folder"
ADD_PAGE = "plone.app.contenttypes: Add Document"


def change_state(readers, editors, reviewers, attribute=NOBODY):
    """One state of the change chain: who reads, edits (and adds), reviews."""
    return {
        VIEW: readers,
        ACCESS: readers,
        LIST: readers,
        MODIFY: editors,
        ADD: editors,
        ADD_FILE: editors,
        ADD_IMAGE: editors,
        DELETE: editors if editors == AUTHOR else MANAGER,
        REQUEST: AUTHOR if readers == IN_SECTION else ALL_DUTIES,
        REVIEW: reviewers,
        ATTRIBUTE: attribute,
        EMERGENCY: NOBODY,
        CONFIRM: NOBODY,
        RETRACT: NOBODY,
        CHECKOUT: NOBODY,
        POLICIES: NOBODY,
    }


CHANGE_CHAIN = {
    "draft": change_state(IN_SECTION, AUTHOR, NOBODY),
    "content_review": change_state(
        ALL_DUTIES, {"Manager", "SectionHead"}, {"Manager", "SectionHead"}
    ),
    "secrecy_review": change_state(ALL_DUTIES, MANAGER, {"Manager", "SecrecyReviewer"}),
    # the leader decides the attribute (it stays proactive) and signs the change off
    "leader_signoff": change_state(
        ALL_DUTIES,
        {"Manager", "BureauLeader"},
        {"Manager", "BureauLeader"},
        attribute={"Manager", "BureauLeader"},
    ),
    "change_approved": change_state(ALL_DUTIES, MANAGER, {"Manager", "EntryClerk"}),
}

# Case files open by the roles the case itself gives (enforcement/case_roles.py): its
# officers, the leader in charge of its section, readers on an approved request.
CASE_READERS = {
    "Manager",
    "CaseOfficer",
    "ArchiveKeeper",
    "LeaderInCharge",
    "ApprovedReader",
}
OFFICER = {"Manager", "CaseOfficer"}
KEEPER = {"Manager", "ArchiveKeeper"}
SHARING = "Change local roles"
DELEGATE = "Sharing page: Delegate roles"
SET_OFFICERS = "gov.infomgmt: Set case officers"


def case_state(editors, deleters, reviewers, officers_set_by=KEEPER):
    """One state of a case file: who reads, edits, deletes, reviews, sets its officers."""
    return {
        VIEW: CASE_READERS,
        ACCESS: CASE_READERS,
        LIST: CASE_READERS,
        MODIFY: editors,
        ADD: editors,
        ADD_DOCUMENT: editors,
        DELETE: deleters,
        REVIEW: reviewers,
        REQUEST: CASE_READERS - {"ApprovedReader"},
        POLICIES: NOBODY,
        # the register is the only way in: nobody shares a case file
        SHARING: NOBODY,
        DELEGATE: NOBODY,
        SET_OFFICERS: officers_set_by,
    }


ENFORCEMENT = {
    "handling": case_state(OFFICER, OFFICER, OFFICER),
    "decided": case_state(OFFICER, MANAGER, KEEPER),
    # archived: nobody edits or deletes, Manager included (第十六条 of the archive rules)
    "archived": case_state(NOBODY, NOBODY, KEEPER, officers_set_by=NOBODY),
    "correction": case_state(KEEPER, NOBODY, KEEPER),
}

BACKUP_READERS = ADMIN | {"ITStaff", "DataCustodian"}


def backup_state(editors, adders, reviewers):
    """One state of a backup log: never deleted; who edits, appends, reviews."""
    return {
        VIEW: BACKUP_READERS,
        ACCESS: BACKUP_READERS,
        LIST: BACKUP_READERS,
        MODIFY: editors,
        DELETE: NOBODY,
        ADD: adders,
        REVIEW: reviewers,
        REQUEST: BACKUP_READERS,
        POLICIES: NOBODY,
    }


BOTH_KEEPERS = {"Manager", "ITStaff", "DataCustodian"}
BACKUP = {
    "recorded": backup_state(
        {"Manager", "ITStaff"}, {"Manager", "ITStaff"}, {"Manager", "DataCustodian"}
    ),
    # after the handover the facts are fixed; drills, inspections, addenda are appended
    "handed_over": backup_state(NOBODY, BOTH_KEEPERS, BOTH_KEEPERS),
    "verified": backup_state(NOBODY, BOTH_KEEPERS, {"Manager", "DataCustodian"}),
    "retired": backup_state(NOBODY, NOBODY, NOBODY),
}

INTERNAL_READERS = ADMIN | {
    "Owner",
    "Reader",
    "Contributor",
    "Editor",
    "Reviewer",
    "ArchiveKeeper",
    "EnforcementOfficer",
    "ITStaff",
    "DataCustodian",
}
INTERNAL_CONTAINER = {
    "internal": {
        VIEW: INTERNAL_READERS,
        ACCESS: INTERNAL_READERS,
        LIST: INTERNAL_READERS,
        ADD: ADMIN
        | {"Owner", "Contributor", "Editor", "EnforcementOfficer", "ITStaff"}
        | {"DataCustodian"},
        MODIFY: ADMIN | {"Editor"},
        DELETE: ADMIN,
    }
}
PUBLIC_CONTAINER = {
    "public": {
        VIEW: {"Anonymous"},
        ACCESS: {"Anonymous"},
        LIST: ADMIN | {"Owner", "Reader", "Contributor", "Editor", "Reviewer"},
        # the duty holders add items to the sections, on top of Plone's roles
        ADD: {"InfoCollector", "EmergencyOfficer"},
        MODIFY: ADMIN | {"Editor"},
        DELETE: ADMIN,
        # structure and pages of the public sections are the administrators' alone
        ADD_FOLDER: ADMIN,
        ADD_PAGE: ADMIN,
    }
}

PAGE_STAFF = ADMIN | {"Owner", "Editor", "Contributor", "Reviewer", "Reader"}
PAGE_WRITERS = ADMIN | {"Owner", "Editor"}
PAGE = {
    "draft": {
        VIEW: PAGE_STAFF,
        ACCESS: PAGE_STAFF,
        MODIFY: PAGE_WRITERS,
        DELETE: ADMIN,
        REQUEST: PAGE_WRITERS,
        REVIEW: NOBODY,
        POLICIES: NOBODY,
    },
    # under review nobody edits it; a reviewer (or an administrator) publishes it
    "pending": {
        VIEW: PAGE_STAFF,
        ACCESS: PAGE_STAFF,
        MODIFY: NOBODY,
        DELETE: ADMIN,
        REQUEST: NOBODY,
        REVIEW: ADMIN | {"Reviewer"},
        POLICIES: NOBODY,
    },
    # public, and edited by nobody in place: a change is revised and reviewed again
    "published": {
        VIEW: {"Anonymous"},
        ACCESS: {"Anonymous"},
        MODIFY: NOBODY,
        DELETE: ADMIN,
        REQUEST: PAGE_WRITERS,
        REVIEW: NOBODY,
        POLICIES: NOBODY,
    },
}

TABLES = {
    "gov_change_workflow": CHANGE_CHAIN,
    "gov_enforcement_workflow": ENFORCEMENT,
    "gov_backup_workflow": BACKUP,
    "gov_internal_container_workflow": INTERNAL_CONTAINER,
    "gov_public_container_workflow": PUBLIC_CONTAINER,
    "gov_page_workflow": PAGE,
}


def object_of(portal, workflow_id):
    """A fresh object that follows the workflow."""
    if workflow_id == "gov_change_workflow":
        baseline = portal["disclosure"]["work-priorities-2026"]
        with api.env.adopt_user(username="collector"):
            return ICheckinCheckoutPolicy(baseline).checkout(baseline.aq_parent)
    if workflow_id == "gov_enforcement_workflow":
        return new_case(portal)
    if workflow_id == "gov_backup_workflow":
        return new_log(portal)
    if workflow_id == "gov_page_workflow":
        return portal["disclosure"]["guide"]
    if workflow_id == "gov_internal_container_workflow":
        return portal["enforcement-archive"]
    return portal["disclosure"]


def in_state(obj, workflow_id, state):
    """The object as DCWorkflow leaves it on entering the state."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setStatusOf(
        workflow_id,
        obj,
        {
            "action": None,
            "actor": "admin",
            "comments": "",
            "review_state": state,
            "time": DateTime(),
        },
    )
    workflow_tool[workflow_id].updateRoleMappingsFor(obj)
    return obj


def roles_with(obj, permission):
    """The roles the object itself grants the permission to (as the workflow set them).

    Read from the object's permission attribute: a page's class does not list review
    permissions, so rolesOfPermission refuses them, though the workflow sets and
    checks them.
    """
    roles = getattr(aq_base(obj), getPermissionIdentifier(permission), ())
    return set(roles or ())


CASES = [
    (workflow_id, state, permission)
    for workflow_id, table in TABLES.items()
    for state, permissions in table.items()
    for permission in permissions
]


@pytest.mark.parametrize(("workflow_id", "state", "permission"), CASES)
def test_state_permission_roles(demo_portal, workflow_id, state, permission):
    obj = object_of(demo_portal, workflow_id)
    assert api.portal.get_tool("portal_workflow").getChainFor(obj) == (workflow_id,)
    in_state(obj, workflow_id, state)
    assert roles_with(obj, permission) == TABLES[workflow_id][state][permission]


@pytest.mark.parametrize("workflow_id", list(TABLES))
def test_the_table_covers_the_workflow(demo_portal, workflow_id):
    """A state or a managed permission added to a workflow needs its row here."""
    workflow = api.portal.get_tool("portal_workflow")[workflow_id]
    assert set(workflow.states.objectIds()) == set(TABLES[workflow_id])
    for state in workflow.states.objectValues():
        assert set(state.permission_roles or {}) == set(TABLES[workflow_id][state.id])


def test_every_workflow_of_the_site_has_a_table(demo_portal):
    workflow_ids = set(api.portal.get_tool("portal_workflow").objectIds())
    ours = {w for w in workflow_ids if w.startswith("gov_")}
    # the two disclosure chains: test_disclosure_permissions.py
    assert ours - set(TABLES) == {
        "gov_disclosure_workflow",
        "gov_disclosure_short_workflow",
    }
