"""The page around the results, over HTTP as an anonymous visitor: the HTML page and the JSON."""

from plone import api
from plone.app.textfield.value import RichTextValue
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


@pytest.fixture
def site(demo_functional_portal):
    """The demo site, with a draft that holds a word no public item has."""
    portal = demo_functional_portal
    with api.env.adopt_user(username="collector"):
        api.content.create(
            container=portal["disclosure"],
            type="GovernmentInformation",
            id="draft-only",
            title="内部草稿专用标题",
            category="work-news",
            responsible_section="办公室",
            text=RichTextValue("<p>草稿专用词</p>", "text/html", "text/x-html-safe"),
        )
    transaction.commit()
    return portal


def get(portal, path, api=False, **kwargs):
    base = portal.absolute_url() + ("/++api++" if api else "")
    with RelativeSession(base) as anonymous:
        anonymous.headers["Accept"] = "application/json" if api else "text/html"
        return anonymous.get(path, **kwargs)


def test_words_looked_for_and_set_aside(site):
    page = get(site, "/@@disclosure-search", params={"q": "工作要点包括哪些"})
    assert "2026年政府信息公开工作要点" in page.text
    assert '<span class="gov-search-looked-for">工作、要点</span>' in page.text
    assert '<span class="gov-search-ignored">包括、哪些</span>' in page.text


def test_word_in_no_public_item_is_named(site):
    """草稿专用 is only in a draft: named as found in no item, the draft not shown."""
    page = get(site, "/@@disclosure-search", params={"q": "工作要点 草稿专用"})
    assert "2026年政府信息公开工作要点" in page.text
    assert "内部草稿专用标题" not in page.text
    assert "gov-search-not-found" in page.text


def test_zero_result_page(site):
    page = get(site, "/@@disclosure-search", params={"q": "作要"})
    assert 'id="gov-search-total">0<' in page.text
    closest = page.text.split('class="gov-search-closest"')[1].split("</ul>")[0]
    assert "2026年政府信息公开工作要点" in closest
    assert f'href="{site.absolute_url()}/disclosure/on-request"' in page.text
    assert "如何申请获取政府信息" in page.text


def test_json_catalogue_says_the_same(site):
    data = get(site, "/@disclosure-catalogue", api=True, params={"q": "作要"}).json()
    assert data["items_total"] == 0
    assert "2026年政府信息公开工作要点" in [
        item["title"] for item in data["search"]["closest"]
    ]
    assert data["search"]["request_form"].endswith("/disclosure/on-request")
    data = get(
        site, "/@disclosure-catalogue", api=True, params={"q": "工作要点包括哪些"}
    ).json()
    assert data["search"]["words"] == ["工作", "要点"]
    assert data["search"]["ignored"] == ["包括", "哪些"]


def test_suggestions_from_public_titles(site):
    data = get(
        site, "/@disclosure-suggestions", api=True, params={"q": "工作要"}
    ).json()
    assert "2026年政府信息公开工作要点" in [item["title"] for item in data["items"]]
    draft = get(
        site, "/@disclosure-suggestions", api=True, params={"q": "草稿专用"}
    ).json()
    assert draft["items"] == []


def test_suggestions_need_q(site):
    response = get(site, "/@disclosure-suggestions", api=True)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "q"
