"""GovernmentInformation: its type, fields, defaults and the rule on the not-disclosed reason."""

from gov.infomgmt.content.government_information import IGovernmentInformation
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import queryUtility
from zope.interface import Invalid

import pytest


class TestType:
    def test_fti(self, portal):
        fti = queryUtility(IDexterityFTI, name="GovernmentInformation")
        assert fti is not None
        assert fti.add_permission == "gov.infomgmt.AddGovernmentInformation"
        assert set(fti.allowed_content_types) == {"File", "Image"}

    @pytest.mark.parametrize(
        "behavior",
        ["plone.basic", "plone.richtext", "plone.versioning", "plone.namefromtitle"],
    )
    def test_behaviors(self, portal, behavior):
        fti = queryUtility(IDexterityFTI, name="GovernmentInformation")
        assert behavior in fti.behaviors

    @pytest.mark.parametrize(
        ("role", "may_add"),
        [
            ("InfoCollector", True),
            ("Manager", True),
            ("SectionHead", False),
            ("SecrecyReviewer", False),
            ("DisclosureReviewer", False),
            ("BureauLeader", False),
            ("EntryClerk", False),
            ("Member", False),
        ],
    )
    def test_add_permission(self, portal, role, may_add):
        with api.env.adopt_roles([role]):
            allowed = api.user.has_permission(
                "gov.infomgmt: Add GovernmentInformation", obj=portal["disclosure"]
            )
        assert allowed is may_add


class TestFields:
    def test_defaults(self, demo_portal, make_item):
        item = make_item(demo_portal["disclosure"], category="statistics")
        assert item.issuing_organ == "市档案局"
        assert item.validity == "valid"
        assert item.publication_channels == ["website"]
        assert item.disclosure_attribute is None
        assert item.index_number is None

    def test_category_defaults_to_the_folder(self, demo_portal):
        with api.env.adopt_user(username="collector"):
            item = api.content.create(
                container=demo_portal["disclosure"]["work-news"],
                type="GovernmentInformation",
                title="本局召开档案工作会议",
                responsible_section="办公室",
            )
        assert item.category == "work-news"

    def test_index_number_and_date_are_read_only(self):
        assert IGovernmentInformation["index_number"].readonly
        assert IGovernmentInformation["generation_date"].readonly

    @pytest.mark.parametrize(
        ("reason", "detail", "valid"),
        [
            (None, None, False),
            ("state-secret", None, True),
            ("other", None, False),
            ("other", "涉及第三方商业秘密", True),
        ],
    )
    def test_not_disclosed_needs_a_reason(self, reason, detail, valid):
        class Data:
            disclosure_attribute = "not_disclosed"
            nondisclosure_reason = reason
            nondisclosure_reason_detail = detail

        if valid:
            IGovernmentInformation.validateInvariants(Data())
        else:
            with pytest.raises(Invalid):
                IGovernmentInformation.validateInvariants(Data())

    def test_attachments_inside(self, demo_portal, make_item):
        item = make_item(demo_portal["disclosure"])
        with api.env.adopt_user(username="collector"):
            attachment = api.content.create(
                container=item, type="File", id="annex.pdf", title="附件"
            )
        assert attachment.aq_parent is item
        # an attachment has no workflow: it is as visible as its item
        assert api.portal.get_tool("portal_workflow").getChainFor(attachment) == ()


class TestVocabularies:
    @pytest.mark.parametrize(
        ("name", "count", "first"),
        [
            ("gov.infomgmt.Categories", 14, "机构职能"),
            ("gov.infomgmt.DisclosureAttributes", 3, "主动公开"),
            ("gov.infomgmt.NondisclosureReasons", 9, "属于国家秘密"),
            ("gov.infomgmt.Validity", 3, "有效"),
            ("gov.infomgmt.PublicationChannels", 3, "指定的政府网站"),
            ("gov.infomgmt.Sections", 5, "办公室"),
        ],
    )
    def test_in_chinese(self, portal, get_vocabulary, name, count, first):
        from zope.i18n import translate

        vocabulary = get_vocabulary(name, portal)
        terms = list(vocabulary)
        assert len(terms) == count
        assert translate(terms[0].title, target_language="zh_CN") == first

    def test_categories_in_regulation_order(self, portal, get_vocabulary):
        from zope.i18n import translate

        titles = [
            translate(term.title, target_language="zh_CN")
            for term in get_vocabulary("gov.infomgmt.Categories", portal)
        ]
        assert titles == [
            "机构职能",
            "法规规章",
            "领导动态",
            "工作动态",
            "决策信息",
            "规划信息",
            "统计信息",
            "财政管理",
            "人事信息",
            "行政职权",
            "信息公开指南",
            "信息公开工作报告",
            "应急监察",
            "其他",
        ]
