"""`make backup`: repozo and blobs with checksums; restoring an earlier point gives exactly it."""

from pathlib import Path
from persistent.mapping import PersistentMapping
from ZODB.blob import Blob

import hashlib
import json
import os
import pytest
import subprocess
import sys
import time
import transaction
import ZODB
import ZODB.FileStorage


ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "backup.py"
REPOZO = Path(sys.executable).parent / "repozo"
# What a bureau states about where its backups are kept (no defaults exist for them).
CUSTODY = {
    "BACKUP_LOCATION": "市国家档案馆异地备份库",
    "BACKUP_MEDIUM": "移动硬盘 HD-07",
    "BACKUP_CUSTODIAN": "custodian",
}


def open_db(instance):
    var = instance / "var"
    storage = ZODB.FileStorage.FileStorage(
        str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage")
    )
    return ZODB.DB(storage)


def write(instance, **values):
    """Commit values into the scratch database (and one blob the first time)."""
    db = open_db(instance)
    manager = transaction.TransactionManager()
    connection = db.open(manager)
    root = connection.root()
    if "items" not in root:
        root["items"] = PersistentMapping()
        root["scan"] = Blob()
        with root["scan"].open("w") as blob:
            blob.write(b"scanned archive page")
    root["items"].update(values)
    manager.commit()
    connection.close()
    db.close()


def read(data_fs):
    storage = ZODB.FileStorage.FileStorage(str(data_fs), read_only=True)
    db = ZODB.DB(storage)
    connection = db.open()
    items = dict(connection.root()["items"])
    connection.close()
    db.close()
    return items


def backup(instance, *args):
    env = dict(
        os.environ,
        GOV_INSTANCE_HOME=str(instance),
        BACKUP_DIR=str(instance / "backups"),
        **CUSTODY,
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True
    )
    assert result.returncode in (0, 3), result.stderr
    return result


@pytest.fixture
def instance(tmp_path):
    for sub in ("filestorage", "blobstorage"):
        (tmp_path / "var" / sub).mkdir(parents=True)
    write(tmp_path, first="第一份文件")
    return tmp_path


def manifests(instance):
    return [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((instance / "backups" / "manifests").glob("*.json"))
    ]


def test_full_then_incremental_with_checksums(instance):
    backup(instance, "--no-record")
    time.sleep(1.1)  # repozo names its files by the second
    write(instance, second="第二份文件")
    backup(instance, "--no-record")
    first, second = manifests(instance)
    assert first["kind"] == "full"
    assert second["kind"] == "incremental"
    assert any(f["name"].startswith("blobstorage/") for f in first["files"])
    for manifest in (first, second):
        for entry in manifest["files"]:
            path = instance / "backups" / entry["name"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]


def test_restore_an_earlier_point_exactly(instance, tmp_path):
    backup(instance, "--no-record")
    time.sleep(1.1)
    write(instance, second="第二份文件", first="改过的第一份")
    backup(instance, "--no-record")
    repository = instance / "backups" / "filestorage"
    full = sorted(p.name for p in repository.glob("*.fsz"))[0]
    point = full.removesuffix(".fsz")  # YYYY-MM-DD-HH-MM-SS of the full backup
    earlier = tmp_path / "earlier.fs"
    subprocess.run(
        [str(REPOZO), "-R", "-r", str(repository), "-D", point, "-o", str(earlier)],
        check=True,
    )
    assert read(earlier) == {"first": "第一份文件"}  # nothing lost, nothing extra
    latest = tmp_path / "latest.fs"
    subprocess.run(
        [str(REPOZO), "-R", "-r", str(repository), "-o", str(latest)], check=True
    )
    assert read(latest) == {"first": "改过的第一份", "second": "第二份文件"}


def test_backup_recorded_in_the_running_site(instance, demo_functional_portal):
    env_url = demo_functional_portal.absolute_url()
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        env=dict(
            os.environ,
            GOV_INSTANCE_HOME=str(instance),
            BACKUP_DIR=str(instance / "backups"),
            SITE_URL=env_url,
            ADMIN_USER="admin",
            ADMIN_PASSWORD="secret",
            BACKUP_OPERATOR="itstaff",
            **CUSTODY,
        ),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    transaction.begin()  # see what the server committed
    logs = demo_functional_portal["backup-logs"].objectValues()
    # The section keeps no order: the newest log is the one created last.
    log = max(
        (obj for obj in logs if obj.portal_type == "BackupLog"),
        key=lambda obj: obj.created(),
    )
    manifest = manifests(instance)[-1]
    assert log.kind == "full"
    assert log.size_bytes == manifest["size"]
    for entry in manifest["files"]:
        assert f"{entry['sha256']}  {entry['size']}  {entry['name']}" in log.files


DRILL = ROOT / "scripts" / "restore_drill.py"


