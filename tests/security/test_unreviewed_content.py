"""Nothing unreviewed in public: the catalogue accepts items, their attachments live inside them."""

from plone import api

import base64
import pytest
import transaction


PNG = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
).decode()


def body(portal_type):
    """A REST body adding one object of the type."""
    data = {"@type": portal_type, "title": "未经审核的内容"}
    if portal_type == "File":
        data["file"] = {
            "data": "5pyq57uP5a6h5qC4",
            "encoding": "base64",
            "filename": "a.txt",
            "content-type": "text/plain",
        }
    if portal_type == "Image":
        data["image"] = {
            "data": PNG,
            "encoding": "base64",
            "filename": "a.png",
            "content-type": "image/png",
        }
    return data


@pytest.mark.parametrize("section", ["/disclosure", "/disclosure/work-news"])
@pytest.mark.parametrize(
    "portal_type", ["File", "Image", "Document", "Folder", "Link", "News Item"]
)
@pytest.mark.parametrize("user", ["editor", "collector", "webmaster"])
def test_nothing_loose_in_the_catalogue(
    demo_functional_portal, demo_api, section, portal_type, user
):
    """The issue's probe: the demo editor added a File in /disclosure, public at once."""
    before = set(
        demo_functional_portal.unrestrictedTraverse(section.lstrip("/")).objectIds()
    )
    response = demo_api(user).post(section, json=body(portal_type))
    allowed = user == "webmaster" and portal_type in ("Document", "Folder")
    assert (response.status_code == 201) is allowed, response.text
    assert response.status_code < 500
    transaction.begin()
    after = set(
        demo_functional_portal.unrestrictedTraverse(section.lstrip("/")).objectIds()
    )
    assert (after != before) is allowed


@pytest.mark.parametrize("portal_type", ["File", "Image"])
def test_attachments_inside_their_item_are_as_visible_as_it(
    demo_functional_portal, demo_api, make_item, portal_type
):
    item = make_item(demo_functional_portal["disclosure"])
    transaction.commit()
    added = demo_api("collector").post(
        f"/disclosure/{item.getId()}", json=body(portal_type)
    )
    assert added.status_code == 201, added.text
    url = f"/disclosure/{item.getId()}/{added.json()['id']}"
    assert demo_api().get(url).status_code == 401
    assert demo_api("staff").get(url).status_code in (401, 403)
    assert demo_api("collector").get(url).status_code == 200


def test_the_catalogue_offers_items_only_to_collectors(demo_portal):
    with api.env.adopt_user(username="collector"):
        offered = {t.getId() for t in demo_portal["disclosure"].allowedContentTypes()}
    assert offered == {"GovernmentInformation"}
    with api.env.adopt_user(username="editor"):
        offered = {t.getId() for t in demo_portal["disclosure"].allowedContentTypes()}
    assert offered == set()


@pytest.mark.parametrize("user", ["editor", "staff"])
def test_editors_read_no_drafts(demo_portal, make_item, user):
    """The issue counted 259 items for the editor against 135 for staff: drafts included."""
    make_item(demo_portal["disclosure"], title="采集中的草稿")
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=user):
        states = {b.review_state for b in catalog(portal_type="GovernmentInformation")}
        draft = demo_portal["disclosure"]["repository-renovation-plan"]
        assert not api.user.has_permission("View", obj=draft)
    assert states == {"published"}
