"""The access register in the Chinese classic UI: a refused request shows the field at fault."""

from plone import api

import pytest
import transaction


pytestmark = pytest.mark.browser

PASSWORD = "demo-2026"


def test_register_and_decide(demo_functional_portal, page, login, screenshot):
    api.user.grant_roles(
        username="leader",
        obj=demo_functional_portal["enforcement-archive"],
        roles=["BureauLeader"],
    )
    transaction.commit()
    url = demo_functional_portal.absolute_url()
    register = f"{url}/enforcement-archive/demo-case-2026-001/@@access-register"

    login(url, "archivist", PASSWORD)
    page.goto(register)
    assert page.locator("h1").inner_text().strip() == "查阅登记簿"
    page.locator("#category").select_option("lawyer")
    page.locator("#requester_name").fill("张律师")
    page.locator("#organisation").fill("某某律师事务所")
    page.locator("#party_name").fill("某某档案服务有限公司")
    for label in ("介绍信", "有效身份证件", "委托书", "授权书"):
        page.get_by_label(label).check()
    page.locator("#scope").select_option("conclusive_only")
    page.locator("#mode").select_option("copy")
    page.locator("#purpose").fill("代理行政复议")
    page.get_by_role("button", name="登记申请").click()
    page.wait_for_load_state()
    assert page.get_by_text("律师执业证", exact=False).last.is_visible()
    assert "practising_certificate" in page.locator(".text-danger").first.inner_text()
    screenshot("access-register-refused")

    page.get_by_label("律师执业证").check()
    page.get_by_role("button", name="登记申请").click()
    page.wait_for_load_state()
    assert page.locator(".gov-access-status").first.inner_text() == "pending"

    page.context.clear_cookies()
    login(url, "leader", PASSWORD)
    page.goto(register)
    page.get_by_role("button", name="批准").first.click()
    page.wait_for_load_state()
    assert page.locator(".gov-access-status").first.inner_text() == "approved"