def run_drill(instance, *args):
    env = dict(
        os.environ,
        GOV_INSTANCE_HOME=str(instance),
        BACKUP_DIR=str(instance / "backups"),
    )
    return subprocess.run(
        [sys.executable, str(DRILL), *args], env=env, capture_output=True, text=True
    )


def test_drill_passes_on_a_good_backup(instance):
    backup(instance, "--no-record")
    result = run_drill(instance, "--no-compare")
    assert result.returncode == 0, result.stderr
    assert "Restore drill passed" in result.stdout


def test_drill_fails_and_names_a_corrupted_file(instance):
    backup(instance, "--no-record")
    manifest = manifests(instance)[-1]
    victim = next(
        f["name"] for f in manifest["files"] if f["name"].startswith("filestorage/")
    )
    path = instance / "backups" / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    result = run_drill(instance, "--no-compare")
    assert result.returncode == 1
    assert "RESTORE DRILL FAILED" in result.stderr
    assert victim in result.stderr


def test_drill_recorded_on_the_handed_over_log(instance, demo_functional_portal):
    from plone import api

    site = {
        "SITE_URL": demo_functional_portal.absolute_url(),
        "ADMIN_USER": "admin",
        "ADMIN_PASSWORD": "secret",
    }
    env = dict(
        os.environ,
        GOV_INSTANCE_HOME=str(instance),
        BACKUP_DIR=str(instance / "backups"),
        **site,
        **CUSTODY,
    )
    subprocess.run(
        [sys.executable, str(SCRIPT)], env=env, check=True, capture_output=True
    )
    transaction.begin()
    log = max(
        (
            o
            for o in demo_functional_portal["backup-logs"].objectValues()
            if o.portal_type == "BackupLog"
        ),
        key=lambda o: o.created(),
    )
    for name in ("fire", "heat", "damp", "dust", "magnetism", "theft"):
        setattr(log, f"protection_{name}", True)
    with api.env.adopt_user(username="custodian"):
        api.content.transition(obj=log, transition="hand_over", comment="已接收并存放")
    transaction.commit()
    result = subprocess.run(
        [sys.executable, str(DRILL), "--no-compare", "--record"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    transaction.begin()
    assert api.content.get_state(log) == "verified"
    last = log.workflow_history["gov_backup_workflow"][-1]
    assert last["comments"].startswith("恢复演练通过")


@pytest.mark.parametrize("unset", sorted(CUSTODY))
def test_no_log_without_a_stated_custody(instance, unset):
    """Without the off-site location, medium or custodian, nothing is backed up or recorded."""
    env = dict(
        os.environ,
        GOV_INSTANCE_HOME=str(instance),
        BACKUP_DIR=str(instance / "backups"),
        SITE_URL="http://localhost:1/nowhere",
        **{name: value for name, value in CUSTODY.items() if name != unset},
    )
    env.pop(unset, None)
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert unset in result.stderr
    assert "Backup NOT started" in result.stderr
    assert not (instance / "backups").exists()


def journal_with_entries(instance, count=3):
    """A journal beside the scratch database, written as the site writes it."""
    from gov.infomgmt.journal.store import Journal

    journal = Journal(f"sqlite:///{instance / 'var' / 'journal.sqlite'}", b"k" * 32)
    for n in range(count):
        journal.append("officer1", "view", record=f"uid-{n}")
        transaction.commit()
    return journal


def journal_backup(instance, *args):
    env = dict(
        os.environ,
        GOV_INSTANCE_HOME=str(instance),
        BACKUP_DIR=str(instance / "backups"),
        **CUSTODY,
    )
    env.pop("GOV_JOURNAL_DSN", None)  # the instance's own journal.sqlite
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return manifests(instance)[-1]


def test_the_journal_is_in_the_backup_with_its_head(instance):
    journal = journal_with_entries(instance)
    manifest = journal_backup(instance, "--no-record")
    assert manifest["journal_head"] == {"entry_id": 3, "hash": journal.head()[1]}
    copy = next(f for f in manifest["files"] if f["name"].startswith("journal/"))
    path = instance / "backups" / copy["name"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == copy["sha256"]
    from gov.infomgmt.journal.store import Journal

    assert Journal(f"sqlite:///{path}", b"k" * 32).verify().ok


def test_drill_fails_on_an_altered_journal(instance):
    import sqlite3

    journal_with_entries(instance)
    manifest = journal_backup(instance, "--no-record")
    copy = next(
        f["name"] for f in manifest["files"] if f["name"].startswith("journal/")
    )
    raw = sqlite3.connect(instance / "backups" / copy)
    raw.execute("DELETE FROM journal WHERE id = 3")
    raw.commit()
    raw.close()
    result = run_drill(instance, "--no-compare")
    assert result.returncode == 1
    assert copy in result.stderr
