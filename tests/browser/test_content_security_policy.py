"""The classic UI works under the site's Content-Security-Policy: no page reports a violation."""

from plone import api

import pytest
import transaction


pytestmark = pytest.mark.browser

PASSWORD = "demo-2026"

# Every violation the browser reports, whether or not the page logs it to the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
PUBLIC_PAGES = {
    "front": "",
    "catalogue": "/disclosure/@@catalogue",
    "item": "/disclosure/work-priorities-2026",
    "search": "/@@disclosure-search?q=工作要点",
    "plone-search": "/@@search?SearchableText=工作要点",
    "login": "/login",
}
STAFF_PAGES = {
    "my-tasks": "/@@my-tasks",
    "add-form": "/disclosure/++add++GovernmentInformation",
    "edit-form": "/disclosure/csp-draft/@@edit",
}


@pytest.fixture
def watched(page):
    """The page, recording CSP violations from the events and from the console."""
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )

    def violations():
        page.wait_for_load_state("networkidle")
        return page.evaluate("window.__cspViolations") + console

    page.violations = violations
    return page


@pytest.fixture
def draft(demo_functional_portal):
    """An item in 信息采集 that its collector may edit."""
    with api.env.adopt_user(username="collector"):
        api.content.create(
            container=demo_functional_portal["disclosure"],
            type="GovernmentInformation",
            id="csp-draft",
            title="内容安全策略测试稿",
            category="statistics",
            responsible_section="办公室",
        )
    transaction.commit()


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_page_has_no_violation(demo_functional_portal, watched, name):
    response = watched.goto(demo_functional_portal.absolute_url() + PUBLIC_PAGES[name])
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert watched.violations() == []


@pytest.mark.parametrize("name", list(STAFF_PAGES))
def test_staff_page_has_no_violation(
    demo_functional_portal, draft, watched, login, name
):
    url = demo_functional_portal.absolute_url()
    login(url, "collector", PASSWORD)
    watched.goto(url + STAFF_PAGES[name])
    # the toolbar and, on the forms, TinyMCE are drawn by scripts: they ran
    assert watched.locator("#edit-zone").is_visible()
    if name != "my-tasks":
        watched.locator(".tox-tinymce").first.wait_for(state="visible")
        assert watched.locator("#form-buttons-save").is_visible()
    assert watched.violations() == []


def test_a_violation_would_be_seen(demo_functional_portal, watched):
    """The watch itself works: a script from elsewhere is blocked and reported."""
    watched.goto(demo_functional_portal.absolute_url() + "/login")
    watched.evaluate(
        """() => { const s = document.createElement("script");
        s.src = "http://example.invalid/x.js"; document.head.appendChild(s); }"""
    )
    watched.wait_for_timeout(300)
    assert any("script-src" in v for v in watched.violations())
