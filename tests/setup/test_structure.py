"""The site's fixed sections, its language and who may see each section."""

from gov.infomgmt.site_structure import ensure_structure
from gov.infomgmt.site_structure import SECTIONS
from plone import api
from Products.CMFCore.permissions import View

import pytest


class TestSections:
    @pytest.mark.parametrize(
        ("section_id", "title", "state"),
        [
            ("disclosure", "政府信息公开", "public"),
            ("enforcement-archive", "行政执法档案", "internal"),
            ("backup-logs", "数据备份记录", "internal"),
        ],
    )
    def test_section(self, portal, section_id, title, state):
        folder = portal[section_id]
        assert folder.title == title
        assert api.content.get_state(folder) == state

    @pytest.mark.parametrize(
        ("section_id", "anonymous_may_view"),
        [
            ("disclosure", True),
            ("enforcement-archive", False),
            ("backup-logs", False),
        ],
    )
    def test_anonymous_view(self, portal, section_id, anonymous_may_view):
        roles = {
            p["name"]
            for p in portal[section_id].rolesOfPermission(View)
            if p["selected"]
        }
        assert ("Anonymous" in roles) is anonymous_may_view

    @pytest.mark.parametrize("section", SECTIONS, ids=lambda section: section.id)
    def test_items_added_in_no_kept_order(self, portal, section):
        """Sections grow large: adding an item rewrites no list of every id."""
        container = portal[section.parent] if section.parent else portal
        folder = container[section.id]
        with api.env.adopt_roles(["Manager"]):
            api.content.create(container=folder, type="Folder", id="added", title="x")
        assert "plone.folder.ordered.order" not in getattr(
            folder, "__annotations__", {}
        )
        assert "added" in folder.objectIds()

    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_internal_sections_not_publishable(self, portal, section_id):
        transitions = api.portal.get_tool("portal_workflow").getTransitionsFor(
            portal[section_id]
        )
        assert transitions == ()

    @pytest.mark.parametrize("section_id", ["enforcement-archive", "backup-logs"])
    def test_internal_folder_inside_stays_internal(self, portal, section_id):
        with api.env.adopt_roles(["Manager"]):
            sub = api.content.create(
                container=portal[section_id], type="Folder", title="子目录"
            )
        assert api.content.get_state(sub) == "internal"
        roles = {p["name"] for p in sub.rolesOfPermission(View) if p["selected"]}
        assert "Anonymous" not in roles
        assert "Member" not in roles

    def test_reinstall_keeps_content(self, portal):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal["disclosure"], type="Document", id="keep-me"
            )
        ensure_structure(portal)
        assert "keep-me" in portal["disclosure"]
        root_sections = [s.id for s in SECTIONS if not s.parent]
        assert [i for i in portal.objectIds() if i in root_sections] == root_sections

    def test_internal_sections_hidden_from_navigation(self, portal):
        assert portal["enforcement-archive"].exclude_from_nav is True
        assert portal["backup-logs"].exclude_from_nav is True
        assert portal["disclosure"].exclude_from_nav is False


class TestLanguageAndTime:
    def test_default_language(self, portal):
        assert api.portal.get_registry_record("plone.default_language") == "zh-cn"
        assert api.portal.get_registry_record("plone.available_languages") == ["zh-cn"]
        assert portal.Language() == "zh-cn"

    def test_timezone(self, portal):
        assert (
            api.portal.get_registry_record("plone.portal_timezone") == "Asia/Shanghai"
        )

    def test_stylesheet_registered(self, portal):
        css = api.portal.get_registry_record(
            "plone.bundles/gov-infomgmt.csscompilation"
        )
        assert css == "++plone++gov.infomgmt/gov-infomgmt.css"
        assert (
            api.portal.get_registry_record("plone.bundles/gov-infomgmt.enabled") is True
        )
