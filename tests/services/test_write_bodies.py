"""Every write endpoint checks its JSON body: 400 naming the field, and nothing written."""

from tests.backups.test_backup_log import new_log
from tests.backups.test_backup_log import run

import pytest
import transaction


ITEM = "/disclosure/work-priorities-2026"
LONG = "长" * 2001
SIX = dict.fromkeys(("fire", "heat", "damp", "dust", "magnetism", "theft"), True)


@pytest.fixture
def site(demo_functional_portal):
    """The demo site with a handed-over backup log of the IT staff member."""
    demo_functional_portal["backup-logs"]._delObject("demo-backup")
    log = new_log(demo_functional_portal)
    run(log, "hand_over", "custodian")
    transaction.commit()
    return demo_functional_portal


LOG = "/backup-logs/backup-2026-11-27"

# (user, path, body as sent, the field the answer must name)
BAD_BODIES = (
    ("clerk", f"{ITEM}/@workflow/retract", "[1, 2]", "body"),
    ("clerk", f"{ITEM}/@workflow/retract", '"comment"', "body"),
    ("clerk", f"{ITEM}/@workflow/retract", "{not json", "body"),
    ("clerk", f"{ITEM}/@workflow/retract", '{"comment": 5}', "comment"),
    ("clerk", f"{ITEM}/@workflow/retract", '{"comment": ["a"]}', "comment"),
    ("clerk", f"{ITEM}/@workflow/retract", f'{{"comment": "{LONG}"}}', "comment"),
    (
        "clerk",
        f"{ITEM}/@workflow/retract",
        '{"include_children": "yes"}',
        "include_children",
    ),
    ("clerk", f"{ITEM}/@workflow/retract", '{"state": "published"}', "state"),
    ("custodian", f"{LOG}/@workflow/verify", "[]", "body"),
    ("custodian", f"{LOG}/@workflow/verify", '{"comment": {"a": 1}}', "comment"),
    ("custodian", f"{LOG}/@restore-drills", "[]", "body"),
    ("custodian", f"{LOG}/@restore-drills", '{"summary": "通过"}', "passed"),
    (
        "custodian",
        f"{LOG}/@restore-drills",
        '{"passed": "true", "summary": "x"}',
        "passed",
    ),
    (
        "custodian",
        f"{LOG}/@restore-drills",
        '{"passed": true, "summary": ""}',
        "summary",
    ),
    (
        "custodian",
        f"{LOG}/@restore-drills",
        '{"passed": true, "summary": 7}',
        "summary",
    ),
    (
        "custodian",
        f"{LOG}/@restore-drills",
        '{"passed": true, "summary": "x", "evidence": {"files_checked": -1, "objects": 2}}',
        "evidence.files_checked",
    ),
    (
        "custodian",
        f"{LOG}/@restore-drills",
        '{"passed": true, "summary": "x", "by": "a"}',
        "by",
    ),
    ("custodian", f"{LOG}/@storage-inspections", "{}", "damp"),
    ("custodian", f"{LOG}/@storage-inspections", '{"flood": true}', "flood"),
    ("custodian", f"{LOG}/@storage-inspections", '{"fire": 1}', "fire"),
    ("admin", "/@disclosure-reminders", "[]", "body"),
    ("admin", "/@disclosure-reminders", '{"date": "2026-01-01"}', "date"),
    ("admin", "/@backup-watchdog", '{"mail": false}', "mail"),
)


def last_transaction(portal):
    """The id of the database's last committed transaction."""
    return portal._p_jar.db().lastTransaction()


@pytest.mark.parametrize(("user", "path", "body", "field"), BAD_BODIES)
def test_bad_body_is_named_and_writes_nothing(demo_api, site, user, path, body, field):
    session = demo_api(None if user == "admin" else user)
    if user == "admin":
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    before = last_transaction(site)
    response = session.post(
        path, data=body.encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == field
    assert error["message"]
    transaction.begin()
    assert last_transaction(site) == before


def test_an_inspection_states_each_protection(demo_api, site):
    fine = {**SIX, "theft": False, "note": "防盗门锁损坏，已报修"}
    response = demo_api("custodian").post(f"{LOG}/@storage-inspections", json=fine)
    assert response.status_code == 201, response.text
    assert response.json()["all_passed"] is False
