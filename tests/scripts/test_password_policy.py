"""`make create-site` (the production path) refuses an administrator with a weak password."""

from gov.infomgmt.password_policy import problems
from pathlib import Path

import os
import pytest
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
ZCONSOLE = Path(sys.executable).parent / "zconsole"


@pytest.mark.parametrize(
    ("password", "login", "passes"),
    [
        ("admin", "admin", False),  # the old default
        ("Ab1!xyz", "admin", False),  # 7 characters
        ("abcdefgh1", "admin", False),  # 2 classes
        ("ABCDEFGH!", "admin", False),  # 2 classes
        ("Admin2026!", "admin", False),  # holds the login
        ("xAdMiN-2026", "admin", False),  # holds it in other case
        ("Dangan-2026", "admin", True),  # lower, upper, digits, other
        ("dangan-2026", "admin", True),  # lower, digits, other
        ("档案局Gov2026", "admin", True),  # 汉字 are in no class
    ],
)
def test_policy(password, login, passes):
    assert (problems(password, login) == []) is passes


@pytest.fixture
def empty_instance(tmp_path):
    """A scratch Zope instance with the project's configuration and an empty database."""
    shutil.copytree(ROOT / "instance" / "etc", tmp_path / "etc")
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (tmp_path / "var" / sub).mkdir(parents=True)
    return tmp_path


PROBE = """
import sys
print("SITE", "prodsite" in app.objectIds())
print("ADMIN", app.acl_users.getUserById("admin") is not None)
"""


def zconsole(instance, script, *args, **env):
    return subprocess.run(
        [str(ZCONSOLE), "run", str(instance / "etc" / "zope.conf"), str(script), *args],
        env=dict(
            os.environ,
            GOV_INSTANCE_HOME=str(instance),
            GOV_STORAGE="filestorage",
            SITE_ID="prodsite",
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


@pytest.mark.parametrize("password", ["admin"])
def test_create_site_refuses_a_weak_password(empty_instance, tmp_path, password):
    result = zconsole(
        empty_instance,
        ROOT / "scripts" / "create_site.py",
        ADMIN_USER="admin",
        ADMIN_PASSWORD=password,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "NOT created" in result.stderr
    assert "ADMIN_PASSWORD" in result.stderr
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    state = zconsole(empty_instance, probe).stdout
    assert "SITE False" in state
    assert "ADMIN False" in state
