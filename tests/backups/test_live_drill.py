"""`make backup` and `make restore-drill` against a real running server, as a timer runs them."""

from pathlib import Path
from tests.backups.test_backup_job import CUSTODY
from tests.servers import ADMIN

import json
import pytest
import requests
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-2026"
PROTECTIONS = ("fire", "heat", "damp", "dust", "magnetism", "theft")

pytestmark = pytest.mark.slow


@pytest.fixture
def server(file_server):
    """The demo site on FileStorage, served by runwsgi (shared with other live tests)."""
    return file_server


def run(server, script, *args):
    """A backup script as `make backup` / `make restore-drill` run it."""
    env = dict(
        server.env,
        BACKUP_DIR=str(server.home / "backups"),
        SITE_URL=server.url,
        BACKUP_OPERATOR="itstaff",
        **CUSTODY,
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def api(user=None):
    """A JSON session as a demo user (or the administrator)."""
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    session.auth = (user, DEMO_PASSWORD) if user else ADMIN
    return session


def newest_log(server):
    found = (
        api()
        .get(
            f"{server.url}/++api++/@search",
            params={"portal_type": "BackupLog", "metadata_fields": "created"},
        )
        .json()["items"]
    )
    return max(found, key=lambda item: item["created"])["@id"]


def test_backup_drill_and_watchdog_with_the_server_running(server):
    page = api().post(
        f"{server.url}/++api++/", json={"@type": "Document", "title": "备份前的页面"}
    )
    assert page.status_code == 201, page.text
    backup = run(server, "backup.py")
    assert backup.returncode == 0, backup.stderr
    log_url = newest_log(server)
    log = api().get(log_url).json()
    manifest = json.loads(
        sorted((server.home / "backups" / "manifests").glob("*.json"))[-1].read_text()
    )
    assert log["kind"]["token"] == "full"
    assert log["size_bytes"] == manifest["size"]
    for entry in manifest["files"]:
        assert f"{entry['sha256']}  {entry['size']}  {entry['name']}" in log["files"]

    # The custodian checks the storage place and takes the backup over.
    checked = {f"protection_{p}": True for p in PROTECTIONS}
    assert api("itstaff").patch(log_url, json=checked).status_code == 204
    handover = api("custodian").post(
        f"{log_url}/@workflow/hand_over", json={"comment": "已接收，存入异地库房"}
    )
    assert handover.status_code == 200, handover.text

    drill = run(server, "restore_drill.py", "--record")
    assert drill.returncode == 0, drill.stderr
    summary = json.loads(
        drill.stdout.split("Restore drill passed: ", 1)[1].splitlines()[0]
    )
    assert summary["sample_identical"] >= 10  # items compared one by one
    assert summary["types"]["GovernmentInformation"] > 0
    assert api().get(log_url).json()["review_state"] == "verified"
    drills = api("custodian").get(f"{log_url}/@restore-drills").json()["items"]
    assert drills[-1]["passed"] is True
    assert api().get(f"{server.url}/++api++/@backup-watchdog").json()["ok"] is True

    # Content that the backup holds disappears from the live site: the drill fails,
    # says where, and the failure is on the log and in the watchdog.
    assert api().delete(page.json()["@id"]).status_code == 204
    failed = run(server, "restore_drill.py", "--record")
    assert failed.returncode == 1
    assert "RESTORE DRILL FAILED" in failed.stderr
    assert "'Document'" in failed.stderr
    drills = api("custodian").get(f"{log_url}/@restore-drills").json()["items"]
    assert drills[-1]["passed"] is False
    watchdog = api().get(f"{server.url}/++api++/@backup-watchdog").json()
    assert "drill_failed" in {f["code"] for f in watchdog["findings"]}

    # An incremental backup catches up (content added after it, like its own log,
    # is not held against it), and the next drill passes again.
    assert run(server, "backup.py").returncode == 0
    again = run(server, "restore_drill.py")
    assert again.returncode == 0, again.stderr
