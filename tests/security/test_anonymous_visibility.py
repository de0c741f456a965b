"""不审核不公开: nothing but a published, proactively disclosed item reaches anonymous users,
through any door: the page, its attachments, REST, both searches, listings, sitemap and feeds."""

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from pytest_plone.fixtures.requests import RelativeSession

import gzip
import pytest
import transaction


FULL = [
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
    ("submit_entry", "clerk"),
    ("publish", "clerk"),
]
RETAIN = [*FULL[:4], ("sign_off_internal", "leader")]

# id: (steps, attribute); each title carries a word found nowhere else.
HIDDEN = {
    "state-collection": (FULL[:0], "proactive"),
    "state-content-review": (FULL[:1], "proactive"),
    "state-secrecy-review": (FULL[:2], "proactive"),
    "state-disclosure-review": (FULL[:3], "proactive"),
    "state-leader-signoff": (FULL[:4], "proactive"),
    "state-entry": (FULL[:5], "proactive"),
    "state-entry-check": (FULL[:6], "proactive"),
    "retained-on-request": (RETAIN, "on_request"),
    "retained-not-disclosed": (RETAIN, "not_disclosed"),
}
PUBLISHED = "published-control"
MARK = "甲乙丙丁"  # in every title: a search term that finds them all


def make(container, item_id, steps, attribute):
    """An item brought through its steps, with an attachment."""
    with api.env.adopt_user(username="collector"):
        item = api.content.create(
            container=container,
            type="GovernmentInformation",
            id=item_id,
            title=f"{MARK} 测试信息 {item_id}",
            category="statistics",
            responsible_section="办公室",
            text=RichTextValue(
                f"<p>{MARK} 内部正文 {item_id}</p>", "text/html", "text/x-html-safe"
            ),
        )
        api.content.create(
            container=item,
            type="File",
            id="annex.txt",
            title=f"{MARK} 附件 {item_id}",
            file=NamedBlobFile(
                b"annex", filename="annex.txt", contentType="text/plain"
            ),
        )
    item.disclosure_attribute = attribute
    item.nondisclosure_reason = (
        "internal-affairs" if attribute == "not_disclosed" else None
    )
    for transition, user in steps:
        with api.env.adopt_user(username=user):
            api.content.transition(obj=item, transition=transition, comment="测试")
    item.reindexObject()
    return item


@pytest.fixture(scope="class")
def site(demo_functional_class):
    """The demo site with one item in every hidden state and one published, committed.

    Built once for the class: its tests only read.
    """
    # zope.pytestlayer sets a layer up per test only for function-scoped
    # fixtures: a class-scoped one drives the per-test set-up itself.
    demo_functional_class.testSetUp()
    try:
        portal = demo_functional_class["portal"]
        folder = portal["disclosure"]
        for item_id, (steps, attribute) in HIDDEN.items():
            make(folder, item_id, steps, attribute)
        make(folder, PUBLISHED, FULL, "proactive")
        # internal records: enforcement archive and backup logs
        with api.env.adopt_roles(["Manager"]):
            for section in ("enforcement-archive", "backup-logs"):
                api.content.create(
                    container=portal[section],
                    type="Document",
                    id=f"internal-{section}",
                    title=f"{MARK} 内部记录 {section}",
                )
        api.portal.set_registry_record("plone.enable_sitemap", True)
        transaction.commit()
        yield portal
    finally:
        demo_functional_class.testTearDown()


def session(site, api_path):
    base = site.absolute_url() + api_path
    anonymous = RelativeSession(base)
    anonymous.headers["Accept"] = "application/json" if api_path else "text/html"
    return anonymous


@pytest.fixture(scope="class")
def anon_html(site):
    with session(site, "") as anonymous:
        yield anonymous


@pytest.fixture(scope="class")
def anon_rest(site):
    with session(site, "/++api++") as anonymous:
        yield anonymous


def found_ids(urls):
    return {url.rstrip("/").rsplit("/", 1)[-1] for url in urls}


