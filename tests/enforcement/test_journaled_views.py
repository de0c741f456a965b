"""Every view and download of a case file is journaled, under concurrent readers too."""

from .test_case_files import new_case
from concurrent.futures import ThreadPoolExecutor
from gov.infomgmt.journal.site import get_journal
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


THREADS = 8
VIEWS_EACH = 5


@pytest.fixture
def case(demo_functional_portal):
    record = new_case(demo_functional_portal, case_id="case-2026-007")
    transaction.commit()
    return record


def session(portal, user=None, api_path=""):
    result = RelativeSession(portal.absolute_url() + api_path)
    result.headers["Accept"] = "application/json" if api_path else "text/html"
    if user:
        result.auth = (user, "demo-2026")
    return result


def test_concurrent_views_all_journaled(demo_functional_portal, case):
    before = len(get_journal().entries(record=case.UID(), action="view"))
    transaction.commit()

    def read(n):
        with session(
            demo_functional_portal, "officer1" if n % 2 else "archivist"
        ) as reader:
            return [
                reader.get("/enforcement-archive/case-2026-007").status_code
                for _ in range(VIEWS_EACH)
            ]

    with ThreadPoolExecutor(THREADS) as pool:
        codes = [code for result in pool.map(read, range(THREADS)) for code in result]
    assert codes == [200] * THREADS * VIEWS_EACH  # no ConflictError reached anyone
    views = get_journal().entries(record=case.UID(), action="view")
    assert len(views) - before == THREADS * VIEWS_EACH
    assert {v.actor for v in views} >= {"officer1", "archivist"}
    assert all(v.address for v in views)
    assert get_journal().verify().ok
    transaction.commit()


def test_download_journaled(demo_functional_portal, case):
    """An own officer's copy needs the leader's approval too (第四条); both answers journaled."""
    from .gated import approve

    path = "/enforcement-archive/case-2026-007/decision.pdf/@@download/file"
    with session(demo_functional_portal, "officer2") as reader:
        assert reader.get(path).status_code == 403
    refused = get_journal().entries(action="refused", actor="officer2")
    assert refused
    assert "decision.pdf" in refused[-1].path
    approve(case, "officer2", "copy", category="own_officer")
    transaction.commit()
    with session(demo_functional_portal, "officer2") as reader:
        response = reader.get(path)
    assert response.status_code == 200
    assert response.content == b"%PDF decision"
    downloads = get_journal().entries(action="download", actor="officer2")
    assert downloads
    assert "decision.pdf" in downloads[-1].path
    transaction.commit()


@pytest.mark.parametrize("user", [None, "staff", "collector"])
def test_no_door_for_others(demo_functional_portal, case, user):
    with session(demo_functional_portal, user) as other:
        page = other.get("/enforcement-archive/case-2026-007", allow_redirects=False)
        assert page.status_code in (302, 401, 403)
        assert "某某档案服务有限公司" not in page.text
        file = other.get(
            "/enforcement-archive/case-2026-007/decision.pdf/@@download/file",
            allow_redirects=False,
        )
        assert file.status_code in (302, 401, 403)
        assert file.content != b"%PDF decision"
    with session(demo_functional_portal, user, "/++api++") as other:
        assert other.get("/enforcement-archive/case-2026-007").status_code in (401, 403)
        assert other.get(
            "/enforcement-archive/case-2026-007/@access-requests"
        ).status_code in (401, 403)
        found = other.get(
            "/@search", params={"SearchableText": "某公司未按规定移交档案案"}
        ).json()
        assert found["items_total"] == 0


def test_api_reads_journaled_and_masked(demo_functional_portal, case):
    """Through the API as on the page: journaled, the identity masked for non-handlers."""
    from plone import api

    before = len(get_journal().entries(record=case.UID(), action="view"))
    transaction.commit()
    with session(demo_functional_portal, "officer1", "/++api++") as officer:
        assert (
            officer.get("/enforcement-archive/case-2026-007").json()["party_id_number"]
            == "91450800MA5KXXXX1Y"
        )
    api.user.grant_roles(username="leader", obj=case, roles=["BureauLeader"])
    transaction.commit()
    with session(demo_functional_portal, "leader", "/++api++") as leader:
        assert (
            leader.get("/enforcement-archive/case-2026-007").json()["party_id_number"]
            == "914***********XX1Y"
        )
    assert len(get_journal().entries(record=case.UID(), action="view")) - before == 2
    transaction.commit()


def test_no_switch_turns_the_journal_off(demo_functional_portal, monkeypatch):
    """The environment variable of the former benchmark switch changes nothing."""
    from gov.infomgmt.journal import site

    record = new_case(demo_functional_portal, case_id="case-2026-008")
    transaction.commit()
    before = len(get_journal().entries(record=record.UID()))
    monkeypatch.setenv("GOV_JOURNAL_OFF", "1")
    site.record_event(record, "view")
    transaction.commit()
    assert len(get_journal().entries(record=record.UID())) == before + 1


@pytest.mark.parametrize(
    ("proxies", "expected"), [((), "127.0.0.1"), (("127.0.0.1",), "203.0.113.9")]
)
def test_forwarded_address_only_from_a_trusted_proxy(
    demo_functional_portal, case, monkeypatch, proxies, expected
):
    """X-Forwarded-For is believed only when zope.conf names the sender a trusted proxy."""
    from ZPublisher import HTTPRequest

    monkeypatch.setattr(HTTPRequest, "trusted_proxies", proxies)
    with session(demo_functional_portal, "officer1") as reader:
        reader.headers["X-Forwarded-For"] = "203.0.113.9"
        assert reader.get("/enforcement-archive/case-2026-007").status_code == 200
    assert get_journal().entries(actor="officer1")[-1].address == expected


def test_exports_are_text_cells(demo_portal):
    """A value that begins with = (or + - @) is text in the exports, never a formula."""
    from gov.infomgmt.journal.export import to_csv
    from gov.infomgmt.journal.export import to_xlsx
    from io import BytesIO
    from openpyxl import load_workbook
    from types import SimpleNamespace

    entry = SimpleNamespace(
        id=7,
        at="2026-12-01T08:00:00",
        actor='=HYPERLINK("http://evil")',
        action="view",
        record="uid",
        path="/gov/x",
        address="+1",
        detail="{}",
        prev_hash="0",
        hash="1",
    )
    text = to_csv([entry]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'+1" in text
    sheet = load_workbook(BytesIO(to_xlsx([entry]))).active
    assert sheet["C2"].data_type == "s"
    assert sheet["C2"].value == '=HYPERLINK("http://evil")'
