"""The key functional paths, over HTTP, on FileStorage and on the RelStorage cluster alike.

On the cluster each step alternates between the two Zope instances, and anonymous users
come through Varnish: an internal item must not reach them, not even from the cache.
"""

from bench.corpus import STEPS as FULL
from tests.servers import ADMIN

import gzip
import pytest
import requests
import uuid


pytestmark = pytest.mark.slow

DEMO_PASSWORD = "demo-2026"


def session(user=None, api=True):
    """A session as a demo user, the administrator ("admin") or anonymous (None)."""
    browser = requests.Session()
    browser.headers["Accept"] = "application/json" if api else "text/html"
    if user == "admin":
        browser.auth = ADMIN
    elif user:
        browser.auth = (user, DEMO_PASSWORD)
    return browser


def api_url(site_url, path=""):
    return f"{site_url}/++api++{path}"


def anonymous_sees(served, path, word):
    """What anonymous users get of the item through each door, True where they see it."""
    html = session(None, api=False)
    rest = session(None)
    item_id = path.rsplit("/", 1)[-1]
    page = html.get(f"{served.front}{path}", allow_redirects=False)
    doors = {
        "html": page.status_code == 200 and word in page.text,
        "rest": rest.get(api_url(served.front, path)).status_code == 200,
        # Searches, feeds and sitemaps are asked of an instance directly: through
        # the proxy they may be up to five minutes old by design.
        "search": rest.get(
            api_url(served.b, "/@search"), params={"SearchableText": word}
        ).json()["items_total"]
        > 0,
        # The search pages repeat the query: they are read for the item's address.
        "site search": item_id
        in html.get(f"{served.b}/@@search", params={"SearchableText": word}).text,
        "disclosure search": item_id
        in html.get(f"{served.b}/@@disclosure-search", params={"q": word}).text,
        "feed": word in html.get(f"{served.b}/disclosure/@@catalogue-rss.xml").text,
    }
    sitemap = html.get(f"{served.b}/sitemap.xml.gz", params={"page": 1})
    doors["sitemap"] = (
        sitemap.status_code == 200 and path in gzip.decompress(sitemap.content).decode()
    )
    return doors


@pytest.fixture
def sitemap_on(served):
    response = session("admin").patch(
        api_url(served.a, "/@registry"), json={"plone.enable_sitemap": True}
    )
    assert response.status_code == 204, response.text


def test_workflow_walk_and_anonymous_doors(served, sitemap_on):
    word = f"存储{uuid.uuid4().hex[:8]}"
    created = session("collector").post(
        api_url(served.a, "/disclosure"),
        json={
            "@type": "GovernmentInformation",
            "title": f"{word} 统计公报",
            "category": "statistics",
            "responsible_section": "办公室",
            "text": {"data": f"<p>{word} 正文</p>", "content-type": "text/html"},
        },
    )
    assert created.status_code == 201, created.text
    path = "/disclosure/" + created.json()["id"]
    for number, (transition, user, expected) in enumerate(FULL):
        here, there = (served.a, served.b) if number % 2 else (served.b, served.a)
        assert not any(anonymous_sees(served, path, word).values()), transition
        if transition == "approve_disclosure":
            attribute = session(user).patch(
                api_url(here, path), json={"disclosure_attribute": "proactive"}
            )
            assert attribute.status_code == 204, attribute.text
        done = session(user).post(
            api_url(here, f"{path}/@workflow/{transition}"), json={"comment": "同意"}
        )
        assert done.status_code == 200, (transition, done.text)
        # The other instance sees the new state at once.
        seen = session("admin").get(api_url(there, path)).json()["review_state"]
        assert seen == expected, (served.storage, transition)
    assert anonymous_sees(served, path, word) == dict.fromkeys(
        (
            "html",
            "rest",
            "search",
            "site search",
            "disclosure search",
            "feed",
            "sitemap",
        ),
        True,
    )


def test_internal_sections_stay_closed_to_anonymous(served):
    html = session(None, api=False)
    for section in ("enforcement-archive", "backup-logs"):
        for _twice in range(2):  # the second time would come from a cache
            page = html.get(f"{served.front}/{section}", allow_redirects=False)
            assert page.status_code != 200, section
            assert page.headers.get("X-Cache") != "HIT"
        rest = session(None).get(api_url(served.front, f"/{section}"))
        assert rest.status_code in (401, 403, 404)
