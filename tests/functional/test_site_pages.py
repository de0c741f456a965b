"""The site over HTTP: the Chinese front page, and internal sections closed to anonymous users."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


@pytest.fixture
def html(request_factory):
    """Return a session that asks for HTML pages, as a browser does."""

    def factory(**kwargs):
        session = request_factory(api=False, **kwargs)
        session.headers["Accept"] = "text/html"
        return session

    return factory


class TestFrontPage:
    def test_anonymous(self, html):
        response = html().get("/")
        assert response.status_code == 200
        assert 'lang="zh-cn"' in response.text
        # Plone's own UI in Chinese: the login link and the search box
        assert "登录" in response.text
        assert "搜索" in response.text
        # the site's stylesheet is linked
        assert "gov-infomgmt.css" in response.text
        # the public section is in the navigation, the internal ones are not
        assert "政府信息公开" in response.text
        assert "行政执法档案" not in response.text

    def test_logged_in(self, html):
        response = html(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)).get("/")
        assert response.status_code == 200
        # the personal bar offers logging out, in Chinese, and no login link
        assert 'id="personaltools-logout"' in response.text
        assert 'title="退出"' in response.text
        assert 'id="personaltools-login"' not in response.text


class TestInternalSectionsClosed:
    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_html_refused(self, html, section_id):
        response = html().get(f"/{section_id}", allow_redirects=False)
        # Plone answers an unauthorised anonymous request with a redirect to the login form
        assert response.status_code in (302, 401)
        if response.status_code == 302:
            assert "login" in response.headers["Location"]

    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_rest_refused(self, anon_request, section_id):
        response = anon_request.get(f"/{section_id}")
        assert response.status_code == 401
        assert response.headers["Content-Type"].startswith("application/json")

    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_not_in_anonymous_search(self, anon_request, section_id):
        response = anon_request.get("/@search", params={"path.depth": 1})
        assert response.status_code == 200
        found = {item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]}
        assert section_id not in found
        assert "disclosure" in found

    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_manager_allowed(self, manager_request, section_id):
        response = manager_request.get(f"/{section_id}")
        assert response.status_code == 200
        assert response.json()["review_state"] == "internal"

    def test_public_section_open(self, anon_request):
        response = anon_request.get("/disclosure")
        assert response.status_code == 200
        assert response.json()["title"] == "政府信息公开"
