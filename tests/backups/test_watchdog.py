"""The backup watchdog, restore drills and storage inspections recorded on a log."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from gov.infomgmt import backups
from plone import api
from tests.backups.test_backup_log import new_log
from tests.backups.test_backup_log import run

import pytest
import transaction


@pytest.fixture(autouse=True)
def without_the_demo_log(request):
    """The demo's backup log would answer for the logs these tests make."""
    if "demo_functional_portal" in request.fixturenames:
        portal = request.getfixturevalue("demo_functional_portal")
        portal["backup-logs"]._delObject("demo-backup")
        transaction.commit()
    else:
        request.getfixturevalue("demo_portal")["backup-logs"]._delObject("demo-backup")


NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # the test log finished at 01:05


def codes(found):
    return {finding["code"] for finding in found}


def drill(log, passed, user="custodian", summary="恢复到临时目录，条目数一致"):
    with api.env.adopt_user(username=user):
        return backups.record_drill(log, passed, summary)


def test_an_empty_site_has_no_backup(demo_portal):
    assert codes(backups.findings(NOW)) == {"no_backup"}


def test_a_fresh_handed_over_and_drilled_backup_is_all_well(demo_portal):
    log = new_log(demo_portal)  # finished 2026-11-27 01:05 UTC
    run(log, "hand_over", "custodian")
    drill(log, True)
    assert backups.findings(NOW) == []
    assert api.content.get_state(log) == "verified"


def test_stale_backup_stale_drill_and_pending_handover(demo_portal):
    new_log(demo_portal)
    later = NOW + timedelta(days=2)
    assert codes(backups.findings(later)) == {
        "backup_stale",
        "drill_stale",
        "handover_pending",
    }


def test_thresholds_come_from_the_control_panel(demo_portal):
    log = new_log(demo_portal)
    run(log, "hand_over", "custodian")
    drill(log, True)
    assert backups.findings(NOW) == []
    api.portal.set_registry_record("gov.infomgmt.backups.backup_max_age_hours", 6)
    assert codes(backups.findings(NOW)) == {"backup_stale"}


def test_a_failed_drill_is_loud(demo_portal, mailbox):
    log = new_log(demo_portal)
    run(log, "hand_over", "custodian")
    drill(log, False, summary="backup file changed: filestorage/x.fsz")
    assert api.content.get_state(log) == "handed_over"  # not verified
    found = backups.findings(NOW)
    assert "drill_failed" in codes(found)
    mailbox.refresh()
    assert mailbox, "the administrators are mailed at once"
    assert "itstaff@example.org" in mailbox[-1]["To"]
    assert "filestorage/x.fsz" in mailbox[-1].get_payload(decode=True).decode()


def test_watchdog_mails_each_warning_once_a_day(demo_portal, mailbox):
    new_log(demo_portal)
    found = backups.findings(NOW + timedelta(days=2))
    first = backups.alarm(found, NOW.date())
    assert {f["code"] for f in first} == codes(found)
    assert backups.alarm(found, NOW.date()) == []  # the same day: nothing again
    assert len(backups.alarm(found, NOW.date() + timedelta(days=1))) == len(found)


@pytest.mark.parametrize(
    ("passed", "summary", "field"),
    [("yes", "ok", "passed"), (True, "  ", "summary"), (None, "ok", "passed")],
)
def test_a_drill_needs_a_result_and_a_summary(demo_portal, passed, summary, field):
    log = new_log(demo_portal)
    with pytest.raises(backups.InvalidCheck) as invalid:
        drill(log, passed, summary=summary)
    assert invalid.value.field == field
    assert backups.drills(log) == []


