"""Editors do the review in the Chinese classic UI: add form, workflow menu, comments, history."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import re
import transaction


pytestmark = pytest.mark.browser

PASSWORD = "demo-2026"


def state_label(page):
    """The state shown in the toolbar's workflow menu, e.g. 状态: 信息采集."""
    return page.locator("#plone-contentmenu-workflow > a").inner_text()


def choose_transition(page, title):
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator("#plone-contentmenu-workflow").get_by_text(title, exact=True).click()
    page.wait_for_load_state()


def test_collector_adds_and_submits(demo_functional_portal, page, login, screenshot):
    url = demo_functional_portal.absolute_url()
    login(url, "collector", PASSWORD)
    page.goto(f"{url}/disclosure/++add++GovernmentInformation")
    assert page.locator("h1").inner_text().strip() == "添加 政府信息"
    # fields are grouped: the default tab, then 文件信息; the attribute is not the collector's
    tabs = [
        t.strip()
        for t in page.locator("nav .nav-link, .autotoc-nav a").all_inner_texts()
    ]
    assert "文件信息" in tabs
    assert "公开属性" not in tabs
    page.get_by_label("标题").fill("2026年第三季度档案接收统计")
    page.get_by_label("主题分类").select_option(label="统计信息")
    page.locator(".autotoc-nav a", has_text="文件信息").click()
    page.get_by_label("文号").fill("市档统〔2026〕9号")
    page.get_by_label("承办科室").select_option(label="档案管理科")
    screenshot("add-form")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "2026年第三季度档案接收统计"
    assert "信息采集" in state_label(page)

    choose_transition(page, "提交内容审核")
    assert "内容审核" in state_label(page)
    screenshot("item-submitted")


@pytest.fixture
def submitted_item(demo_functional_portal):
    with api.env.adopt_user(username="collector"):
        item = api.content.create(
            container=demo_functional_portal["disclosure"],
            type="GovernmentInformation",
            id="to-return",
            title="待退回的信息",
            category="plans",
            responsible_section="办公室",
        )
        api.content.transition(obj=item, transition="submit", comment="请审核")
    transaction.commit()
    return item


def test_return_needs_a_comment(
    demo_functional_portal, submitted_item, page, login, screenshot
):
    url = demo_functional_portal.absolute_url()
    login(url, "sectionhead", PASSWORD)
    page.goto(f"{url}/disclosure/to-return")
    choose_transition(page, "退回修改")
    # the return opens the form with a comment box, the return preselected
    assert page.locator("#return_for_revision").is_checked()
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    assert page.get_by_text("意见：退回时须说明需要修改的内容。").is_visible()
    screenshot("return-refused")
    # back on the form, the return still chosen; now with a comment
    page.locator("#return_for_revision").check()
    page.locator("#comment").fill("请补充统计口径说明")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    page.goto(f"{url}/disclosure/to-return")
    assert "信息采集" in state_label(page)

    # the author reads the comment in the item's history
    page.context.clear_cookies()
    login(url, "collector", PASSWORD)
    page.goto(f"{url}/disclosure/to-return/@@historyview")
    history = page.locator("body").inner_text()
    assert "退回修改" in history
    assert "请补充统计口径说明" in history
    screenshot("history")


def test_secrecy_reviewer_returns_without_edit_rights(
    demo_functional_portal, submitted_item, page, login
):
    with api.env.adopt_user(username="sectionhead"):
        api.content.transition(
            obj=submitted_item, transition="approve_content", comment="同意"
        )
    transaction.commit()
    url = demo_functional_portal.absolute_url()
    login(url, "secrecy", PASSWORD)
    page.goto(f"{url}/disclosure/to-return")
    choose_transition(page, "退回修改")
    page.locator("#comment").fill("第三段涉及内部数据")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    transaction.begin()  # read what the server committed
    assert (
        api.content.get_state(demo_functional_portal["disclosure"]["to-return"])
        == "collection"
    )


def test_administrator_binds_a_policy(demo_functional_portal, page, login):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=demo_functional_portal["disclosure"],
            type="Folder",
            id="leader-news",
            title="领导动态",
        )
    transaction.commit()
    url = demo_functional_portal.absolute_url()
    login(url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    page.goto(f"{url}/disclosure/leader-news/@@placeful-workflow-configuration")
    page.get_by_role("button", name=re.compile("添加一个工作流策略的本地配置")).click()
    page.wait_for_load_state()
    page.locator("#cb_policy_below_gov_disclosure_short").check()
    page.locator("#edit_form input[name=submit]").first.click()
    page.wait_for_load_state()

    transaction.begin()  # read what the server committed
    folder = demo_functional_portal["disclosure"]["leader-news"]
    assert folder[".wf_policy_config"].getPolicyBelowId() == "gov_disclosure_short"
    with api.env.adopt_user(username="collector"):
        item = api.content.create(
            container=folder,
            type="GovernmentInformation",
            title="局领导调研档案工作",
            category="leadership",
            responsible_section="办公室",
        )
    chain = api.portal.get_tool("portal_workflow").getChainFor(item)
    assert tuple(chain) == ("gov_disclosure_short_workflow",)
    transaction.abort()
