"""PATCH of a field the user may not set: 403 naming it, and the item exactly as it was."""

from plone import api

import pytest
import transaction


ITEM = {
    "@type": "GovernmentInformation",
    "title": "2026年档案工作统计公报",
    "category": "statistics",
    "responsible_section": "办公室",
}


@pytest.fixture
def draft(demo_api):
    """A draft of the collector's, in collection."""
    response = demo_api("collector").post("/disclosure", json=ITEM)
    assert response.status_code == 201, response.text
    return "/disclosure/" + response.json()["id"]


# (user, item, body, the field refused)
REFUSED = (
    ("collector", "draft", {"index_number": "X/2026-00001"}, "index_number"),
    ("collector", "draft", {"generation_date": "2026-01-01"}, "generation_date"),
    ("collector", "draft", {"emergency": True}, "emergency"),
    # 公开属性 is the reviewers' to decide, not the collector's
    (
        "collector",
        "draft",
        {"disclosure_attribute": "proactive"},
        "disclosure_attribute",
    ),
    (
        "collector",
        "draft",
        {"title": "改名", "nondisclosure_reason": "state-secret"},
        "nondisclosure_reason",
    ),
    (
        "admin",
        "/disclosure/work-priorities-2026",
        {"index_number": "X"},
        "index_number",
    ),
)


def state_of(portal, path):
    """What a reader would notice of the item: its fields and its history."""
    transaction.begin()
    obj = portal.unrestrictedTraverse(
        portal.getPhysicalPath() + tuple(path.strip("/").split("/"))
    )
    return (
        obj.Title(),
        obj.index_number,
        obj.generation_date,
        obj.disclosure_attribute,
        obj.nondisclosure_reason,
        obj.emergency,
        obj.modified(),
        api.content.get_state(obj),
    )


@pytest.mark.parametrize(("user", "item", "body", "field"), REFUSED)
def test_a_field_not_to_be_set_is_refused_by_name(
    demo_api, demo_functional_portal, draft, user, item, body, field
):
    path = draft if item == "draft" else item
    session = demo_api(None if user == "admin" else user)
    if user == "admin":
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    before = state_of(demo_functional_portal, path)
    response = session.patch(path, json=body)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == field
    assert state_of(demo_functional_portal, path) == before


def test_a_field_the_user_may_set_is_set(demo_api, demo_functional_portal, draft):
    response = demo_api("collector").patch(draft, json={"title": "新标题"})
    assert response.status_code == 204, response.text
    assert state_of(demo_functional_portal, draft)[0] == "新标题"


def test_a_body_that_is_no_object_is_refused(demo_api, demo_functional_portal, draft):
    before = state_of(demo_functional_portal, draft)
    response = demo_api("collector").patch(
        draft, data=b"[1]", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "body"
    assert state_of(demo_functional_portal, draft) == before


@pytest.mark.parametrize(
    "body",
    [{"title": "长" * 501}, {"title": 5}, {"description": "长" * 2001}, {"id": ["a"]}],
    ids=["title_501", "title_number", "description_2001", "id_list"],
)
def test_naming_fields_are_checked(demo_api, demo_functional_portal, draft, body):
    before = state_of(demo_functional_portal, draft)
    response = demo_api("collector").patch(draft, json=body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == next(iter(body))
    assert state_of(demo_functional_portal, draft) == before
    created = demo_api("collector").post("/disclosure", json={**ITEM, **body})
    assert created.status_code == 400
    assert created.json()["error"]["field"] == next(iter(body))
