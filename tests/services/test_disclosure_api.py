"""Disclosure items through plone.restapi: fields in Chinese, transitions, and refusals as JSON."""

from plone import api

import ast
import pytest
import transaction


ITEM = {
    "@type": "GovernmentInformation",
    "title": "2026年档案工作统计公报",
    "category": "statistics",
    "responsible_section": "办公室",
    "document_number": "市档发〔2026〕8号",
    "keywords": ["统计", "档案"],
    "text": {"data": "<p>统计数据。</p>", "content-type": "text/html"},
}


@pytest.fixture
def create(demo_api):
    """Create an item through the API as the collector; return its path relative to the site."""

    def run(**changes):
        response = demo_api("collector").post("/disclosure", json={**ITEM, **changes})
        assert response.status_code == 201, response.text
        return "/disclosure/" + response.json()["id"]

    return run


def transition(demo_api, path, name, user, comment="同意"):
    return demo_api(user).post(f"{path}/@workflow/{name}", json={"comment": comment})


def walk(demo_api, path, steps):
    for name, user in steps:
        response = transition(demo_api, path, name, user)
        assert response.status_code == 200, (name, response.text)


class TestSerialization:
    def test_fields_with_chinese_titles(self, demo_api, create):
        path = create()
        data = demo_api("collector").get(path).json()
        assert data["category"] == {"token": "statistics", "title": "统计信息"}
        assert data["validity"] == {"token": "valid", "title": "有效"}
        assert data["publication_channels"] == [
            {"token": "website", "title": "指定的政府网站"}
        ]
        assert data["responsible_section"]["title"] == "办公室"
        assert data["issuing_organ"] == "市档案局"
        assert data["document_number"] == "市档发〔2026〕8号"
        assert data["keywords"] == ["统计", "档案"]
        assert data["index_number"] is None
        assert data["review_state"] == "collection"

    def test_formed_item(self, demo_api, demo_functional_portal):
        data = demo_api().get("/disclosure/work-priorities-2026").json()
        assert data["disclosure_attribute"] == {
            "token": "proactive",
            "title": "主动公开",
        }
        assert data["index_number"].startswith("11450800MB1530126F/")
        assert data["generation_date"]


class TestCreateAndEdit:
    def test_missing_category_is_refused(self, demo_api):
        item = {k: v for k, v in ITEM.items() if k != "category"}
        response = demo_api("collector").post("/disclosure", json=item)
        assert response.status_code == 400
        assert "category" in response.text

    def test_not_disclosed_without_reason(self, demo_api, create):
        path = create()
        walk(demo_api, path, [("submit", "collector")])
        response = demo_api("sectionhead").patch(
            path, json={"disclosure_attribute": "not_disclosed"}
        )
        assert response.status_code == 400
        errors = ast.literal_eval(response.json()["message"])
        assert errors[0]["message"].startswith("不予公开理由")
        # nothing was stored
        data = demo_api("sectionhead").get(path).json()
        assert data["disclosure_attribute"] is None

    def test_collector_cannot_set_the_attribute(self, demo_api, create):
        path = create()
        response = demo_api("collector").patch(
            path, json={"disclosure_attribute": "proactive"}
        )
        assert response.status_code == 403
        assert response.json()["error"]["field"] == "disclosure_attribute"
        assert demo_api("collector").get(path).json()["disclosure_attribute"] is None

    def test_index_number_cannot_be_written(self, demo_api, create):
        path = create()
        response = demo_api("collector").patch(
            path, json={"index_number": "FAKE/2026-00001"}
        )
        assert response.status_code == 403
        assert demo_api("collector").get(path).json()["index_number"] is None


