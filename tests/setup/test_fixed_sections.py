"""The fixed sections cannot be deleted, renamed or moved by anyone, through any door."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zExceptions import Forbidden

import pytest
import transaction


SECTIONS = ("disclosure", "enforcement-archive", "backup-logs", "disclosure/work-news")


def parent_and_id(portal, path):
    parent_path, _sep, section_id = path.rpartition("/")
    return (portal[parent_path] if parent_path else portal), section_id


def try_door(portal, path, door):
    """Delete, rename or cut-and-paste a section as the ZMI and scripts do."""
    parent, section_id = parent_and_id(portal, path)
    if door == "delete":
        parent.manage_delObjects([section_id])
    elif door == "rename":
        parent.manage_renameObject(section_id, f"{section_id}-old")
    else:
        target = portal["backup-logs"] if path == "disclosure" else portal["disclosure"]
        api.content.move(source=parent[section_id], target=target)


@pytest.mark.parametrize("path", SECTIONS)
@pytest.mark.parametrize("door", ["delete", "rename", "cut"])
def test_zmi_and_python_refuse(demo_portal, path, door):
    parent, section_id = parent_and_id(demo_portal, path)
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden) as refused:
        try_door(demo_portal, path, door)
    assert "不能删除" in str(refused.value)
    assert section_id in parent.objectIds()


@pytest.mark.parametrize("path", SECTIONS)
def test_rest_refuses(demo_api, demo_functional_portal, path):
    session = demo_api()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    deleted = session.delete(f"/{path}")
    assert deleted.status_code == 403, deleted.text[:300]
    renamed = session.patch(f"/{path}", json={"id": "renamed"})
    assert renamed.status_code in (400, 403), renamed.text[:300]
    transaction.begin()
    parent, section_id = parent_and_id(demo_functional_portal, path)
    assert section_id in parent.objectIds()
    assert "renamed" not in parent.objectIds()


@pytest.mark.parametrize("user", ["webmaster", "admin"])
def test_the_ui_delete_form_refuses(demo_api, demo_functional_portal, user):
    """The classic UI's 删除 (delete_confirmation) as a site administrator."""
    session = demo_api(None if user == "admin" else user, api=False)
    if user == "admin":
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    form = session.get("/backup-logs/delete_confirmation")
    import re

    token = re.search(r'name="_authenticator" value="([^"]+)"', form.text)
    assert token, form.text[:300]
    response = session.post(
        "/backup-logs/delete_confirmation",
        data={"_authenticator": token.group(1), "form.buttons.Delete": "删除"},
    )
    assert response.status_code == 403
    if user == "admin":  # Plone's 403 page shows the reason to administrators
        assert "固定栏目" in response.text
    transaction.begin()
    assert "backup-logs" in demo_functional_portal.objectIds()


def test_ordinary_folders_are_still_deleted(demo_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=demo_portal["disclosure"], type="Folder", id="temp", title="临时"
        )
        api.content.delete(folder)
    assert "temp" not in demo_portal["disclosure"].objectIds()
