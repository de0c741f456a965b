"""No 索引号 with the placeholder organisation code: the first sign-off names the setting."""

from gov.infomgmt.index_numbers import PLACEHOLDER_ORGANISATION_CODE
from gov.infomgmt.workflow import rules
from plone import api
from plone.api.exc import InvalidParameterError

import pytest
import transaction


CODE = "gov.infomgmt.disclosure.organisation_code"
TO_SIGN_OFF = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
]


def to_sign_off(item, do_transition):
    for transition, user in TO_SIGN_OFF:
        if transition == "approve_disclosure":
            item.disclosure_attribute = "proactive"
        do_transition(item, transition, user)


@pytest.mark.parametrize("code", [PLACEHOLDER_ORGANISATION_CODE, "", "  "])
def test_sign_off_refused_with_the_placeholder(
    demo_portal, make_item, do_transition, code
):
    item = make_item(demo_portal["disclosure"])
    to_sign_off(item, do_transition)
    api.portal.set_registry_record(CODE, code)
    with api.env.adopt_user(username="leader"):
        offered = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(item)
        }
    assert "sign_off" not in offered
    refused = rules.refusal(item, "sign_off", "leader")
    assert refused.rule == "organisation_code_placeholder"
    assert refused.field == "organisation_code"
    with pytest.raises(InvalidParameterError):
        do_transition(item, "sign_off", "leader")
    assert api.content.get_state(item) == "leader_signoff"
    assert item.index_number is None


def test_emergency_publication_refused_with_the_placeholder(
    demo_portal, make_item, do_transition
):
    item = make_item(demo_portal["disclosure"])
    api.portal.set_registry_record(CODE, PLACEHOLDER_ORGANISATION_CODE)
    assert rules.refusal(item, "publish_emergency", "emergency").field == (
        "organisation_code"
    )
    with pytest.raises(InvalidParameterError):
        do_transition(item, "publish_emergency", "emergency", comment="暴雨预警")
    assert item.index_number is None


def test_the_api_names_the_setting(
    demo_functional_portal, demo_api, make_item, do_transition
):
    item = make_item(demo_functional_portal["disclosure"])
    to_sign_off(item, do_transition)
    api.portal.set_registry_record(CODE, PLACEHOLDER_ORGANISATION_CODE)
    transaction.commit()
    response = demo_api("leader").post(
        f"/disclosure/{item.getId()}/@workflow/sign_off", json={"comment": "同意"}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "organisation_code"
    assert "组织机构代码" in error["message"]
    assert "政府信息公开设置" in error["message"]


def test_a_real_code_signs_off(demo_portal, make_item, do_transition):
    item = make_item(demo_portal["disclosure"])
    to_sign_off(item, do_transition)
    assert do_transition(item, "sign_off", "leader") == "entry"
    assert item.index_number.startswith("11450800MB1530126F/")
