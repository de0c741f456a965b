"""scripts/create_site.py: makes the site once, and never wipes it on a second run."""

from pathlib import Path

import os
import pytest
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
ZCONSOLE = Path(sys.executable).parent / "zconsole"

# Read back from the database what a second run must have kept.
PROBE = """
import sys
site = app[sys.argv[-1]]
print("SECTIONS", sorted(i for i in site.objectIds() if site[i].portal_type == "Folder"))
print("MARKER", site["disclosure"].get("marker") is not None)
print("LANGUAGE", site.Language())
print("USERS", sorted(site.acl_users.getUserIds()))
"""

# Add a document, as an editor would between two starts of the server.
ADD_MARKER = """
import sys, transaction
from zope.component.hooks import setSite
site = app[sys.argv[-1]]
setSite(site)
from plone import api
api.content.create(container=site["disclosure"], type="Document", id="marker", title="标记")
transaction.commit()
"""


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    """A scratch Zope instance with the project's configuration and an empty database."""
    home = tmp_path_factory.mktemp("instance")
    shutil.copytree(ROOT / "instance" / "etc", home / "etc")
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (home / "var" / sub).mkdir(parents=True)
    return home


def zconsole(instance, script, *args):
    """Run a script in the scratch instance as `make` does; return its output."""
    env = dict(os.environ, GOV_INSTANCE_HOME=str(instance), SITE_ID="testsite")
    result = subprocess.run(
        [str(ZCONSOLE), "run", str(instance / "etc" / "zope.conf"), str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def probe(instance, tmp_path, code):
    """Run a snippet of code against the scratch database."""
    script = tmp_path / "probe.py"
    script.write_text(code, encoding="utf-8")
    return zconsole(instance, script, "testsite")


@pytest.mark.slow
def test_second_run_keeps_the_site(instance, tmp_path):
    first = zconsole(instance, ROOT / "scripts" / "create_site.py", "--demo")
    assert "Created the site 'testsite' with demo content." in first

    probe(instance, tmp_path, ADD_MARKER)

    second = zconsole(instance, ROOT / "scripts" / "create_site.py", "--demo")
    assert "The site 'testsite' exists: left as it is." in second
    assert "Created the site" not in second

    state = probe(instance, tmp_path, PROBE)
    assert "SECTIONS ['backup-logs', 'disclosure', 'enforcement-archive']" in state
    assert "MARKER True" in state
    assert "LANGUAGE zh-cn" in state
    assert "'webmaster'" in state
    assert (instance / "var" / "filestorage" / "Data.fs").exists()
