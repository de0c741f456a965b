"""Every page and API answer carries the security headers and names no server software."""

from gov.infomgmt.security.wsgi import strip_fingerprint
from pathlib import Path

import pytest


ZOPE_INI = Path(__file__).resolve().parents[2] / "instance" / "etc" / "zope.ini"

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
# (user, path, status, html): public and staff pages, forms, API answers, an error page.
PAGES = [
    (None, "", 200, True),
    (None, "/disclosure/@@catalogue", 200, True),
    (None, "/disclosure/work-priorities-2026", 200, True),
    (None, "/@@disclosure-search?q=工作要点", 200, True),
    (None, "/@@search?SearchableText=工作要点", 200, True),
    (None, "/login", 200, True),
    (None, "/no-such-page", 404, True),
    (None, "/++api++/disclosure", 200, False),
    (None, "/++api++/@users", 401, False),
    ("collector", "/@@my-tasks", 200, True),
    ("collector", "/disclosure/work-priorities-2026/@@edit", 200, True),
    ("collector", "/++api++/@my-tasks", None, False),
    ("webmaster", "/@@overview-controlpanel", 200, True),
]


@pytest.mark.parametrize(("user", "path", "status", "html"), PAGES)
def test_security_headers_on_every_answer(demo_api, user, path, status, html):
    session = demo_api(user, api=False)
    response = session.get(path.lstrip("/") if path else "")
    if status is not None:
        assert response.status_code == status
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "camera=()" in response.headers["Permissions-Policy"]
    if html:
        assert 'name="generator"' not in response.text
        assert "Plone - https://plone.org" not in response.text


def test_pages_still_have_their_head(demo_api):
    """Dropping the generator tag leaves the rest of the head (title, styles) in place."""
    text = demo_api(None, api=False).get("disclosure/work-priorities-2026").text
    assert "<title>" in text
    assert 'rel="stylesheet"' in text


def test_no_powered_by_through_the_wsgi_pipeline():
    """zope.ini's pipeline carries the filter that drops X-Powered-By."""
    from paste.deploy import loadfilter

    fingerprint_filter = loadfilter(f"config:{ZOPE_INI}", name="no_fingerprint")
    assert fingerprint_filter is strip_fingerprint
    pipeline = ZOPE_INI.read_text().split("[pipeline:main]")[1].split("[")[0]
    assert "no_fingerprint" in pipeline.split()


def test_powered_by_is_dropped_other_headers_kept():
    def zope(environ, start_response):
        start_response(
            "200 OK",
            [
                ("X-Powered-By", "Zope (www.zope.dev), Python (www.python.org)"),
                ("Content-Type", "text/html"),
            ],
        )
        return [b"ok"]

    sent = {}

    def start_response(status, headers, exc_info=None):
        sent.update(status=status, headers=headers)

    body = strip_fingerprint(zope)({}, start_response)
    assert body == [b"ok"]
    assert sent["headers"] == [("Content-Type", "text/html")]


def test_zope_itself_still_sends_the_header(demo_api):
    """Why the filter exists: the test server has no pipeline and shows the header (the canary)."""
    response = demo_api(None, api=False).get("")
    assert response.headers.get("X-Powered-By", "").startswith("Zope")


@pytest.mark.slow
@pytest.mark.parametrize("path", ["", "/++api++/disclosure", "/no-such-page"])
def test_served_site_names_no_software(file_server, path):
    """The site as `make start` serves it: baseline headers, no X-Powered-By, no generator."""
    import requests

    response = requests.get(file_server.url + path, timeout=30)
    assert "X-Powered-By" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response.headers
    assert 'name="generator"' not in response.text
