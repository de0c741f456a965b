"""The duty roles: registered, titled in Chinese, delegated in the Sharing tab by administrators only."""

from gov.infomgmt.roles import DUTY_ROLES

import pytest


ROLE_IDS = [role for role, _ in DUTY_ROLES]
CHINESE = [
    "信息采集员",
    "科室负责人",
    "保密审查员",
    "业务主管领导",
    "局领导",
    "信息录入员",
    "应急处置",
    "执法人员",
    "档案管理员",
    "信息技术人员",
    "数据保管员",
]


def test_roles_exist(portal):
    assert set(ROLE_IDS) <= set(portal.validRoles())


def test_sharing_tab_offers_the_duties_in_chinese(demo_api):
    response = demo_api("webmaster").get("/disclosure/@sharing")
    assert response.status_code == 200
    titles = {role["id"]: role["title"] for role in response.json()["available_roles"]}
    assert [titles[role] for role in ROLE_IDS] == CHINESE


@pytest.mark.parametrize("user", ["editor", "sectionhead", "collector"])
def test_others_cannot_delegate_duties(demo_api, user):
    response = demo_api(user).get("/disclosure/@sharing")
    if response.status_code == 200:
        offered = {role["id"] for role in response.json()["available_roles"]}
        assert not offered & set(ROLE_IDS)
    else:
        assert response.status_code in (401, 403)
