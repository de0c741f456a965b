"""The emergency lane (应急处置): publish at once with a reason, sign off afterwards, retract."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from freezegun import freeze_time
from gov.infomgmt import tasks
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


@pytest.fixture
def emergency_item(demo_portal, make_item):
    return make_item(
        demo_portal["disclosure"],
        user="emergency",
        title="关于暴雨期间档案馆临时闭馆的紧急通知",
        category="emergency",
    )


def test_reason_is_required(emergency_item):
    workflow_tool = api.portal.get_tool("portal_workflow")
    with (
        api.env.adopt_user(username="emergency"),
        pytest.raises(WorkflowRuleViolation) as raised,
    ):
        workflow_tool.doActionFor(emergency_item, "publish_emergency", comment="")
    assert raised.value.refusal.rule == "comment_missing"
    assert api.content.get_state(emergency_item) == "collection"


def test_only_the_emergency_team_publishes_at_once(emergency_item):
    for user in ("collector", "sectionhead", "leader", "clerk"):
        with api.env.adopt_user(username=user):
            offered = {
                t["id"]
                for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                    emergency_item
                )
            }
        assert "publish_emergency" not in offered, user


def test_publish_at_once(emergency_item, do_transition):
    with freeze_time("2026-07-01 02:00:00"):
        state = do_transition(
            emergency_item, "publish_emergency", "emergency", comment="暴雨红色预警"
        )
    assert state == "published"
    assert emergency_item.emergency is True
    assert emergency_item.emergency_reason == "暴雨红色预警"
    assert emergency_item.disclosure_attribute == "proactive"
    assert emergency_item.index_number.startswith("11450800MB1530126F/2026-")
    assert emergency_item.signoff_due == datetime(2026, 7, 2, 2, 0, tzinfo=UTC)
    assert "Anonymous" in {
        p["name"] for p in emergency_item.rolesOfPermission("View") if p["selected"]
    }


def test_late_signoff_shows_on_the_overview(demo_portal, emergency_item, do_transition):
    with freeze_time("2026-07-01 02:00:00"):
        do_transition(
            emergency_item, "publish_emergency", "emergency", comment="暴雨红色预警"
        )
    with api.env.adopt_user(username="leader"):
        in_time = datetime(2026, 7, 1, 20, 0, tzinfo=UTC)
        assert len(tasks.late_signoffs(demo_portal["disclosure"], now=in_time)) == 0
        late = in_time + timedelta(hours=8)
        assert [
            b.id for b in tasks.late_signoffs(demo_portal["disclosure"], now=late)
        ] == [emergency_item.getId()]

    do_transition(emergency_item, "confirm_emergency", "leader", comment="同意发布")
    assert emergency_item.emergency_confirmed is not None
    assert api.content.get_state(emergency_item) == "published"
    with api.env.adopt_user(username="leader"):
        assert len(tasks.late_signoffs(demo_portal["disclosure"], now=late)) == 0
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                emergency_item
            )
        }
    assert "confirm_emergency" not in offered


def test_ordinary_items_need_no_retroactive_sign_off(demo_portal):
    item = demo_portal["disclosure"]["work-priorities-2026"]
    with api.env.adopt_user(username="leader"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert "confirm_emergency" not in offered
    assert "retract" in offered


def test_retraction_needs_a_reason(demo_portal):
    item = demo_portal["disclosure"]["work-priorities-2026"]
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="emergency"), pytest.raises(WorkflowRuleViolation):
        workflow_tool.doActionFor(item, "retract", comment=" ")
    assert api.content.get_state(item) == "published"


class TestRetractedForThepublic:
    """A retracted item's address shows the notice to anonymous users, its content nowhere."""

    @pytest.fixture
    def retracted(self, demo_functional_portal):
        item = demo_functional_portal["disclosure"]["work-priorities-2026"]
        with api.env.adopt_user(username="emergency"):
            api.content.transition(
                obj=item, transition="retract", comment="内容有误，易引起误解"
            )
        transaction.commit()
        return item

    def session(self, portal, api_path=""):
        session = RelativeSession(portal.absolute_url() + api_path)
        session.headers["Accept"] = "application/json" if api_path else "text/html"
        return session

    def test_notice(self, demo_functional_portal, retracted):
        with self.session(demo_functional_portal) as anonymous:
            response = anonymous.get("/disclosure/work-priorities-2026")
        assert response.status_code == 200
        assert "该信息已撤回" in response.text
        assert "内容有误，易引起误解" in response.text
        assert retracted.retracted_on.isoformat() in response.text
        assert "印发如下" not in response.text  # the body text is nowhere
        assert response.headers["X-Cache-Rule"] == "gov.infomgmt.uncached"
        assert "private" in response.headers.get("Cache-Control", "")

    def test_never_from_a_cache(self, demo_functional_portal, retracted):
        with self.session(demo_functional_portal) as anonymous:
            anonymous.get("/disclosure/work-priorities-2026")
            again = anonymous.get("/disclosure/work-priorities-2026")
        assert not again.headers.get("X-RAMCache")

    def test_content_nowhere(self, demo_functional_portal, retracted):
        with self.session(demo_functional_portal) as anonymous:
            # every public address of the item shows the notice, never the text
            for view in ("view", "@@view", "RSS", "@@images/image"):
                response = anonymous.get(
                    f"/disclosure/work-priorities-2026/{view}", allow_redirects=False
                )
                assert "印发如下" not in response.text, view
            assert anonymous.get(
                "/disclosure/work-priorities-2026/@@view", allow_redirects=False
            ).status_code in (302, 401)
        with self.session(demo_functional_portal, "/++api++") as anonymous:
            assert anonymous.get("/disclosure/work-priorities-2026").status_code == 401
            found = anonymous.get(
                "/@search", params={"SearchableText": "工作要点"}
            ).json()
            assert found["items_total"] == 0
            listing = anonymous.get("/disclosure").json()["items"]
            assert "work-priorities-2026" not in {
                i["@id"].rsplit("/", 1)[-1] for i in listing
            }

    def test_staff_still_read_it(self, demo_functional_portal, retracted):
        with self.session(demo_functional_portal) as leader:
            leader.auth = ("leader", "demo-2026")
            response = leader.get("/disclosure/work-priorities-2026")
            assert "该信息已撤回" in response.text
            assert "查看已撤回的信息（仅限工作人员）" in response.text
            assert (
                "印发如下" in leader.get("/disclosure/work-priorities-2026/@@view").text
            )
