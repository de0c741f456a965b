"""Role × state × permission of the disclosure workflows: the table below is the spec."""

from plone import api

import pytest


ADMIN = {"Manager", "Site Administrator"}
STAFF = ADMIN | {"Owner", "Reader"}
DUTIES = {
    "InfoCollector",
    "SectionHead",
    "SecrecyReviewer",
    "DisclosureReviewer",
    "BureauLeader",
    "EntryClerk",
    "EmergencyOfficer",
}
# drafts stay in the section (and with the emergency team, who may publish at once)
IN_SECTION = STAFF | {"InfoCollector", "SectionHead", "EmergencyOfficer"}
ALL_DUTIES = STAFF | DUTIES
NOBODY = set()
EVERYONE = {"Anonymous"}

VIEW = "View"
ACCESS = "Access contents information"
MODIFY = "Modify portal content"
REVIEW = "Review portal content"

# state: {permission: roles}; every role not named lacks the permission.
FULL_CHAIN = {
    "collection": {
        VIEW: IN_SECTION,
        ACCESS: IN_SECTION,
        MODIFY: {"Manager", "Owner", "InfoCollector", "EmergencyOfficer"},
        REVIEW: NOBODY,
    },
    "content_review": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager", "SectionHead"},
        REVIEW: {"Manager", "SectionHead"},
    },
    "secrecy_review": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager"},
        REVIEW: {"Manager", "SecrecyReviewer"},
    },
    "disclosure_review": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager", "DisclosureReviewer"},
        REVIEW: {"Manager", "DisclosureReviewer"},
    },
    "leader_signoff": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager", "BureauLeader"},
        REVIEW: {"Manager", "BureauLeader"},
    },
    "entry": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager", "EntryClerk"},
        REVIEW: {"Manager", "EntryClerk"},
    },
    "entry_check": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager"},
        REVIEW: {"Manager", "EntryClerk"},
    },
    "published": {
        VIEW: EVERYONE,
        ACCESS: EVERYONE,
        MODIFY: {"Manager"},
        REVIEW: NOBODY,
    },
    "retained": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager"},
        REVIEW: NOBODY,
    },
    "retracted": {
        VIEW: ALL_DUTIES,
        ACCESS: ALL_DUTIES,
        MODIFY: {"Manager"},
        REVIEW: NOBODY,
    },
}

SHORT_CHAIN = {
    "collection": {
        **FULL_CHAIN["collection"],
        VIEW: IN_SECTION - {"EmergencyOfficer"},
        ACCESS: IN_SECTION - {"EmergencyOfficer"},
        MODIFY: {"Manager", "Owner", "InfoCollector"},
    },
    "content_review": FULL_CHAIN["content_review"],
    "secrecy_review": FULL_CHAIN["secrecy_review"],
    # the delegated leader decides the attribute and signs off in one step
    "leader_decision": {
        **FULL_CHAIN["leader_signoff"],
        MODIFY: {"Manager", "DisclosureReviewer", "BureauLeader"},
        REVIEW: {"Manager", "DisclosureReviewer", "BureauLeader"},
    },
    "published": FULL_CHAIN["published"],
    "retained": FULL_CHAIN["retained"],
}

# The steps that bring a new item to each state, as (transition, user).
FULL_STEPS = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
    ("submit_entry", "clerk"),
    ("publish", "clerk"),
]
STEPS_TO = {state: FULL_STEPS[:i] for i, state in enumerate(list(FULL_CHAIN)[:8])}
STEPS_TO["retained"] = [*FULL_STEPS[:4], ("sign_off_internal", "leader")]
STEPS_TO["retracted"] = [*FULL_STEPS, ("retract", "emergency")]
SHORT_STEPS = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_and_publish", "discloser"),
]
SHORT_STEPS_TO = {
    state: SHORT_STEPS[:i] for i, state in enumerate(list(SHORT_CHAIN)[:5])
}
SHORT_STEPS_TO["retained"] = [*SHORT_STEPS[:3], ("sign_off_internal", "discloser")]


def roles_with(obj, permission):
    """The roles the item's security grants a permission to."""
    return {p["name"] for p in obj.rolesOfPermission(permission) if p["selected"]}


def item_in_state(container, make_item, do_transition, steps, retained=False):
    """A new item brought to a state by its steps."""
    item = make_item(container)
    item.disclosure_attribute = "not_disclosed" if retained else "proactive"
    item.nondisclosure_reason = "internal-affairs" if retained else None
    for transition, user in steps:
        do_transition(item, transition, user)
    return item


def table(chain):
    return [
        (state, permission) for state, perms in chain.items() for permission in perms
    ]


@pytest.mark.parametrize(("state", "permission"), table(FULL_CHAIN))
def test_full_chain(demo_portal, make_item, do_transition, state, permission):
    item = item_in_state(
        demo_portal["disclosure"],
        make_item,
        do_transition,
        STEPS_TO[state],
        retained=state == "retained",
    )
    assert api.content.get_state(item) == state
    assert roles_with(item, permission) == FULL_CHAIN[state][permission]


@pytest.mark.parametrize(("state", "permission"), table(SHORT_CHAIN))
def test_short_chain(demo_portal, make_item, do_transition, state, permission):
    item = item_in_state(
        demo_portal["disclosure"]["work-news"],
        make_item,
        do_transition,
        SHORT_STEPS_TO[state],
        retained=state == "retained",
    )
    assert api.content.get_state(item) == state
    assert roles_with(item, permission) == SHORT_CHAIN[state][permission]


@pytest.mark.parametrize("state", list(FULL_CHAIN))
def test_attribute_only_by_its_deciders(demo_portal, make_item, do_transition, state):
    """The attribute is proposed, decided, corrected in three states only (第八、十二、十五条)."""
    item = item_in_state(
        demo_portal["disclosure"],
        make_item,
        do_transition,
        STEPS_TO[state],
        retained=state == "retained",
    )
    expected = {
        "content_review": {"Manager", "SectionHead"},
        "disclosure_review": {"Manager", "DisclosureReviewer"},
        "leader_signoff": {"Manager", "BureauLeader"},
    }.get(state, NOBODY)
    assert roles_with(item, "gov.infomgmt: Set disclosure attribute") == expected
