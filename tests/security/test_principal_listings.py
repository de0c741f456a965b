"""Anonymous visitors and plain staff cannot list accounts, groups, roles or internal types."""

import pytest


PRINCIPAL_VOCABULARIES = ("Users", "Groups", "Principals")
INTERNAL_VOCABULARIES = (
    "Roles",
    "PortalTypes",
    "UserFriendlyTypes",
    "ReallyUserFriendlyTypes",
    "Workflows",
    "WorkflowStates",
    "WorkflowTransitions",
)
VOCABULARIES = PRINCIPAL_VOCABULARIES + INTERNAL_VOCABULARIES
INTERNAL_TYPES = ("EnforcementRecord", "BackupLog", "CaseDocument")
INTERNAL_TITLES = ("数据备份记录", "案卷材料", "行政执法案卷")
# user → the status of a guarded vocabulary asked at the site root
WHO = {None: 401, "collector": 403, "webmaster": 200}


@pytest.mark.parametrize("user", list(WHO))
@pytest.mark.parametrize("name", VOCABULARIES)
def test_rest_vocabularies(demo_api, user, name):
    response = demo_api(user).get(f"@vocabularies/plone.app.vocabularies.{name}")
    assert response.status_code == WHO[user]
    if WHO[user] != 200:
        assert "items" not in response.json()
        assert "disclosure-collectors" not in response.text
        assert "EnforcementRecord" not in response.text


@pytest.mark.parametrize("user", list(WHO))
@pytest.mark.parametrize("name", VOCABULARIES)
def test_get_vocabulary_view(demo_api, user, name):
    """The classic widgets' door, @@getVocabulary, answers the same."""
    response = demo_api(user, api=False).get(
        f"@@getVocabulary?name=plone.app.vocabularies.{name}"
    )
    if WHO[user] == 200:
        assert response.json()["results"]
    else:
        assert response.json() == {"error": "Vocabulary lookup not allowed"}


@pytest.mark.parametrize("user", [None, "collector"])
@pytest.mark.parametrize(
    "path", ["@users", "@groups", "@principals?search=dis", "@users/sectionhead"]
)
def test_user_and_group_endpoints(demo_api, user, path):
    response = demo_api(user).get(path)
    assert response.status_code in (401, 403)
    assert "disclosure-collectors" not in response.text
    assert "信息采集员" not in response.text


def test_administrator_still_lists_groups(demo_api):
    """The guard is a permission, not a switch: a Site Administrator keeps the listing."""
    response = demo_api("webmaster").get("@vocabularies/plone.app.vocabularies.Groups")
    tokens = {item["token"] for item in response.json()["items"]}
    assert "disclosure-collectors" in tokens


@pytest.mark.parametrize("user", [None, "collector"])
def test_search_page_names_no_internal_type(demo_api, user):
    text = demo_api(user, api=False).get("@@search?SearchableText=").text
    assert "portal_type" in text  # the type filter is there
    assert "新闻" in text or "页面" in text or "文件" in text
    for word in INTERNAL_TYPES + INTERNAL_TITLES:
        assert word not in text


def test_types_endpoint_names_no_internal_type_to_visitors(demo_api):
    response = demo_api().get("@types")
    assert response.status_code == 401
    for word in INTERNAL_TYPES + INTERNAL_TITLES:
        assert word not in response.text


def test_editor_keeps_the_list_where_they_edit(demo_functional_portal, demo_api):
    """A collector asking on an item of their own (the edit form's widgets) gets the users."""
    from plone import api

    import transaction

    with api.env.adopt_user(username="collector"):
        api.content.create(
            container=demo_functional_portal["disclosure"],
            type="GovernmentInformation",
            id="listing-draft",
            title="名单测试稿",
            category="statistics",
            responsible_section="办公室",
        )
    transaction.commit()
    session = demo_api("collector")
    mine = session.get(
        "disclosure/listing-draft/@vocabularies/plone.app.vocabularies.Users"
    )
    assert mine.status_code == 200
    assert session.get("@vocabularies/plone.app.vocabularies.Users").status_code == 403
