"""`make backup` and `make restore-drill` on RelStorage: pg_dump, pg_restore into scratch, compare."""

from pathlib import Path
from tests.backups.test_backup_job import CUSTODY
from tests.cluster.test_storage_parity import api_url
from tests.cluster.test_storage_parity import session
from tests.servers import ADMIN

import json
import os
import pytest
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(cluster, backup_dir, script, *args):
    env = dict(
        os.environ,
        GOV_STORAGE="relstorage",
        GOV_RELSTORAGE_DSN=cluster.dsn,
        BACKUP_DIR=str(backup_dir),
        SITE_URL=cluster.zope_url(1),
        ADMIN_USER=ADMIN[0],
        ADMIN_PASSWORD=ADMIN[1],
        **CUSTODY,
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_backup_and_drill_on_postgresql(cluster, tmp_path):
    backup_dir = tmp_path / "backups"
    done = run(cluster, backup_dir, "backup.py")
    assert done.returncode == 0, done.stderr
    manifest = json.loads(next((backup_dir / "manifests").glob("*.json")).read_text())
    dump = manifest["files"][0]
    assert dump["name"].startswith("postgresql/")
    assert dump["name"].endswith(".dump")
    found = [
        session("admin").get(item["@id"]).json()
        for item in session("admin")
        .get(
            api_url(cluster.zope_url(2), "/@search"),
            params={"portal_type": "BackupLog"},
        )
        .json()["items"]
    ]
    log = next(log for log in found if dump["sha256"] in log["files"])
    assert f"{dump['sha256']}  {dump['size']}  {dump['name']}" in log["files"]

    drill = run(cluster, backup_dir, "restore_drill.py")
    assert drill.returncode == 0, drill.stderr
    summary = json.loads(drill.stdout.split("Restore drill passed: ", 1)[1])
    assert summary["types"]["GovernmentInformation"] > 0
    assert summary["sample_identical"] >= 10
    scratch = cluster.postgres.psql(
        "SELECT count(*) FROM pg_database WHERE datname LIKE 'gov_restore_drill_%'",
        "postgres",
    )
    assert scratch.stdout.strip() == "0"  # the scratch database is gone

    path = backup_dir / dump["name"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    failed = run(cluster, backup_dir, "restore_drill.py")
    assert failed.returncode == 1
    assert dump["name"] in failed.stderr
