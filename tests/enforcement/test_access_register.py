"""The access register through the API: the rules per requester, approval, access that lapses."""

from .test_case_files import new_case
from plone import api
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


LAWYER_PAPERS = [
    "letter_of_introduction",
    "valid_id",
    "power_of_attorney",
    "authorisation",
]


@pytest.fixture
def case(demo_functional_portal):
    record = new_case(demo_functional_portal, case_id="case-2026-011")
    api.user.grant_roles(
        username="leader",
        obj=demo_functional_portal["enforcement-archive"],
        roles=["BureauLeader"],
    )
    transaction.commit()
    return record


def session(portal, user, api_path="/++api++"):
    result = RelativeSession(portal.absolute_url() + api_path)
    result.headers["Accept"] = "application/json" if api_path else "text/html"
    result.auth = (user, "demo-2026")
    return result


def request_body(**changes):
    body = {
        "category": "lawyer",
        "requester_name": "张律师",
        "organisation": "某某律师事务所",
        "party_name": "某某档案服务有限公司",
        "credentials": [*LAWYER_PAPERS, "practising_certificate"],
        "purpose": "代理行政复议",
        "scope": "conclusive_only",
        "mode": "copy",
    }
    body.update(changes)
    return body


def post(portal, body, user="archivist"):
    with session(portal, user) as clerk:
        return clerk.post(
            "/enforcement-archive/case-2026-011/@access-requests", json=body
        )


def test_lawyer_without_practising_certificate(demo_functional_portal, case):
    response = post(demo_functional_portal, request_body(credentials=LAWYER_PAPERS))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["errors"][0]["field"] == "credentials"
    assert "practising_certificate" in error["message"]


def test_party_sees_conclusive_documents_only(demo_functional_portal, case):
    response = post(
        demo_functional_portal,
        request_body(
            category="party",
            credentials=["letter_of_introduction", "valid_id"],
            scope="whole_file",
        ),
    )
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["field"] == "scope"


def test_party_of_another_case(demo_functional_portal, case):
    response = post(demo_functional_portal, request_body(party_name="另一家公司"))
    assert response.status_code == 400
    assert [e["rule"] for e in response.json()["error"]["errors"]] == ["not_own_case"]


def test_no_outside_loan_of_penalty_files(demo_functional_portal, case):
    body = request_body(
        category="court",
        credentials=["letter_of_introduction", "valid_id"],
        scope="whole_file",
        mode="lend",
    )
    response = post(demo_functional_portal, body)
    assert response.status_code == 400
    assert "no_outside_loan" in [e["rule"] for e in response.json()["error"]["errors"]]


def test_own_officer_consults_without_approval(demo_functional_portal, case):
    body = request_body(
        category="own_officer",
        credentials=[],
        scope="whole_file",
        mode="consult",
        requester_userid="officer2",
    )
    response = post(demo_functional_portal, body)
    assert response.status_code == 201
    assert response.json()["status"] == "approved"


def test_lawyer_request_waits_for_the_leader(demo_functional_portal, case):
    response = post(demo_functional_portal, request_body())
    assert response.status_code == 201
    line = response.json()
    assert line["status"] == "pending"
    with session(demo_functional_portal, "officer1") as officer:
        refused = officer.post(
            f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/approve"
        )
    assert refused.status_code in (401, 403)
    with session(demo_functional_portal, "leader") as leader:
        decided = leader.post(
            f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/approve"
        )
        assert decided.json()["status"] == "approved"
        again = leader.post(
            f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/refuse"
        )
        assert again.status_code == 409


def test_staff_access_after_approval_lapses_by_itself(demo_functional_portal, case):
    with session(demo_functional_portal, "staff", api_path="") as staff:
        assert staff.get(
            "/enforcement-archive/case-2026-011", allow_redirects=False
        ).status_code in (302, 401, 403)
    body = request_body(
        category="staff",
        credentials=[],
        scope="whole_file",
        mode="consult",
        requester_userid="staff",
        requester_name="周杰",
    )
    line = post(demo_functional_portal, body).json()
    with session(demo_functional_portal, "leader") as leader:
        leader.post(
            f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/approve",
            json={"valid_days": 1},
        )
    with session(demo_functional_portal, "staff", api_path="") as staff:
        page = staff.get("/enforcement-archive/case-2026-011")
        assert page.status_code == 200
        assert "某某档案服务有限公司" in page.text
        # the identity number stays masked: staff do not handle the case
        assert "91450800MA5KXXXX1Y" not in page.text

    # a day later the approval has lapsed, with nobody doing anything
    from datetime import timedelta
    from gov.infomgmt.access import register
    from gov.infomgmt.access.register import granted_users

    assert "staff" in granted_users(case.UID())
    assert "staff" not in granted_users(
        case.UID(), at=register.now() + timedelta(days=1, minutes=1)
    )
    transaction.commit()


class TestLoans:
    def body(self, **changes):
        return request_body(
            category="own_officer",
            credentials=[],
            scope="whole_file",
            mode="lend",
            requester_userid="officer2",
            requester_name="孙悦",
            **changes,
        )

    def test_a_loan_needs_a_due_date(self, demo_functional_portal, case):
        response = post(demo_functional_portal, self.body())
        assert response.status_code == 400
        assert response.json()["error"]["errors"][0]["field"] == "loan_due"

    def test_overdue_and_returned_with_an_integrity_check(
        self, demo_functional_portal, case
    ):
        from datetime import date
        from datetime import timedelta
        from gov.infomgmt.access import register

        due = (date.today() + timedelta(days=3)).isoformat()
        line = post(demo_functional_portal, self.body(loan_due=due)).json()
        with session(demo_functional_portal, "leader") as leader:
            leader.post(
                f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/approve"
            )
        transaction.begin()
        later = date.today() + timedelta(days=4)
        assert [loan.id for loan in register.overdue_loans(later)] == [line["id"]]
        assert register.overdue_loans(date.today()) == []
        # the file comes back with a document changed: the check names it
        record = demo_functional_portal["enforcement-archive"]["case-2026-011"]
        for doc in record.objectValues():
            from gov.infomgmt.enforcement.integrity import checksum

            doc.sha256 = checksum(doc.file)
        with record["evidence.jpg"].file.open("w") as blob:
            blob.write(b"altered")
        returned, mismatches = register.return_loan(record, line["id"])
        assert [m.id for m in mismatches] == ["evidence.jpg"]
        assert returned.returned_at
        assert register.overdue_loans(later) == []
        transaction.commit()


def test_return_through_the_api(demo_functional_portal, case):
    from datetime import date
    from datetime import timedelta

    body = request_body(
        category="own_officer",
        credentials=[],
        scope="whole_file",
        mode="lend",
        requester_userid="officer2",
        requester_name="孙悦",
        loan_due=(date.today() + timedelta(days=5)).isoformat(),
    )
    line = post(demo_functional_portal, body).json()
    with session(demo_functional_portal, "leader") as leader:
        leader.post(
            f"/enforcement-archive/case-2026-011/@access-request-decision/{line['id']}/approve"
        )
    with session(demo_functional_portal, "archivist") as keeper:
        returned = keeper.post(
            f"/enforcement-archive/case-2026-011/@access-request-return/{line['id']}"
        )
        assert returned.status_code == 200
        assert returned.json()["returned_at"]
        assert returned.json()["mismatches"] == []
        again = keeper.post(
            f"/enforcement-archive/case-2026-011/@access-request-return/{line['id']}"
        )
        assert again.status_code == 409
