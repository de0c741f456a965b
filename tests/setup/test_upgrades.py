"""Upgrade steps bring a site of an older profile version to the current one."""

from datetime import date
from plone import api
from plone.base.interfaces.constrains import ACQUIRE
from plone.base.interfaces.constrains import ISelectableConstrainTypes


PROFILE = "gov.infomgmt:default"


def test_from_1000(portal):
    setup = api.portal.get_tool("portal_setup")
    # A site as version 1000 left it: no work-news section, no review chain bound.
    # (Removed below the events: nobody may delete a fixed section, see fixed_sections.)
    catalog = api.portal.get_tool("portal_catalog")
    news_path = "/".join(portal["disclosure"]["work-news"].getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=news_path):
        catalog.uncatalog_object(brain.getPath())
    portal["disclosure"]._delObject("work-news", suppress_events=True)
    portal["disclosure"][".wf_policy_config"].setPolicyBelow("gov_public_structure")
    setup.setLastVersionForProfile(PROFILE, "1000")

    with api.env.adopt_roles(["Manager"]):  # upgrades run as an administrator
        setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1060",)
    assert (
        portal["disclosure"][".wf_policy_config"].getPolicyBelowId()
        == "gov_disclosure_full"
    )
    news = portal["disclosure"]["work-news"]
    assert news[".wf_policy_config"].getPolicyBelowId() == "gov_disclosure_short"
    assert "gov_index_number" in api.portal.get_tool("portal_catalog").indexes()


def test_1001_to_1002_starts_the_clock(demo_portal):
    """An item signed off before the clock existed gets its deadline from its sign-off date."""
    setup = api.portal.get_tool("portal_setup")
    item = demo_portal["disclosure"]["work-priorities-2026"]
    item.generation_date = date(2025, 9, 26)
    del item.publication_deadline
    item.published_on = None
    setup.setLastVersionForProfile(PROFILE, "1001")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert item.publication_deadline == date(2025, 10, 30)
    catalog = api.portal.get_tool("portal_catalog")
    assert (
        catalog.unrestrictedSearchResults(gov_deadline=date(2025, 10, 30))[0].id
        == item.getId()
    )


def test_no_pending_upgrades(portal):
    setup = api.portal.get_tool("portal_setup")
    assert setup.listUpgrades(PROFILE) == []


def test_1007_takes_the_navigation_tree_out_of_the_catalogue(portal):
    from plone.portlets.constants import CONTEXT_CATEGORY
    from plone.portlets.interfaces import ILocalPortletAssignmentManager
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager = getUtility(IPortletManager, name="plone.leftcolumn")
    local = getMultiAdapter(
        (portal["disclosure"], manager), ILocalPortletAssignmentManager
    )
    local.setBlacklistStatus(CONTEXT_CATEGORY, None)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1006")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert local.getBlacklistStatus(CONTEXT_CATEGORY) is True


def test_no_events_portlet(portal):
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    right = getUtility(IPortletManager, name="plone.rightcolumn")
    assert "events" not in getMultiAdapter((portal, right), IPortletAssignmentMapping)


def test_1008_sections_keep_no_order(demo_portal):
    """Items stay listed and found; the id list is gone, next/previous reads nothing."""
    folder = demo_portal["disclosure"]
    folder.setOrdering("")  # an ordered folder as 1007 left it: adding writes the list
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=folder, type="Document", id="added", title="x")
    assert "plone.folder.ordered.order" in folder.__annotations__
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1007")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert folder.getOrdering().__class__.__name__ == "UnorderedOrdering"
    assert "plone.folder.ordered.order" not in folder.__annotations__
    listing = folder.restrictedTraverse("@@folderListing")()
    assert {"work-priorities-2026", "added"} <= {item.getId() for item in listing}


