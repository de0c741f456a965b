"""The emergency lane (应急处置): publish at once with a reason, sign off afterwards, retract."""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from freezegun import freeze_time
from gov.infomgmt import tasks
from gov.infomgmt.workflow import rules
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


class TestTheLaneKeepsTheDecisions:
    """涉密信息不公开，公开信息不涉密 (第四条) in the emergency lane too."""

    @staticmethod
    def refused(item, transition, user):
        with api.env.adopt_user(username=user):
            offered = {
                t["id"]
                for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
            }
        refusal = rules.refusal(item, transition, user)
        assert (transition in offered) is (refusal is None)
        return refusal and refusal.rule

    def test_refused_after_a_decision_not_to_disclose(
        self, demo_portal, make_item, do_transition
    ):
        """The issue's walk: 不予公开 (国家秘密), returned by the leader, then 应急发布."""
        item = make_item(demo_portal["disclosure"])
        for transition, user in (
            ("submit", "collector"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
        ):
            do_transition(item, transition, user)
        item.disclosure_attribute = "not_disclosed"
        item.nondisclosure_reason = "state-secret"
        do_transition(item, "approve_disclosure", "discloser")
        do_transition(item, "return_for_revision", "leader", comment="属于国家秘密")
        assert self.refused(item, "publish_emergency", "emergency") == (
            "recorded_decision"
        )
        # even with the field emptied afterwards, the history keeps the decision
        item.disclosure_attribute = None
        assert self.refused(item, "publish_emergency", "emergency") == (
            "recorded_decision"
        )
        assert api.content.get_state(item) == "collection"

    def test_refused_after_a_secrecy_objection(
        self, demo_portal, make_item, do_transition
    ):
        item = make_item(demo_portal["disclosure"])
        item.disclosure_attribute = "proactive"
        do_transition(item, "submit", "collector")
        do_transition(item, "approve_content", "sectionhead")
        do_transition(item, "return_for_revision", "secrecy", comment="含涉密内容")
        assert self.refused(item, "publish_emergency", "emergency") == (
            "recorded_decision"
        )

    def test_refused_through_the_api(self, demo_functional_portal, make_item, demo_api):
        item = make_item(
            demo_functional_portal["disclosure"],
            user="emergency",
            disclosure_attribute="on_request",
        )
        transaction.commit()
        response = demo_api("emergency").post(
            f"/disclosure/{item.getId()}/@workflow/publish_emergency",
            json={"comment": "紧急"},
        )
        assert response.status_code == 400
        assert response.json()["error"]["rule"] == "recorded_decision"
        assert response.json()["error"]["field"] == "disclosure_attribute"
        assert demo_api().get(f"/disclosure/{item.getId()}").status_code == 401

    def test_the_statement_is_recorded_and_the_attribute_kept(
        self, emergency_item, do_transition
    ):
        emergency_item.disclosure_attribute = "proactive"
        do_transition(
            emergency_item, "publish_emergency", "emergency", comment="暴雨红色预警"
        )
        entry = emergency_item.workflow_history["gov_disclosure_workflow"][-1]
        assert entry["no_secret_statement"] == "emergency"
        assert "不涉及国家秘密" in entry["comments"]
        assert entry["disclosure_attribute"] == "proactive"
        assert emergency_item.emergency_no_secret_statement["by"] == "emergency"

    def test_the_publisher_cannot_confirm_it(
        self, demo_portal, emergency_item, do_transition
    ):
        api.user.grant_roles(
            username="emergency", obj=demo_portal["disclosure"], roles=["BureauLeader"]
        )
        do_transition(
            emergency_item, "publish_emergency", "emergency", comment="暴雨红色预警"
        )
        assert self.refused(emergency_item, "confirm_emergency", "emergency") == (
            "own_emergency"
        )
        # not even with separation of duties relaxed for a small bureau
        api.portal.set_registry_record(rules.RELAX_RECORD, True)
        assert self.refused(emergency_item, "confirm_emergency", "emergency") == (
            "own_emergency"
        )
        assert self.refused(emergency_item, "confirm_emergency", "leader") is None
