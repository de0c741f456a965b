"""The bulk loader: every record in its state, indexed, numbered, and a resumed run adds the rest."""

from pathlib import Path
from tests.servers import ZopeInstance

import json
import pytest


ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

PROBE = """
import json, os
from zope.component.hooks import setSite
site = app[os.environ["SITE_ID"]]
setSite(site)
catalog = site.portal_catalog
brains = catalog.unrestrictedSearchResults(portal_type="GovernmentInformation")
loaded = [b for b in brains if b.getId.startswith("xxgk-")]
numbers = [b.gov_index_number for b in loaded if b.gov_index_number]
states = sorted({b.review_state for b in loaded})
published = [b for b in loaded if b.review_state == "published"]
anonymous = catalog.searchResults(portal_type="GovernmentInformation")
obj = published[0]._unrestrictedGetObject()
print("PROBE", json.dumps({
    "items": len(loaded),
    "unique_numbers": len(numbers) == len(set(numbers)),
    "numbered": len(numbers),
    "states": states,
    "cases": len(catalog.unrestrictedSearchResults(portal_type="EnforcementRecord")),
    "logs": len(catalog.unrestrictedSearchResults(portal_type="BackupLog")),
    "history": [e["action"] for e in obj.workflow_history[list(obj.workflow_history)[0]]],
    "published_on": bool(obj.published_on),
}))
"""


def probe(instance, tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    output = instance.zconsole(script)
    return json.loads(output.split("PROBE ", 1)[1])


def load(instance, size):
    output = instance.zconsole(
        ROOT / "bench" / "load.py", "--size", str(size), "--batch", "100"
    )
    return json.loads(output.strip().splitlines()[-1])


def test_load_then_resume(tmp_path):
    instance = ZopeInstance(tmp_path / "instance", env={"PYTHONPATH": str(ROOT)})
    instance.create_site(demo=True)
    first = load(instance, 150)
    assert first["created"] >= 150
    resumed = load(instance, 300)
    assert resumed["items_created"] == 150  # only the missing ones
    again = load(instance, 300)
    assert again["created"] == 0
    found = probe(instance, tmp_path)
    assert found["items"] == 300
    assert found["unique_numbers"]
    assert found["numbered"] > 200
    assert {"published", "collection", "retained"} <= set(found["states"])
    assert found["cases"] == 1 + 6  # the demo's and the corpus's
    assert found["logs"] == 1 + 3  # the demo's and the corpus's
    assert found["history"][0] is None  # created …
    assert found["history"][-1] in ("publish", "approve_and_publish")
    assert found["published_on"]
