"""Backup logs: recorded by IT staff, accepted by a second person, unchangeable from then on."""

from datetime import datetime
from datetime import UTC
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from plone import api
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import transaction


ROLES = [
    "Manager",
    "Site Administrator",
    "ITStaff",
    "DataCustodian",
    "Owner",
    "Editor",
    "Reader",
]


def new_log(portal, checked=True):
    with api.env.adopt_user(username="itstaff"):
        return api.content.create(
            container=portal["backup-logs"],
            type="BackupLog",
            id="backup-2026-11-27",
            title="2026-11-27 全量备份",
            kind="full",
            started=datetime(2026, 11, 27, 1, 0, tzinfo=UTC),
            finished=datetime(2026, 11, 27, 1, 5, tzinfo=UTC),
            size_bytes=1048576,
            files="a" * 64 + "  1048576  filestorage/2026-11-27-01-00-00.fsz",
            medium="移动硬盘 HD-07",
            location="市国家档案馆异地备份库",
            operator="itstaff",
            custodian="custodian",
            **{
                f"protection_{p}": checked
                for p in ("fire", "heat", "damp", "dust", "magnetism", "theft")
            },
        )


def run(obj, transition, user, comment="确认"):
    with api.env.adopt_user(username=user):
        api.portal.get_tool("portal_workflow").doActionFor(
            obj, transition, comment=comment
        )


def roles_with(obj, permission):
    return {p["name"] for p in obj.rolesOfPermission(permission) if p["selected"]}


def test_recorded_log_is_editable_by_it_staff(demo_portal):
    log = new_log(demo_portal)
    assert api.content.get_state(log) == "recorded"
    assert roles_with(log, "Modify portal content") == {"Manager", "ITStaff"}
    assert "Anonymous" not in roles_with(log, "View")


def test_handover_needs_a_second_person(demo_portal):
    log = new_log(demo_portal)
    api.user.grant_roles(username="itstaff", obj=log, roles=["DataCustodian"])
    with pytest.raises(WorkflowRuleViolation):
        run(log, "hand_over", "itstaff")
    run(log, "hand_over", "custodian")
    assert api.content.get_state(log) == "handed_over"


def test_handover_needs_the_six_protections(demo_portal):
    log = new_log(demo_portal, checked=False)
    with pytest.raises(WorkflowRuleViolation) as raised:
        run(log, "hand_over", "custodian")
    assert raised.value.refusal.rule == "protections_unchecked"


@pytest.mark.parametrize("state_steps", [["hand_over"], ["hand_over", "verify"]])
@pytest.mark.parametrize("role", ROLES)
def test_nobody_changes_a_handed_over_log(demo_portal, state_steps, role):
    log = new_log(demo_portal)
    for step in state_steps:
        run(log, step, "custodian")
    assert roles_with(log, "Modify portal content") == set()
    assert roles_with(log, "Delete objects") == set()
    with api.env.adopt_roles([role]):
        assert not api.user.has_permission("Modify portal content", obj=log)


def test_retirement_states_the_destruction(demo_portal):
    log = new_log(demo_portal)
    run(log, "hand_over", "custodian")
    with pytest.raises(WorkflowRuleViolation):
        run(log, "retire", "custodian", comment="")
    run(log, "retire", "custodian", comment="保存期满，由吴芳、孙磊于机房监督消磁销毁")
    assert api.content.get_state(log) == "retired"


def test_not_even_a_manager_through_rest(demo_functional_portal):
    log = new_log(demo_functional_portal)
    run(log, "hand_over", "custodian")
    transaction.commit()
    with RelativeSession(demo_functional_portal.absolute_url() + "/++api++") as admin:
        admin.headers["Accept"] = "application/json"
        admin.auth = ("admin", "secret")
        response = admin.patch(
            "/backup-logs/backup-2026-11-27", json={"location": "别处"}
        )
        assert response.status_code in (401, 403)
        assert admin.delete("/backup-logs/backup-2026-11-27").status_code in (401, 403)
        assert (
            admin.get("/backup-logs/backup-2026-11-27").json()["location"]
            == "市国家档案馆异地备份库"
        )
    with RelativeSession(demo_functional_portal.absolute_url()) as admin:
        admin.auth = ("admin", "secret")
        assert admin.get(
            "/backup-logs/backup-2026-11-27/edit", allow_redirects=False
        ).status_code in (302, 401, 403)