def test_1009_puts_published_items_on_the_catalogue_shelves(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_delIndex(["gov_catalogue"])
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1008")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    shelf = {b.getId for b in catalog.unrestrictedSearchResults(gov_catalogue="public")}
    published = {
        b.getId
        for b in catalog.unrestrictedSearchResults(
            portal_type="GovernmentInformation",
            review_state="published",
            gov_attribute="proactive",
        )
    }
    assert shelf == published
    assert "work-priorities-2026" in shelf


def test_1010_no_social_tags(portal):
    api.portal.set_registry_record("plone.share_social_data", True)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1009")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert api.portal.get_registry_record("plone.share_social_data") is False


def chinese_search(text):
    from gov.infomgmt.search import catalog_query
    from gov.infomgmt.search import INDEX

    catalog = api.portal.get_tool("portal_catalog")
    return {
        b.getId
        for b in catalog.unrestrictedSearchResults(**{INDEX: catalog_query(text)})
    }


def test_catalog_import_keeps_chinese_search(demo_portal):
    """An upgrade step or a reinstall that imports catalog.xml leaves the words in place."""
    assert "work-priorities-2026" in chinese_search("工作要点")
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-gov.infomgmt:default", "catalog")
    assert "work-priorities-2026" in chinese_search("工作要点")


def test_1011_restores_an_emptied_lexicon(demo_portal):
    from BTrees.IOBTree import IOBTree
    from BTrees.Length import Length
    from BTrees.OIBTree import OIBTree

    lexicon = api.portal.get_tool("portal_catalog")["gov_lexicon"]
    # What an import of the old catalog.xml did to it.
    lexicon._wids, lexicon._words, lexicon.length = OIBTree(), IOBTree(), Length()
    assert chinese_search("工作要点") == set()
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1010")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert "work-priorities-2026" in chinese_search("工作要点")


def test_1012_keeps_the_days_typed_into_the_old_settings(
    demo_portal, make_item, do_transition
):
    """extra_holidays/extra_workdays become entered years; open clocks learn their start."""
    from gov.infomgmt.clock.entered_years import entered_years
    from gov.infomgmt.clock.entered_years import KEY
    from plone.registry import field
    from plone.registry import Record
    from plone.registry.interfaces import IRegistry
    from zope.annotation.interfaces import IAnnotations
    from zope.component import getUtility

    registry = getUtility(IRegistry)
    typed = {
        "gov.infomgmt.disclosure.extra_holidays": [date(2027, 1, 1), date(2025, 5, 6)],
        "gov.infomgmt.disclosure.extra_workdays": [date(2027, 1, 9)],
    }
    for name, value in typed.items():
        registry.records[name] = Record(field.List(value_type=field.Date()), value)
    IAnnotations(demo_portal).pop(KEY, None)
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn("gov_clock_start")
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1011")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    years = entered_years()
    # 2025 is the library's: a stray day typed for it is not made a year of its own
    assert list(years) == [2027]
    assert years[2027].holidays == {date(2027, 1, 1)}
    assert years[2027].workdays == {date(2027, 1, 9)}
    assert not any(name in registry.records for name in typed)
    assert "gov_clock_start" in catalog.schema()
    assert "gov-holiday-years" in [
        c.getId() for c in api.portal.get_tool("portal_controlpanel").listActions()
    ]


def test_1030_the_bureau_alone_binds_chains(demo_portal, make_item):
    """A site of 1011: Plone's example policies offered, owners managing policies."""
    setup = api.portal.get_tool("portal_setup")
    tool = api.portal.get_tool("portal_placeful_workflow")
    manage = "CMFPlacefulWorkflow: Manage workflow policies"
    with api.env.adopt_roles(["Manager"]):
        tool.manage_addWorkflowPolicy("one-state")
    demo_portal.manage_permission(
        manage, ["Manager", "Site Administrator", "Owner"], acquire=True
    )
    item = make_item(demo_portal["disclosure"])
    item.manage_permission(manage, ["Owner"], acquire=True)
    ISelectableConstrainTypes(demo_portal["disclosure"]).setConstrainTypesMode(ACQUIRE)
    news = demo_portal["disclosure"]["work-news"]
    news.setDescription("本局工作动态，经科室负责人审核和保密审查后发布。")
    guide = demo_portal["disclosure"]["guide"]  # as simple publication left it
    del guide.workflow_history["gov_page_workflow"]
    guide.workflow_history["simple_publication_workflow"] = (
        {"action": "publish", "actor": "admin", "review_state": "published"},
    )
    setup.setLastVersionForProfile(PROFILE, "1011")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert "one-state" not in tool.getWorkflowPolicyIds()
    assert not api.user.has_permission(manage, username="collector", obj=item)
    with api.env.adopt_roles(["Owner"]):
        assert not api.user.get_permissions(obj=item)[manage]
    short = api.portal.get_tool("portal_workflow")["gov_disclosure_short_workflow"]
    assert "leader_decision" in short.states
    with api.env.adopt_roles(["Manager"]):
        offered = {t.getId() for t in demo_portal["disclosure"].allowedContentTypes()}
    assert offered == {"GovernmentInformation", "Folder", "Document"}
    assert api.content.get_state(guide) == "published"
    assert "领导公开审核签发" in news.Description()
    assert "Anonymous" in {
        p["name"] for p in guide.rolesOfPermission("View") if p["selected"]
    }


def test_1060_hides_internal_types_from_the_search_page(portal):
    """A site whose search page listed the case files and backup logs stops listing them."""
    record = "plone.types_not_searched"
    api.portal.set_registry_record(record, ("Link", "EnforcementRecord"))
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1012")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    hidden = api.portal.get_registry_record(record)
    assert {"BackupLog", "CaseDocument", "EnforcementRecord"} <= set(hidden)
    assert "Link" in hidden  # the site's own entries are kept
    assert list(hidden).count("EnforcementRecord") == 1


def test_1011_to_1050_makes_the_search_soft(demo_portal):
    """A site of 1011 gets the soft index (its words kept), the synonym list, normalised words."""
    from gov.infomgmt import catalogue
    from gov.infomgmt.search import INDEX
    from gov.infomgmt.search.index import SoftTextIndex
    from gov.infomgmt.search.synonyms import DEFAULT_SYNONYMS
    from gov.infomgmt.search.synonyms import RECORD
    from plone.registry.interfaces import IRegistry
    from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
    from zope.component import getUtility

    catalog = api.portal.get_tool("portal_catalog")
    indexes = catalog._catalog.indexes
    plain = ZCTextIndex.__new__(ZCTextIndex)
    plain.__dict__.update(indexes[INDEX].__dict__)
    catalog._catalog.indexes = {**indexes, INDEX: plain}
    del getUtility(IRegistry).records[RECORD]
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1011")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert isinstance(catalog._catalog.getIndex(INDEX), SoftTextIndex)
    assert api.portal.get_registry_record(RECORD) == DEFAULT_SYNONYMS
    query = catalogue.text_search_query("工作要點")  # traditional 点
    assert "work-priorities-2026" in [b.getId for b in catalogue.search(**query)]


def test_1012_keeps_typed_days_but_not_as_a_notice(demo_portal):
    """A day typed into the old settings counts, but its year awaits the notice (暂定)."""
    from gov.infomgmt.clock.entered_years import entered_years
    from gov.infomgmt.clock.entered_years import KEY
    from gov.infomgmt.clock.entered_years import missing_year
    from gov.infomgmt.clock.entered_years import site_calendar
    from plone.registry import field
    from plone.registry import Record
    from plone.registry.interfaces import IRegistry
    from zope.annotation.interfaces import IAnnotations
    from zope.component import getUtility

    registry = getUtility(IRegistry)
    registry.records["gov.infomgmt.disclosure.extra_holidays"] = Record(
        field.List(value_type=field.Date()), [date(2027, 1, 1)]
    )
    IAnnotations(demo_portal).pop(KEY, None)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1011")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert entered_years()[2027].provisional
    calendar = site_calendar()
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert not calendar.covers(2027)
    assert missing_year(date(2027, 1, 5)) == 2027


def test_1012_gives_a_working_copy_its_clock_start(demo_portal, do_transition):
    """A change signed off before 1012 has no clock_started and no generation date."""
    from freezegun import freeze_time
    from gov.infomgmt.clock.notice import read_notice
    from gov.infomgmt.deadlines import enter_holiday_year
    from plone.app.iterate.interfaces import ICheckinCheckoutPolicy
    from tests.clock.notices import NOTICE_2027

    baseline = demo_portal["disclosure"]["work-priorities-2026"]
    with api.env.adopt_user(username="collector"):
        working_copy = ICheckinCheckoutPolicy(baseline).checkout(baseline.aq_parent)
    for transition, user in (
        ("submit", "collector"),
        ("approve_content", "sectionhead"),
        ("approve_secrecy", "secrecy"),
    ):
        do_transition(working_copy, transition, user)
    with freeze_time("2026-12-10 02:00:00"):
        do_transition(working_copy, "sign_off_change", "leader")
    # as before 1012: the clock's start and length were not kept, and a working
    # copy had no generation date of its own
    working_copy.generation_date = None
    del working_copy.clock_started
    del working_copy.clock_working_days
    assert working_copy.publication_deadline == date(2027, 1, 7)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1011")

    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)

    assert working_copy.clock_started == date(2026, 12, 10)
    assert working_copy.clock_working_days == 20
    moved = enter_holiday_year(read_notice(NOTICE_2027), NOTICE_2027)
    assert working_copy.UID() in [m["uid"] for m in moved]
    assert working_copy.publication_deadline == date(2027, 1, 8)
