"""The public website over HTTP: catalogue, item page, search, feeds, JSON, caching."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from pytest_plone.fixtures.requests import RelativeSession
from xml.etree import ElementTree

import pytest
import transaction


@pytest.fixture
def site(demo_functional_portal):
    """The demo site with an expired item and an attachment on a published item."""
    portal = demo_functional_portal
    item = portal["disclosure"]["work-priorities-2026"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=item,
            type="File",
            id="annex.pdf",
            title="工作要点附件",
            file=NamedBlobFile(
                b"%PDF-1.4 " + b"0" * 2048,
                filename="annex.pdf",
                contentType="application/pdf",
            ),
        )
    news = portal["disclosure"]["work-news"]["archive-safety-inspection"]
    news.validity = "expired"
    news.reindexObject()
    transaction.commit()
    return portal


def get(portal, path, api_path="", **kwargs):
    with RelativeSession(portal.absolute_url() + api_path) as anonymous:
        anonymous.headers["Accept"] = "application/json" if api_path else "text/html"
        return anonymous.get(path, **kwargs)


class TestCatalogue:
    def test_counts_and_current_items(self, site):
        page = get(site, "/disclosure/@@catalogue")
        assert page.status_code == 200
        assert "2026年政府信息公开工作要点" in page.text
        # the expired item is not in the current list, and its category counts none
        assert "关于开展档案安全检查工作的通知" not in page.text
        assert 'data-category="work-news"' in page.text
        catalog = api.portal.get_tool("portal_catalog")
        decisions = catalog(
            portal_type="GovernmentInformation",
            review_state="published",
            gov_attribute="proactive",
            gov_validity="valid",
            gov_category="decisions",
        )
        assert len(decisions) == 1
        assert 'data-category="decisions"' in page.text

    def test_expired_shown_on_request_and_marked(self, site):
        page = get(site, "/disclosure/@@catalogue", params={"all": "1"})
        assert "关于开展档案安全检查工作的通知" in page.text
        assert "失效" in page.text

    def test_filters(self, site):
        assert (
            "2026年政府信息公开工作要点"
            not in get(
                site, "/disclosure/@@catalogue", params={"category": "finance"}
            ).text
        )
        assert (
            "2026年政府信息公开工作要点"
            not in get(site, "/disclosure/@@catalogue", params={"year": "2001"}).text
        )
        assert (
            "2026年政府信息公开工作要点"
            in get(site, "/disclosure/@@catalogue", params={"organ": "市档案局"}).text
        )

    def test_unpublished_items_never_listed(self, site):
        page = get(site, "/disclosure/@@catalogue", params={"all": "1"})
        for title in (
            "局机关2026年部门预算",
            "局内设机构人员调整方案",
            "档案库房改造项目规划",
        ):
            assert title not in page.text


class TestItemPage:
    def test_header_table_and_attachment(self, site):
        page = get(site, "/disclosure/work-priorities-2026")
        assert page.status_code == 200
        for label in (
            "索引号",
            "主题分类",
            "发布机构",
            "生成日期",
            "文号",
            "名称",
            "有效性",
        ):
            assert f">{label}</th>" in page.text
        assert "决策信息" in page.text
        assert "市档发〔2026〕3号" in page.text
        assert "工作要点附件" in page.text
        assert "(PDF," in page.text.replace("\n", "").replace("  ", "")

    def test_print_view(self, site):
        page = get(site, "/disclosure/work-priorities-2026/@@print")
        assert page.status_code == 200
        assert "索引号" in page.text
        assert "window.print()" in page.text


class TestSearchPage:
    def test_results_count_and_snippet(self, site):
        page = get(site, "/@@disclosure-search", params={"q": "工作要点"})
        assert page.status_code == 200
        assert "2026年政府信息公开工作要点" in page.text
        assert 'id="gov-search-total">1<' in page.text
        assert "<mark>" in page.text

    def test_empty_state(self, site):
        page = get(site, "/@@disclosure-search", params={"q": "不存在的词语组合"})
        assert "没有找到相关信息" in page.text
        assert "@@catalogue" in page.text

    def test_internal_items_never_found(self, site):
        # Soft matching may find public items sharing a word; never the internal ones.
        internal = (
            "局机关2026年部门预算",
            "局内设机构人员调整方案",
            "档案库房改造项目规划",
        )
        for query in ("部门预算", "人员调整", "库房改造", *internal):
            page = get(site, "/@@disclosure-search", params={"q": query})
            shown = page.text.split('id="gov-search-total"')[1]  # after the form's echo
            assert not any(title in shown for title in internal), query


class TestFeeds:
    @pytest.mark.parametrize("feed", ["catalogue-rss.xml", "catalogue-atom.xml"])
    def test_public_items_only(self, site, feed):
        response = get(site, f"/disclosure/@@{feed}")
        assert response.status_code == 200
        ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, to check it is well-formed
        assert "2026年政府信息公开工作要点" in response.text
        for title in ("局机关2026年部门预算", "局内设机构人员调整方案"):
            assert title not in response.text

    def test_category_feed(self, site):
        response = get(
            site, "/disclosure/@@catalogue-rss.xml", params={"category": "finance"}
        )
        assert "2026年政府信息公开工作要点" not in response.text


class TestJSONCatalogue:
    def test_public_json(self, site):
        data = get(site, "/@disclosure-catalogue", api_path="/++api++").json()
        titles = {item["title"] for item in data["items"]}
        assert "2026年政府信息公开工作要点" in titles
        assert "局机关2026年部门预算" not in titles
        item = next(
            i for i in data["items"] if i["title"] == "2026年政府信息公开工作要点"
        )
        assert item["category"] == {"token": "decisions", "title": "决策信息"}
        assert item["index_number"].startswith("11450800MB1530126F/")

    def test_full_text(self, site):
        data = get(
            site,
            "/@disclosure-catalogue",
            api_path="/++api++",
            params={"q": "工作要点"},
        ).json()
        assert [i["title"] for i in data["items"]] == ["2026年政府信息公开工作要点"]

    @pytest.mark.parametrize(
        ("param", "value"),
        [("category", "nonsense"), ("year", "abc"), ("b_size", "1000"), ("sort", "x")],
    )
    def test_bad_parameter(self, site, param, value):
        response = get(
            site, "/@disclosure-catalogue", api_path="/++api++", params={param: value}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == param


class TestCaching:
    def test_anonymous_public_pages_come_from_the_cache(self, site):
        get(site, "/disclosure/@@catalogue")
        second = get(site, "/disclosure/@@catalogue")
        assert second.headers.get("X-RAMCache")

    def test_a_change_is_seen_at_once(self, site):
        get(site, "/disclosure/@@catalogue")
        item = site["disclosure"]["work-priorities-2026"]
        item.setTitle("2026年政府信息公开工作要点（修订）")
        item.reindexObject()
        transaction.commit()
        assert "（修订）" in get(site, "/disclosure/@@catalogue").text

    @pytest.mark.parametrize(
        "path", ["/disclosure/@@catalogue", "/@@my-tasks", "/disclosure/budget-2026"]
    )
    def test_logged_in_pages_never_cached(self, site, path):
        with RelativeSession(site.absolute_url()) as session:
            session.auth = ("discloser", "demo-2026")
            session.get(path)
            second = session.get(path)
        assert not second.headers.get("X-RAMCache")
        assert "public" not in second.headers.get("Cache-Control", "")
