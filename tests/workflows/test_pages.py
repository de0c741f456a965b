"""The guide, rules and request pages: an editor writes, a second person publishes."""

from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import transaction


PAGES = ["guide", "rules", "on-request"]


def offered(obj, user):
    with api.env.adopt_user(username=user):
        return {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
        }


@pytest.mark.parametrize("page_id", PAGES)
def test_the_pages_follow_the_review(demo_portal, page_id):
    page = demo_portal["disclosure"][page_id]
    chain = api.portal.get_tool("portal_workflow").getChainFor(page)
    assert chain == ("gov_page_workflow",)
    assert api.content.get_state(page) == "published"


@pytest.mark.parametrize("page_id", PAGES)
def test_nobody_edits_a_published_page_in_place(demo_portal, page_id):
    page = demo_portal["disclosure"][page_id]
    for user in ("editor", "webmaster", "collector"):
        assert not api.user.has_permission(
            "Modify portal content", username=user, obj=page
        ), user


def test_a_change_goes_through_the_review_again(demo_portal, do_transition):
    page = demo_portal["disclosure"]["guide"]
    assert do_transition(page, "revise", "editor") == "draft"
    assert "Anonymous" not in {
        p["name"] for p in page.rolesOfPermission("View") if p["selected"]
    }
    with api.env.adopt_user(username="editor"):
        assert api.user.has_permission("Modify portal content", obj=page)
        page.text = RichTextValue(
            "<p>修订后的指南。</p>", "text/html", "text/x-html-safe"
        )
    assert do_transition(page, "submit", "editor") == "pending"
    assert "publish" not in offered(page, "editor")  # no reviewer role, and the writer
    assert not api.user.has_permission(
        "Modify portal content", username="editor", obj=page
    )
    assert do_transition(page, "publish", "webmaster") == "published"
    assert "Anonymous" in {
        p["name"] for p in page.rolesOfPermission("View") if p["selected"]
    }


def test_the_writer_never_publishes(demo_portal, do_transition):
    """Four eyes, even for an administrator who wrote the change."""
    page = demo_portal["disclosure"]["rules"]
    do_transition(page, "revise", "webmaster")
    do_transition(page, "submit", "webmaster")
    assert "publish" not in offered(page, "webmaster")
    with pytest.raises(api.exc.InvalidParameterError):
        do_transition(page, "publish", "webmaster")
    assert api.content.get_state(page) == "pending"
    api.user.grant_roles(
        username="staff", obj=demo_portal["disclosure"], roles=["Reviewer"]
    )
    assert do_transition(page, "publish", "staff") == "published"


def test_the_public_sees_no_revision_in_progress(
    demo_functional_portal, demo_api, do_transition
):
    page = demo_functional_portal["disclosure"]["on-request"]
    do_transition(page, "revise", "editor")
    transaction.commit()
    assert demo_api(api=False).get("/disclosure/on-request").status_code in (401, 200)
    response = demo_api().get("/disclosure/on-request")
    assert response.status_code == 401


def test_the_states_read_in_chinese(demo_portal):
    from zope.i18n import translate

    workflow = api.portal.get_tool("portal_workflow")["gov_page_workflow"]
    titles = {
        translate(s.title, domain="plone", target_language="zh_CN")
        for s in workflow.states.objectValues()
    }
    assert titles == {"草稿", "待审核", "已发布"}
