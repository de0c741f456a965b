"""The journal for auditors: query, export to CSV and Excel, verify through the API and the command."""

from .test_case_files import new_case
from gov.infomgmt.journal.site import journal_url
from io import BytesIO
from openpyxl import load_workbook
from pathlib import Path
from pytest_plone.fixtures.requests import RelativeSession

import os
import pytest
import sqlite3
import subprocess
import sys
import transaction


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def viewed(demo_functional_portal):
    case = new_case(demo_functional_portal, case_id="case-2026-009")
    transaction.commit()
    with RelativeSession(demo_functional_portal.absolute_url()) as officer:
        officer.auth = ("officer1", "demo-2026")
        assert officer.get("/enforcement-archive/case-2026-009").status_code == 200
    return case


def api_session(portal, user="webmaster"):
    session = RelativeSession(portal.absolute_url() + "/++api++")
    session.headers["Accept"] = "application/json"
    session.auth = (user, "demo-2026")
    return session


def test_query_by_record(demo_functional_portal, viewed):
    with api_session(demo_functional_portal) as auditor:
        data = auditor.get(
            "/@journal", params={"record": viewed.UID(), "action": "view"}
        ).json()
    assert data["items_total"] >= 1
    assert data["items"][-1]["actor"] == "officer1"


def test_exports(demo_functional_portal, viewed):
    with api_session(demo_functional_portal) as auditor:
        csv_export = auditor.get(
            "/@journal", params={"record": viewed.UID(), "format": "csv"}
        )
        xlsx_export = auditor.get(
            "/@journal", params={"record": viewed.UID(), "format": "xlsx"}
        )
    assert csv_export.headers["Content-Type"].startswith("text/csv")
    text = csv_export.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,时间(UTC),操作人")
    assert "officer1" in text
    sheet = load_workbook(BytesIO(xlsx_export.content)).active
    assert sheet["C1"].value == "操作人"
    assert any(
        row[2] == "officer1" for row in sheet.iter_rows(min_row=2, values_only=True)
    )


def test_only_auditors(demo_functional_portal, viewed):
    for user in ("officer1", "archivist", "staff"):
        with api_session(demo_functional_portal, user) as other:
            assert other.get("/@journal").status_code in (401, 403)
            assert other.get("/@journal-verify").status_code in (401, 403)


@pytest.fixture
def own_journal(monkeypatch, tmp_path):
    """A journal of this test's own, so that tampering with it harms no other test."""
    monkeypatch.setenv("GOV_JOURNAL_DSN", f"sqlite:///{tmp_path / 'journal.sqlite'}")


def test_verify_names_a_tampered_entry(demo_functional_portal, own_journal, viewed):
    with api_session(demo_functional_portal) as auditor:
        assert auditor.get("/@journal-verify").json()["ok"] is True
    database = journal_url().removeprefix("sqlite:///")
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE journal SET actor = 'nobody' WHERE id = 1")
    with api_session(demo_functional_portal) as auditor:
        response = auditor.get("/@journal-verify")
    assert response.status_code == 409
    assert response.json()["broken_id"] == 1

    command = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "verify_journal.py"), journal_url()],
        capture_output=True,
        text=True,
        env=dict(os.environ),
    )
    assert command.returncode == 1
    assert "BROKEN at entry 1" in command.stdout


def test_journal_page(demo_functional_portal, own_journal, viewed):
    with RelativeSession(demo_functional_portal.absolute_url()) as auditor:
        auditor.auth = ("webmaster", "demo-2026")
        page = auditor.get("/@@journal", params={"actor": "officer1", "verify": "1"})
    assert page.status_code == 200
    assert "officer1" in page.text
    assert "gov-journal-verify" in page.text
    assert "alert-success" in page.text
    with RelativeSession(demo_functional_portal.absolute_url()) as officer:
        officer.auth = ("officer1", "demo-2026")
        assert officer.get("/@@journal", allow_redirects=False).status_code in (
            302,
            401,
            403,
        )


def test_integrity_check_on_demand(demo_functional_portal, viewed):
    from plone import api

    with api.env.adopt_user(username="officer1"):
        api.portal.get_tool("portal_workflow").doActionFor(
            viewed, "decide", comment="决定"
        )
    with api.env.adopt_user(username="archivist"):
        api.portal.get_tool("portal_workflow").doActionFor(
            viewed, "archive", comment="归档"
        )
    transaction.commit()
    url = "/enforcement-archive/case-2026-009/@integrity-check"
    with api_session(demo_functional_portal, "archivist") as keeper:
        assert keeper.post(url).json()["ok"] is True
    with viewed["decision.pdf"].file.open("w") as blob:
        blob.write(b"forged decision")
    transaction.commit()
    with api_session(demo_functional_portal, "archivist") as keeper:
        response = keeper.post(url)
    assert response.status_code == 409
    assert [m["id"] for m in response.json()["mismatches"]] == ["decision.pdf"]
    with api_session(demo_functional_portal, "staff") as other:
        assert other.post(url).status_code in (401, 403)


def test_journal_page_names_a_broken_entry_in_chinese(
    demo_functional_portal, own_journal, viewed
):
    database = journal_url().removeprefix("sqlite:///")
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE journal SET action = 'nothing' WHERE id = 1")
    with RelativeSession(demo_functional_portal.absolute_url()) as auditor:
        auditor.auth = ("webmaster", "demo-2026")
        page = auditor.get("/@@journal", params={"verify": "1"})
    assert "alert-danger" in page.text
    assert "写入后被篡改" in page.text


def test_a_cut_tail_is_named_against_the_anchors(
    demo_functional_portal, own_journal, viewed, monkeypatch, tmp_path
):
    """Deleting the newest entries verifies no more: the site's anchor names the entry."""
    with api_session(demo_functional_portal) as auditor:
        anchored = auditor.post("/@journal-anchor", json={"why": "每日摘要"})
        assert anchored.status_code == 201
        newest = anchored.json()["entry_id"]
        assert auditor.get("/@journal-verify").json()["ok"] is True
    # The head file lives with the key; the site's anchor must catch it on its own.
    monkeypatch.setenv("GOV_SECRETS_DIR", str(tmp_path / "no-head-file"))
    database = journal_url().removeprefix("sqlite:///")
    with sqlite3.connect(database) as raw:
        raw.execute("DELETE FROM journal WHERE id = ?", (newest,))
    with api_session(demo_functional_portal) as auditor:
        response = auditor.get("/@journal-verify")
    assert response.status_code == 409
    assert response.json()["code"] == "truncated"
    assert response.json()["broken_id"] == newest
    assert "每日摘要" in response.json()["reason"]


def test_anchor_refuses_a_bad_occasion(demo_functional_portal, own_journal):
    with api_session(demo_functional_portal) as auditor:
        response = auditor.post("/@journal-anchor", json={"why": ["x"]})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "why"
    with api_session(demo_functional_portal, "officer1") as officer:
        assert officer.post("/@journal-anchor", json={}).status_code in (401, 403)
