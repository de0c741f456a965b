"""我的待办: each demo user sees exactly the items waiting for them, and the counts agree."""

from freezegun import freeze_time
from gov.infomgmt import tasks
from plone import api

import pytest


STEPS = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
    ("submit_entry", "clerk"),
]

# item id: how many steps it has passed, and who must act next
STAGED = {
    "draft": (0, "collector"),
    "at-content-review": (1, "sectionhead"),
    "at-secrecy-review": (2, "secrecy"),
    "at-disclosure-review": (3, "discloser"),
    "at-sign-off": (4, "leader"),
    "at-entry": (5, "clerk"),
    "at-entry-check": (6, "clerk"),
}
DEMO_WAITING = {
    "collector": {"repository-renovation-plan"},
    "discloser": {"budget-2026"},
}
USERS = [
    "collector",
    "collector2",
    "sectionhead",
    "secrecy",
    "discloser",
    "leader",
    "clerk",
    "staff",
]


@pytest.fixture
def staged(demo_portal, make_item, do_transition):
    for item_id, (steps, _user) in STAGED.items():
        item = make_item(
            demo_portal["disclosure"], id=item_id, title=f"待办测试 {item_id}"
        )
        item.disclosure_attribute = "proactive"
        for transition, user in STEPS[:steps]:
            do_transition(item, transition, user)
    return demo_portal


def task_ids(user):
    with api.env.adopt_user(username=user):
        return {brain.id for brain in tasks.my_tasks()}


@pytest.mark.parametrize("user", USERS)
def test_each_user_sees_exactly_their_tasks(staged, user):
    expected = {item for item, (_, who) in STAGED.items() if who == user}
    expected |= DEMO_WAITING.get(user, set())
    assert task_ids(user) == expected


def test_returned_item_waits_for_its_author(staged, do_transition):
    item = staged["disclosure"]["at-secrecy-review"]
    do_transition(item, "return_for_revision", "secrecy", comment="请核实数据")
    assert "at-secrecy-review" in task_ids("collector")
    assert "at-secrecy-review" not in task_ids("secrecy")


def test_oldest_first(demo_portal, make_item, do_transition):
    for day, item_id in (("2026-03-02", "newer"), ("2026-02-02", "older")):
        item = make_item(demo_portal["disclosure"], id=item_id)
        with freeze_time(f"{day} 02:00:00"):
            do_transition(item, "submit", "collector")
    with api.env.adopt_user(username="sectionhead"):
        assert [b.id for b in tasks.my_tasks()] == ["older", "newer"]


def test_sharing_change_moves_the_task(staged):
    """A duty granted on a folder through the Sharing tab shows at once."""
    from plone.app.workflow.events import LocalrolesModifiedEvent
    from zope.event import notify

    folder = staged["disclosure"]
    api.user.grant_roles(username="staff", obj=folder, roles=["SecrecyReviewer"])
    # what the Sharing tab does after saving
    folder.reindexObjectSecurity()
    notify(LocalrolesModifiedEvent(folder, None))
    assert task_ids("staff") == {"at-secrecy-review"}


@pytest.mark.parametrize("user", ["sectionhead", "clerk", "discloser"])
def test_counts_match_a_catalog_query(staged, user):
    with api.env.adopt_user(username=user):
        counts = tasks.counts_by_stage(tasks.my_tasks())
        catalog = api.portal.get_tool("portal_catalog")
        for stage, count in counts.items():
            query = {**tasks.task_query(api.user.get_current()), "review_state": stage}
            assert len(catalog(**query)) == count
    assert sum(counts.values()) == len(task_ids(user))


def test_pages_of_a_long_list(demo_portal, make_item, do_transition):
    """A section head with 60 waiting items: oldest first across pages, nothing twice."""
    for number in range(60):
        item = make_item(demo_portal["disclosure"], id=f"waiting-{number:02d}")
        with freeze_time(f"2026-01-01 02:{number:02d}:00"):
            do_transition(item, "submit", "collector")
    with api.env.adopt_user(username="sectionhead"):
        waiting = tasks.my_tasks()
        everything = [brain.id for brain in waiting[: len(waiting)]]
        assert len(everything) == len(waiting) == len(set(everything))
        assert everything[:60] == [f"waiting-{n:02d}" for n in range(60)]
        view = demo_portal.restrictedTraverse("@@my-tasks")
        view.request.form["b_start"] = "50"
        page = view()
    assert "waiting-50" in page
    assert "waiting-59" in page
    assert "waiting-49" not in page


def test_own_drafts_and_duties_counted_once(demo_portal, make_item):
    """A collector's new item is both their draft and their collection duty."""
    make_item(demo_portal["disclosure"], id="mine")
    with api.env.adopt_user(username="collector"):
        waiting = tasks.my_tasks()
        ids = [brain.id for brain in waiting[: len(waiting)]]
        assert ids.count("mine") == 1
        assert len(waiting) == len(ids)
        assert sum(tasks.counts_by_stage(waiting).values()) == len(ids)
