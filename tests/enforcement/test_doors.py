"""The acceptance table: every door of a case file × every kind of user, with its journal lines.

A door is any address that yields a case file's content. Each request, allowed or
refused, writes exactly one journal line; only what the gate allows answers 200.
"""

from .gated import CASE
from .gated import PARTY_ID
from .gated import PDF
from gov.infomgmt.journal.site import get_journal
from pytest_plone.fixtures.requests import RelativeSession

import pytest


DOORS = {
    "view": CASE,
    "download": f"{CASE}/decision.pdf/@@download/file",
    "inline": f"{CASE}/decision.pdf/@@display-file/file",
    "image": f"{CASE}/photo.png/@@images/file",
    "rest": f"/++api++{CASE}",
    "webdav": f"{CASE}/decision.pdf/manage_FTPget",
    "webdav-get": f"{CASE}/decision.pdf/manage_DAVget",
}
WIDGET = f"{CASE}/decision.pdf/@@edit/++widget++form.widgets.file/@@download"

CONSULTS = {"view": 200, "download": 403, "inline": 200, "image": 200, "rest": 200}
COPIES = {**CONSULTS, "download": 200}
NOTHING = dict.fromkeys(DOORS, "refused")

USERS = {
    "own officer": ("officer1", CONSULTS),
    "other officer": ("officer3", NOTHING),
    "keeper": ("archivist", CONSULTS),
    "leader in charge": ("leader", CONSULTS),
    "other leader": ("leader2", NOTHING),
    "staff with a consult approval": ("staff", CONSULTS),
    "staff with a copy approval": ("collector2", COPIES),
    "expired approval": ("editor", NOTHING),
    "collector": ("collector", NOTHING),
    "anonymous": (None, NOTHING),
}

HANDLERS = {"officer1", "archivist"}

TABLE = [
    (kind, door, USERS[kind][0], USERS[kind][1].get(door, 403))
    for kind in USERS
    for door in DOORS
]


def get(portal, user, path):
    session = RelativeSession(portal.absolute_url())
    session.headers["Accept"] = (
        "application/json" if path.startswith("/++api++") else "text/html"
    )
    if user:
        session.auth = (user, "demo-2026")
    with session:
        return session.get(path, allow_redirects=False)


@pytest.mark.parametrize(("kind", "door", "user", "outcome"), TABLE)
def test_door(demo_functional_portal, gated_case, kind, door, user, outcome):
    case = gated_case
    uids = {case.UID(), case["decision.pdf"].UID(), case["photo.png"].UID()}
    before = get_journal().head()[0]
    response = get(demo_functional_portal, user, DOORS[door])
    lines = [e for e in get_journal().entries() if e.id > before and e.record in uids]
    if outcome == "refused":
        assert response.status_code in (302, 401, 403)
        assert [line.action for line in lines] == ["refused"]
    else:
        assert response.status_code == outcome
        assert [line.action for line in lines] == [
            "refused"
            if outcome == 403
            else ("download" if door == "download" else "view")
        ]
    assert lines[0].actor == (user or "anonymous")
    if user not in HANDLERS:
        # The party's identity number in full only for those handling the case.
        assert PARTY_ID.encode() not in response.content
    if response.status_code != 200:
        assert PDF not in response.content
        assert b"PNG" not in response.content[:8]
        assert PARTY_ID.encode() not in response.content
        assert "某某档案服务有限公司" not in response.text


def test_refusal_names_the_missing_approval(demo_functional_portal, gated_case):
    page = get(demo_functional_portal, "officer1", DOORS["download"])
    assert page.status_code == 403
    assert "复制" in page.text
    assert "@@access-register" in page.text
    api_answer = RelativeSession(demo_functional_portal.absolute_url() + "/++api++")
    api_answer.headers["Accept"] = "application/json"
    api_answer.auth = ("officer1", "demo-2026")
    with api_answer:
        answer = api_answer.get(
            "/enforcement-archive/case-doors/decision.pdf/@@download/file"
        )
    assert answer.status_code == 403
    assert answer.json()["missing"] == "copy_approval"


@pytest.mark.parametrize("kind", list(USERS))
def test_the_edit_forms_widget_download_never_yields_the_file(
    demo_functional_portal, gated_case, kind
):
    """The archived file's edit form is closed to all: its widget gives no copy either."""
    response = get(demo_functional_portal, USERS[kind][0], WIDGET)
    assert response.status_code != 200
    assert PDF not in response.content