def test_inspections_are_appended_with_who_and_when(demo_portal):
    log = new_log(demo_portal)
    run(log, "hand_over", "custodian")
    with api.env.adopt_user(username="custodian"):
        backups.record_inspection(log, {"fire": True, "theft": True}, "库房湿度偏高")
        backups.record_inspection(
            log,
            dict.fromkeys(("fire", "heat", "damp", "dust", "magnetism", "theft"), True),
        )
    first, second = backups.inspections(log)
    assert first["by"] == "custodian"
    assert first["damp"] is False
    assert first["all_passed"] is False
    assert first["note"] == "库房湿度偏高"
    assert second["all_passed"] is True


def test_the_api_names_the_field_at_fault(demo_functional_portal, demo_api):
    log = new_log(demo_functional_portal)
    transaction.commit()
    session = demo_api("itstaff")
    url = f"/backup-logs/{log.getId()}"
    bad = session.post(f"{url}/@restore-drills", json={"passed": "ja", "summary": "x"})
    assert bad.status_code == 400
    assert bad.json()["error"]["field"] == "passed"
    bad = session.post(f"{url}/@storage-inspections", json={"flood": True})
    assert bad.status_code == 400
    assert bad.json()["error"]["field"] == "flood"
    checks = dict.fromkeys(("fire", "heat", "damp", "dust", "magnetism"), True)
    good = session.post(
        f"{url}/@storage-inspections",
        json={**checks, "theft": False, "note": "例行检查"},
    )
    assert good.status_code == 201
    assert session.get(f"{url}/@storage-inspections").json()["items_total"] == 1
    # Nobody outside IT and custody may record a check, or read them.
    assert demo_api("editor").post(
        f"{url}/@restore-drills", json={"passed": True, "summary": "x"}
    ).status_code in (401, 403)
    assert demo_api().get(f"{url}/@restore-drills").status_code in (401, 403)


def test_watchdog_through_the_api_is_for_administrators(
    demo_functional_portal, demo_api
):
    assert demo_api("webmaster").get("/@backup-watchdog").json()["ok"] is False
    assert demo_api("itstaff").get("/@backup-watchdog").status_code in (401, 403)
    assert demo_api().get("/@backup-watchdog").status_code in (401, 403)


def test_the_control_panel_shows_the_status(demo_functional_portal, demo_api):
    page = demo_api("webmaster", api=False).get("/@@gov-backup-watchdog")
    assert page.status_code == 200
    assert "尚未记录任何备份" in page.text


def test_the_log_page_records_an_inspection(demo_functional_portal, demo_api):
    log = new_log(demo_functional_portal)
    run(log, "hand_over", "custodian")
    transaction.commit()
    browser = demo_api("custodian", api=False)
    page = browser.get(f"/backup-logs/{log.getId()}")
    assert "恢复演练" in page.text
    assert "记录检查" in page.text
    token = (
        page.text.split('name="_authenticator"', 1)[1]
        .split('value="', 1)[1]
        .split('"', 1)[0]
    )
    form = {
        "protections:list": ["fire", "heat", "damp", "dust", "magnetism", "theft"],
        "note": "正常",
        "_authenticator": token,
    }
    done = browser.post(
        f"/backup-logs/{log.getId()}/@@record-storage-inspection", data=form
    )
    assert done.status_code == 200
    forged = browser.post(
        f"/backup-logs/{log.getId()}/@@record-storage-inspection", data={"note": "伪造"}
    )
    assert forged.status_code == 403  # no CSRF token, nothing recorded
    transaction.begin()
    assert [i["note"] for i in backups.inspections(log)] == ["正常"]


def test_upgrade_to_1006_adds_the_settings(demo_portal):
    registry = api.portal.get_tool("portal_registry")
    for name in (
        "backup_max_age_hours",
        "drill_max_age_days",
        "handover_max_pending_hours",
    ):
        del registry.records[f"gov.infomgmt.backups.{name}"]
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("gov.infomgmt:default", "1005")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile("gov.infomgmt:default")
    assert (
        api.portal.get_registry_record("gov.infomgmt.backups.drill_max_age_days") == 30
    )