class TestWorkflow:
    def test_walk_with_comments(self, demo_api, create):
        path = create()
        walk(
            demo_api,
            path,
            [("submit", "collector"), ("approve_content", "sectionhead")],
        )
        walk(demo_api, path, [("approve_secrecy", "secrecy")])
        response = demo_api("discloser").patch(
            path, json={"disclosure_attribute": "proactive"}
        )
        assert response.status_code == 204
        walk(
            demo_api,
            path,
            [
                ("approve_disclosure", "discloser"),
                ("sign_off", "leader"),
                ("submit_entry", "clerk"),
                ("publish", "clerk"),
            ],
        )
        data = demo_api().get(path).json()
        assert data["review_state"] == "published"
        history = demo_api("clerk").get(f"{path}/@history").json()
        workflow_entries = [h for h in history if h["type"] == "workflow"]
        # the review trail shows each step by its Chinese title, with its comment
        titles = {h["transition_title"] for h in workflow_entries}
        assert titles >= {"提交内容审核", "签发（主动公开）", "确认无误并发布"}
        assert {
            h["comments"] for h in workflow_entries if h["transition_title"] != "创建"
        } == {"同意"}
        assert {h["actor"]["id"] for h in workflow_entries} >= {
            "collector",
            "leader",
            "clerk",
        }
        # anonymous visitors see the item, not who reviewed it
        assert demo_api().get(f"{path}/@history").status_code in (401, 403)

    def test_wrong_role(self, demo_api, create):
        path = create()
        walk(demo_api, path, [("submit", "collector")])
        response = transition(demo_api, path, "approve_content", "secrecy")
        assert response.status_code == 403
        error = response.json()["error"]
        assert error["rule"] == "wrong_role"
        assert "角色" in error["message"]

    def test_own_item(self, demo_api, demo_functional_portal, create):
        api.user.grant_roles(
            username="collector",
            obj=demo_functional_portal["disclosure"],
            roles=["SectionHead"],
        )
        transaction.commit()
        path = create()
        walk(demo_api, path, [("submit", "collector")])
        response = transition(demo_api, path, "approve_content", "collector")
        assert response.status_code == 403
        assert response.json()["error"]["rule"] == "own_item"
        assert "谁公开谁负责" in response.json()["error"]["message"]

    def test_second_step_by_same_person(self, demo_api, demo_functional_portal, create):
        api.user.grant_roles(
            username="sectionhead",
            obj=demo_functional_portal["disclosure"],
            roles=["SecrecyReviewer"],
        )
        transaction.commit()
        path = create()
        walk(
            demo_api,
            path,
            [("submit", "collector"), ("approve_content", "sectionhead")],
        )
        response = transition(demo_api, path, "approve_secrecy", "sectionhead")
        assert response.status_code == 403
        assert response.json()["error"]["rule"] == "two_steps"
        assert demo_api("secrecy").get(path).json()["review_state"] == "secrecy_review"

    def test_missing_attribute(self, demo_api, create):
        path = create()
        walk(
            demo_api,
            path,
            [
                ("submit", "collector"),
                ("approve_content", "sectionhead"),
                ("approve_secrecy", "secrecy"),
            ],
        )
        response = transition(demo_api, path, "approve_disclosure", "discloser")
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["rule"] == "attribute_missing"
        assert error["field"] == "disclosure_attribute"
        assert "公开属性" in error["message"]

    def test_not_disclosed_without_reason(
        self, demo_api, demo_functional_portal, create
    ):
        path = create()
        walk(
            demo_api,
            path,
            [
                ("submit", "collector"),
                ("approve_content", "sectionhead"),
                ("approve_secrecy", "secrecy"),
            ],
        )
        # Stored directly, as an import could: the workflow still refuses it.
        transaction.begin()  # see what the server committed
        item = demo_functional_portal.unrestrictedTraverse(path.lstrip("/"))
        item.disclosure_attribute = "not_disclosed"
        transaction.commit()
        response = transition(demo_api, path, "approve_disclosure", "discloser")
        assert response.status_code == 400
        assert response.json()["error"]["rule"] == "reason_missing"
        assert response.json()["error"]["field"] == "nondisclosure_reason"

    def test_return_needs_a_comment(self, demo_api, create):
        path = create()
        walk(demo_api, path, [("submit", "collector")])
        before = demo_api("sectionhead").get(path).json()
        response = transition(
            demo_api, path, "return_for_revision", "sectionhead", comment=""
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "comment"
        after = demo_api("sectionhead").get(path).json()
        assert after["review_state"] == "content_review"
        assert after["modified"] == before["modified"]
        response = transition(
            demo_api, path, "return_for_revision", "sectionhead", comment="数据需核实"
        )
        assert response.status_code == 200
        assert demo_api("collector").get(path).json()["review_state"] == "collection"


class TestClockAndEmergencyThroughTheAPI:
    def test_entry_clock_in_the_serialization(self, demo_api, create):
        path = create()
        assert demo_api("collector").get(path).json()["entry_clock"] is None
        walk(
            demo_api,
            path,
            [
                ("submit", "collector"),
                ("approve_content", "sectionhead"),
                ("approve_secrecy", "secrecy"),
            ],
        )
        demo_api("discloser").patch(path, json={"disclosure_attribute": "proactive"})
        walk(
            demo_api,
            path,
            [("approve_disclosure", "discloser"), ("sign_off", "leader")],
        )
        data = demo_api("clerk").get(path).json()
        assert data["entry_clock"]["working_days_left"] == 20
        assert data["entry_clock"]["overdue"] is False
        assert data["publication_deadline"] == data["entry_clock"]["deadline"]

    def test_emergency_publication_needs_a_reason(self, demo_api):
        response = demo_api("emergency").post(
            "/disclosure", json={**ITEM, "title": "紧急通知", "category": "emergency"}
        )
        path = "/disclosure/" + response.json()["id"]
        refused = transition(
            demo_api, path, "publish_emergency", "emergency", comment=""
        )
        assert refused.status_code == 400
        assert refused.json()["error"]["field"] == "comment"
        done = transition(
            demo_api, path, "publish_emergency", "emergency", comment="台风预警"
        )
        assert done.status_code == 200
        assert demo_api().get(path).json()["emergency"] is True

    def test_retract_through_the_api(self, demo_api):
        path = "/disclosure/work-priorities-2026"
        response = transition(demo_api, path, "retract", "leader", comment="数据有误")
        assert response.status_code == 200
        assert demo_api().get(path).status_code == 401
