"""Which items stand on the public catalogue's shelves (the gov_catalogue index)."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.workflows.test_disclosure_permissions import item_in_state
from tests.workflows.test_disclosure_permissions import STEPS_TO

import pytest


def shelves_of(item):
    processQueue()  # what a search would see
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(item.getPhysicalPath()))
    return set(catalog.getIndexDataForRID(rid).get("gov_catalogue") or ())


LISTED = {"public", "public:valid", "public:work-news", "public:work-news:valid"}


@pytest.mark.parametrize(
    ("state", "listed"),
    [(state, LISTED if state == "published" else set()) for state in STEPS_TO],
)
def test_only_published_items_are_listed(
    demo_portal, make_item, do_transition, state, listed
):
    item = item_in_state(
        demo_portal["disclosure"],
        make_item,
        do_transition,
        STEPS_TO[state],
        retained=state == "retained",
    )
    assert shelves_of(item) == listed


def test_an_expired_item_leaves_the_current_shelves(demo_portal):
    item = demo_portal["disclosure"]["work-priorities-2026"]
    assert "public:valid" in shelves_of(item)
    item.validity = "expired"
    item.reindexObject()
    assert shelves_of(item) == {"public", f"public:{item.category}"}
