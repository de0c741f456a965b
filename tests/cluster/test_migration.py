"""Moving a FileStorage site into RelStorage: zodbconvert, a checked copy, a site that serves."""

from pathlib import Path
from tests.servers import ADMIN
from tests.servers import ZopeInstance

import pytest
import requests
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def migrate(instance, dsn, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "migrate_to_relstorage.py"), *args],
        env=dict(instance.env, GOV_RELSTORAGE_DSN=dsn),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_copy_a_filestorage_site_into_relstorage(cluster, tmp_path):
    old = ZopeInstance(tmp_path / "filestorage")
    old.create_site(demo=True)
    cluster.postgres.psql("DROP DATABASE IF EXISTS gov_migrated", "postgres")
    cluster.postgres.psql("CREATE DATABASE gov_migrated", "postgres")
    dsn = cluster.postgres.dsn.replace("dbname=gov", "dbname=gov_migrated")

    copied = migrate(old, dsn)
    assert copied.returncode == 0, copied.stderr
    assert "identical" in copied.stdout
    assert "GovernmentInformation" not in copied.stderr

    # A second copy into a database that holds data is refused unless told to clear it.
    again = migrate(old, dsn)
    assert again.returncode == 1
    assert migrate(old, dsn, "--clear").returncode == 0

    # The copied site serves from PostgreSQL as it did from the file.
    moved = ZopeInstance(
        tmp_path / "relstorage",
        env={"GOV_STORAGE": "relstorage", "GOV_RELSTORAGE_DSN": dsn},
    )
    moved.start()
    try:
        item = requests.get(
            f"{moved.url}/++api++/disclosure/work-priorities-2026",
            headers={"Accept": "application/json"},
            auth=ADMIN,
            timeout=30,
        )
        assert item.status_code == 200
        assert item.json()["title"] == "2026年政府信息公开工作要点"
    finally:
        moved.stop()


def test_a_changed_copy_is_caught(cluster, tmp_path):
    old = ZopeInstance(tmp_path / "filestorage")
    old.create_site(demo=False)
    cluster.postgres.psql("DROP DATABASE IF EXISTS gov_other", "postgres")
    cluster.postgres.psql("CREATE DATABASE gov_other", "postgres")
    dsn = cluster.postgres.dsn.replace("dbname=gov", "dbname=gov_other")
    assert migrate(old, dsn).returncode == 0
    # The site changes after the copy: the check names what differs.
    old.zconsole(ROOT / "tests" / "cluster" / "add_page.py")
    checked = migrate(old, dsn, "--check-only")
    assert checked.returncode == 1
    assert "Document: " in checked.stderr
