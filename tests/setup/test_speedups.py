"""The speed-ups of indexing and workflow security answer exactly as Plone does.

gov.infomgmt.patches.absent_names, gov.infomgmt.patches.workflow_security and the
memoizing catalog wrapper (gov.infomgmt.indexers.wrapper) only remember or skip work;
what an item answers, what the catalog stores and what a state's permissions are must
not change.
"""

from Acquisition import aq_base
from gov.infomgmt.indexers.wrapper import MemoizingIndexableObjectWrapper
from gov.infomgmt.patches import absent_names
from gov.infomgmt.patches import workflow_security
from gov.infomgmt.vocabularies.disclosure import VALID
from plone import api
from plone.indexer.interfaces import IIndexableObject
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.DCWorkflow import DCWorkflow
from Products.DCWorkflow.utils import ac_inherited_permissions
from zope.component import queryMultiAdapter

import pytest


def test_an_absent_name_is_absent_every_time(demo_portal, make_item):
    item = make_item(demo_portal["disclosure"])
    for _ in range(3):
        with pytest.raises(AttributeError):
            item.sync_uid  # noqa: B018 - the lookup is the test
    assert getattr(item, "sync_uid", "absent") == "absent"


def test_a_schema_default_is_still_answered(demo_portal, make_item):
    """A default is looked up each time (it may depend on the item), never cached as absent."""
    item = make_item(demo_portal["disclosure"])
    item.__dict__.pop("validity", None)
    assert item.validity == VALID
    assert item.validity == VALID


def test_a_behaviour_added_to_the_type_is_seen_at_once(demo_portal, make_item):
    # Unwrapped: the item's folders have the field, and it would be acquired from them.
    item = aq_base(make_item(demo_portal["disclosure"]))
    with pytest.raises(AttributeError):
        item.exclude_from_nav  # noqa: B018 - the lookup is the test
    fti = api.portal.get_tool("portal_types")["GovernmentInformation"]
    fti.manage_changeProperties(
        behaviors=(*fti.behaviors, "plone.excludefromnavigation")
    )
    assert item.exclude_from_nav is False


def test_names_asked_by_url_cannot_fill_memory(demo_portal, make_item, monkeypatch):
    monkeypatch.setattr(absent_names, "MAX_NAMES", 50)
    item = make_item(demo_portal["disclosure"])
    for number in range(500):
        assert getattr(item, f"no_such_name_{number}", None) is None
        assert len(absent_names._absent) <= 50


@pytest.mark.parametrize(
    "portal_type",
    [
        "GovernmentInformation",
        "EnforcementRecord",
        "BackupLog",
        "File",
        "Folder",
        "Document",
    ],
)
def test_permission_found_as_dcworkflow_lists_it(portal, portal_type):
    """For every permission the object can have, and for an unknown one."""
    with api.env.adopt_roles(["Manager"]):
        obj = portal[
            portal.invokeFactory(portal_type, f"speedup-{portal_type.lower()}")
        ]
    listed = {}
    for permission in ac_inherited_permissions(obj, 1):
        listed.setdefault(permission[0], permission[1])
    assert len(listed) > 10
    for name, data in listed.items():
        assert workflow_security.permission_data(obj, name) == data, name
    assert workflow_security.permission_data(obj, "No such permission") == ()


def test_dcworkflow_sets_permissions_through_the_patch():
    assert (
        DCWorkflow.modifyRolesForPermission
        is workflow_security.modifyRolesForPermission
    )


def test_content_is_catalogued_through_the_memoizing_wrapper(demo_portal, make_item):
    catalog = api.portal.get_tool("portal_catalog")
    wrapper = queryMultiAdapter(
        (make_item(demo_portal["disclosure"]), catalog), IIndexableObject
    )
    assert isinstance(wrapper, MemoizingIndexableObjectWrapper)


def value(wrapper, name):
    """What the catalog stores from a wrapper's answer (a callable is called)."""
    try:
        answer = getattr(wrapper, name)
    except AttributeError:
        return "<absent>"
    return answer() if callable(answer) else answer


def test_every_index_and_column_as_plone_indexer_gives_it(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    names = set(catalog.schema())
    for index in catalog.getIndexObjects():
        names.update(index.getIndexSourceNames())
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["GovernmentInformation", "File"]
    ):
        obj = brain._unrestrictedGetObject()
        plain = IndexableObjectWrapper(obj, catalog)
        memo = MemoizingIndexableObjectWrapper(obj, catalog)
        for name in sorted(names):
            expected = value(plain, name)
            assert value(memo, name) == expected, (obj.getId(), name)
            assert value(memo, name) == expected, (obj.getId(), name)


def test_an_answer_is_computed_once_per_cataloguing(demo_portal, make_item):
    item = make_item(demo_portal["disclosure"], document_number="市档发〔2026〕1号")
    wrapper = MemoizingIndexableObjectWrapper(
        item, api.portal.get_tool("portal_catalog")
    )
    assert wrapper.gov_document_number == "市档发〔2026〕1号"
    item.document_number = "市档发〔2026〕2号"
    # The same cataloguing: the object has not changed for the catalog.
    assert wrapper.gov_document_number == "市档发〔2026〕1号"
    with pytest.raises(AttributeError):
        wrapper.sync_uid  # noqa: B018 - the lookup is the test
    with pytest.raises(AttributeError):
        wrapper.sync_uid  # noqa: B018 - the lookup is the test
