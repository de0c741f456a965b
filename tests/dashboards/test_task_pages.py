"""我的待办 as a page and as JSON, for the demo users."""

import pytest


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("discloser", {"局机关2026年部门预算"}),
        ("collector", {"档案库房改造项目规划"}),
        ("leader", set()),
    ],
)
def test_rest(demo_api, user, expected):
    response = demo_api(user).get("/@my-tasks")
    assert response.status_code == 200
    data = response.json()
    assert {item["title"] for item in data["items"]} == expected
    assert data["items_total"] == len(expected)
    assert sum(data["counts"].values()) == len(expected)


def test_page(demo_api):
    response = demo_api("discloser", api=False).get("/@@my-tasks")
    assert response.status_code == 200
    assert "我的待办" in response.text
    assert "局机关2026年部门预算" in response.text
    assert "公开审核" in response.text  # the stage, in Chinese


def test_anonymous_has_no_task_list(demo_api):
    assert demo_api().get("/@my-tasks").status_code == 401
    assert demo_api(api=False).get(
        "/@@my-tasks", allow_redirects=False
    ).status_code in (302, 401)


def test_rest_in_batches(demo_functional_portal, demo_api, make_item, do_transition):
    """A section head's long list comes in pages, with plone.restapi's batching links."""
    import transaction

    for number in range(30):
        item = make_item(
            demo_functional_portal["disclosure"], id=f"waiting-{number:02d}"
        )
        do_transition(item, "submit", "collector")
    transaction.commit()
    first = demo_api("sectionhead").get("/@my-tasks").json()
    assert first["items_total"] >= 30
    assert len(first["items"]) == 25
    assert sum(first["counts"].values()) == first["items_total"]
    assert "next" in first["batching"]
    rest = demo_api("sectionhead").get("/@my-tasks", params={"b_start": 25}).json()
    seen = [i["UID"] for i in first["items"]] + [i["UID"] for i in rest["items"]]
    assert len(seen) == len(set(seen)) == first["items_total"]


@pytest.mark.parametrize("query", ["b_start=x", "b_start=-1", "b_size=0", "b_size=abc"])
def test_bad_batch_parameter_is_named(demo_api, query):
    """GET @my-tasks answers a bad batch parameter with 400 naming it."""
    response = demo_api("sectionhead").get(f"/@my-tasks?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == query.split("=")[0]