class TestAnonymousDoors:
    def test_states(self, site):
        states = {
            i: api.content.get_state(site["disclosure"][i])
            for i in [*HIDDEN, PUBLISHED]
        }
        assert states["retained-on-request"] == "retained"
        assert states[PUBLISHED] == "published"
        assert "published" not in {states[i] for i in HIDDEN}

    @pytest.mark.parametrize("item_id", list(HIDDEN))
    def test_item_page(self, site, anon_html, item_id):
        response = anon_html.get(f"/disclosure/{item_id}", allow_redirects=False)
        assert response.status_code in (302, 401)
        assert MARK not in response.text

    @pytest.mark.parametrize("item_id", list(HIDDEN))
    def test_attachment_download(self, site, anon_html, item_id):
        response = anon_html.get(
            f"/disclosure/{item_id}/annex.txt/@@download/file", allow_redirects=False
        )
        assert response.status_code in (302, 401)
        assert response.content != b"annex"

    @pytest.mark.parametrize("item_id", list(HIDDEN))
    def test_rest_get(self, site, anon_rest, item_id):
        response = anon_rest.get(f"/disclosure/{item_id}")
        assert response.status_code == 401
        assert MARK not in response.text

    def test_published_control_is_reachable(self, site, anon_html, anon_rest):
        """The doors are open for what is public: the tests above would see a leak."""
        assert anon_html.get(f"/disclosure/{PUBLISHED}").status_code == 200
        assert anon_rest.get(f"/disclosure/{PUBLISHED}").status_code == 200
        download = anon_html.get(f"/disclosure/{PUBLISHED}/annex.txt/@@download/file")
        assert download.content == b"annex"

    def test_rest_search(self, site, anon_rest):
        response = anon_rest.get(
            "/@search", params={"SearchableText": MARK, "b_size": 100}
        )
        ids = found_ids(item["@id"] for item in response.json()["items"])
        assert ids == {PUBLISHED, "annex.txt"}
        by_type = anon_rest.get(
            "/@search", params={"portal_type": "GovernmentInformation", "b_size": 100}
        )
        assert not found_ids(i["@id"] for i in by_type.json()["items"]) & set(HIDDEN)

    def test_site_search_page(self, site, anon_html):
        response = anon_html.get("/@@search", params={"SearchableText": MARK})
        assert response.status_code == 200
        assert PUBLISHED in response.text
        for item_id in HIDDEN:
            assert item_id not in response.text

    def test_folder_listing(self, site, anon_html, anon_rest):
        page = anon_html.get("/disclosure")
        assert PUBLISHED in page.text
        listed = found_ids(
            i["@id"] for i in anon_rest.get("/disclosure").json()["items"]
        )
        assert PUBLISHED in listed
        for item_id in HIDDEN:
            assert item_id not in page.text
            assert item_id not in listed

    def test_navigation(self, site, anon_rest):
        response = anon_rest.get(
            "/disclosure/@navigation", params={"expand.navigation.depth": 3}
        )
        for item_id in HIDDEN:
            assert item_id not in response.text

    HIDDEN_IDS = [*HIDDEN, "internal-enforcement-archive", "internal-backup-logs"]

    def test_public_catalogue(self, site, anon_html):
        page = anon_html.get(
            "/disclosure/@@catalogue", params={"all": "1", "category": "statistics"}
        )
        assert PUBLISHED in page.text
        for item_id in self.HIDDEN_IDS:
            assert item_id not in page.text

    def test_public_search(self, site, anon_html):
        page = anon_html.get("/@@disclosure-search", params={"q": MARK})
        assert PUBLISHED in page.text
        for item_id in self.HIDDEN_IDS:
            assert item_id not in page.text

    @pytest.mark.parametrize("feed", ["catalogue-rss.xml", "catalogue-atom.xml"])
    def test_feeds(self, site, anon_html, feed):
        response = anon_html.get(f"/disclosure/@@{feed}")
        assert PUBLISHED in response.text
        for item_id in self.HIDDEN_IDS:
            assert item_id not in response.text

    def test_public_json(self, site, anon_rest):
        data = anon_rest.get(
            "/@disclosure-catalogue", params={"q": MARK, "include_invalid": "1"}
        ).json()
        found = found_ids(item["@id"] for item in data["items"])
        assert found == {PUBLISHED}

    def test_internal_records_through_rest_and_search(self, site, anon_rest):
        for section in ("enforcement-archive", "backup-logs"):
            assert anon_rest.get(f"/{section}/internal-{section}").status_code == 401
        found = anon_rest.get("/@search", params={"SearchableText": "内部记录"}).json()
        assert found["items_total"] == 0

    def test_sitemap(self, site, anon_html):
        response = anon_html.get("/sitemap.xml.gz", params={"page": 1})
        assert response.status_code == 200
        sitemap = gzip.decompress(response.content).decode()
        assert PUBLISHED in sitemap
        for item_id in self.HIDDEN_IDS:
            assert item_id not in sitemap
