"""Several Zope instances on one PostgreSQL, HAProxy and Varnish: what scale-out must keep."""

from scripts.cluster import wait_for
from tests.cluster.test_storage_parity import api_url
from tests.cluster.test_storage_parity import session

import concurrent.futures
import pytest
import requests
import threading
import time
import uuid


pytestmark = pytest.mark.slow


def test_created_on_one_instance_is_seen_on_the_other_at_once(cluster):
    title = f"实例一创建 {uuid.uuid4().hex[:6]}"
    created = session("admin").post(
        api_url(cluster.zope_url(1), ""), json={"@type": "Document", "title": title}
    )
    assert created.status_code == 201
    path = "/" + created.json()["id"]
    seen = session("admin").get(api_url(cluster.zope_url(2), path))
    assert seen.status_code == 200
    assert seen.json()["title"] == title


def test_the_journal_is_in_postgresql(cluster):
    """Viewing a case file on one instance is in the journal read through the other."""
    case = "/enforcement-archive/demo-case-2026-001"
    assert (
        session("officer1").get(api_url(cluster.zope_url(1), case)).status_code == 200
    )
    entries = session("webmaster").get(
        api_url(cluster.zope_url(2), "/@journal"), params={"actor": "officer1"}
    )
    assert entries.status_code == 200, entries.text
    assert entries.json()["items_total"] >= 1
    tables = cluster.postgres.psql(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'journal'"
    )
    assert tables.stdout.strip() == "1"


def test_kill_9_loses_no_acknowledged_write(cluster):
    """Writes stream into instance 1; it is killed; every write it answered 2xx survives."""
    acknowledged = []
    stop = threading.Event()
    marker = uuid.uuid4().hex[:6]

    def writer():
        writes = session("admin")
        number = 0
        while not stop.is_set():
            number += 1
            try:
                response = writes.post(
                    api_url(cluster.zope_url(1), ""),
                    json={
                        "@type": "Document",
                        "id": f"w-{marker}-{number}",
                        "title": f"写入 {number}",
                    },
                    timeout=10,
                )
            except (requests.ConnectionError, requests.Timeout):
                continue
            if 200 <= response.status_code < 300:
                acknowledged.append(response.json()["id"])

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(writer) for _ in range(2)]
        deadline = time.monotonic() + 60
        while len(acknowledged) < 20 and time.monotonic() < deadline:
            time.sleep(0.1)
        cluster.kill_zope(1)  # SIGKILL in the middle of the stream
        time.sleep(1)
        stop.set()
        for future in futures:
            future.result()
    assert len(acknowledged) >= 20
    checker = session("admin")
    missing = [
        item_id
        for item_id in acknowledged
        if checker.get(api_url(cluster.zope_url(2), f"/{item_id}")).status_code != 200
    ]
    assert missing == []
    # Instance 1 comes back on the same database and sees them too.
    cluster.start_zope(1)
    wait_for(cluster.zope_url(1), 180)
    assert (
        checker.get(api_url(cluster.zope_url(1), f"/{acknowledged[-1]}")).status_code
        == 200
    )


def test_the_site_stays_up_when_an_instance_dies(cluster):
    """HAProxy sends every request to the instance that lives; nobody sees an error."""
    cluster.kill_zope(2)
    try:
        anonymous = session(None, api=False)
        statuses = [
            anonymous.get(
                f"{cluster.url}/disclosure/@@catalogue", params={"n": n}, timeout=30
            ).status_code
            for n in range(12)
        ]
        assert statuses == [200] * 12
    finally:
        cluster.start_zope(2)
        wait_for(cluster.zope_url(2), 180)


class TestVarnish:
    def test_anonymous_page_cached_then_purged_on_change(self, cluster):
        page = f"{cluster.url}/disclosure/work-priorities-2026"
        anonymous = session(None, api=False)
        first = anonymous.get(page)
        second = anonymous.get(page)
        assert first.status_code == second.status_code == 200
        assert second.headers["X-Cache"] == "HIT"
        description = f"更新 {uuid.uuid4().hex[:6]}"
        changed = session("admin").patch(
            api_url(cluster.url, "/disclosure/work-priorities-2026"),
            json={"description": description},
        )
        assert changed.status_code == 204
        time.sleep(0.5)  # the purge is sent after the commit
        third = anonymous.get(page)
        assert third.headers["X-Cache"] == "MISS"
        assert description in third.text

    def test_logged_in_pages_are_never_cached(self, cluster):
        page = f"{cluster.url}/disclosure/work-priorities-2026"
        editor = session("editor", api=False)
        for _ in range(2):
            response = editor.get(page)
            assert response.status_code == 200
            assert response.headers["X-Cache"] == "MISS"
            assert "s-maxage" not in response.headers.get("Cache-Control", "")
