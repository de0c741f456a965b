"""The disclosure metadata is in the catalog, so that listings need no object loads."""

from plone import api

import pytest


INDEXES = {
    "gov_category": "FieldIndex",
    "gov_attribute": "FieldIndex",
    "gov_validity": "FieldIndex",
    "gov_index_number": "FieldIndex",
    "gov_generation_date": "DateIndex",
    "gov_section": "FieldIndex",
    "gov_issuing_organ": "FieldIndex",
}
COLUMNS = [*INDEXES, "gov_document_number"]


@pytest.mark.parametrize(("name", "meta_type"), INDEXES.items())
def test_index(portal, name, meta_type):
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog._catalog.getIndex(name).meta_type == meta_type


@pytest.mark.parametrize("name", COLUMNS)
def test_metadata_column(portal, name):
    assert name in api.portal.get_tool("portal_catalog").schema()


def test_listing_from_brains(demo_portal):
    """The published demo item's header table comes whole from its brain."""
    brain = api.content.find(
        context=demo_portal["disclosure"], id="work-priorities-2026"
    )[0]
    assert brain.gov_category == "decisions"
    assert brain.gov_attribute == "proactive"
    assert brain.gov_validity == "valid"
    assert brain.gov_index_number.startswith("11450800MB1530126F/")
    assert brain.gov_document_number == "市档发〔2026〕3号"
    assert brain.gov_issuing_organ == "市档案局"
    assert brain.gov_generation_date is not None


def test_expired_item_leaves_the_current_list(demo_portal):
    """有效性 失效 takes an item out of the current catalogue without deleting it."""
    item = demo_portal["disclosure"]["work-priorities-2026"]
    current = {
        "portal_type": "GovernmentInformation",
        "review_state": "published",
        "gov_validity": "valid",
    }
    assert item.getId() in {b.id for b in api.content.find(**current)}
    item.validity = "expired"
    item.reindexObject()
    assert item.getId() not in {b.id for b in api.content.find(**current)}
    assert api.content.get_state(item) == "published"
    assert api.content.find(gov_validity="expired")[0].id == item.getId()
