"""A restore drill's pass: recorded by the drill job with its evidence, or by a second person."""

from gov.infomgmt import backups
from plone import api
from tests.backups.test_backup_log import new_log
from tests.backups.test_backup_log import run

import pytest
import transaction


# What scripts/restore_drill.py measured, as it sends it with a pass.
EVIDENCE = {"files_checked": 3, "objects": 1200, "types": {"Document": 4}}


@pytest.fixture
def log(demo_portal):
    """A backup recorded by the IT staff member and handed over to the custodian."""
    demo_portal["backup-logs"]._delObject("demo-backup")
    log = new_log(demo_portal)
    run(log, "hand_over", "custodian")
    return log


# (who records the pass, the evidence sent, recorded?)
PASSES = (
    ("itstaff", None, False),  # the backup's own operator, a bare claim
    ("itstaff", {"files_checked": 0, "objects": 1200}, False),  # checked no file
    ("itstaff", {"files_checked": 3, "objects": 0}, False),  # opened no database
    ("itstaff", EVIDENCE, True),  # the drill job's evidence
    ("custodian", None, True),  # a second person
    ("admin", None, True),  # an administrator who did not record it
)


@pytest.mark.parametrize(("user", "evidence", "recorded"), PASSES)
def test_who_records_a_pass(log, user, evidence, recorded):
    with api.env.adopt_user(username=user):
        if recorded:
            backups.record_drill(log, True, "恢复演练通过", evidence)
        else:
            with pytest.raises(backups.InvalidCheck) as refused:
                backups.record_drill(log, True, "恢复演练通过", evidence)
            assert refused.value.field == "passed"
            assert refused.value.status == 403
    assert len(backups.drills(log)) == (1 if recorded else 0)
    assert api.content.get_state(log) == ("verified" if recorded else "handed_over")
    if recorded and evidence:
        assert backups.drills(log)[0]["evidence"] == evidence


def test_the_author_may_record_a_failure(log):
    with api.env.adopt_user(username="itstaff"):
        backups.record_drill(log, False, "备份文件校验失败：filestorage/x.fsz")
    assert backups.drills(log)[0]["passed"] is False


def test_a_bare_pass_by_the_author_is_refused_through_the_api(
    demo_functional_portal, demo_api
):
    demo_functional_portal["backup-logs"]._delObject("demo-backup")
    log = new_log(demo_functional_portal)
    run(log, "hand_over", "custodian")
    transaction.commit()
    url = f"/backup-logs/{log.getId()}/@restore-drills"
    refused = demo_api("itstaff").post(url, json={"passed": True, "summary": "通过"})
    assert refused.status_code == 403
    assert refused.json()["error"]["field"] == "passed"
    assert "恢复演练" in refused.json()["error"]["message"]
    accepted = demo_api("itstaff").post(
        url, json={"passed": True, "summary": "通过", "evidence": EVIDENCE}
    )
    assert accepted.status_code == 201, accepted.text
    drills = demo_api("custodian").get(url).json()["items"]
    assert drills[-1]["evidence"]["objects"] == 1200
    assert (
        demo_api("custodian").get(f"/backup-logs/{log.getId()}").json()["review_state"]
        == "verified"
    )
