"""1011 → 1030: the bureau alone binds review chains; the work-news chain decides and signs off."""

from gov.infomgmt.site_structure import DISCLOSURE
from gov.infomgmt.site_structure import FORMER_WORK_NEWS_DESCRIPTION
from gov.infomgmt.site_structure import restrict_types
from gov.infomgmt.site_structure import WORK_NEWS
from gov.infomgmt.workflow import pages
from plone import api


def remap_security(context):
    """Give existing items the new state permissions (chain management, the leader's step)."""
    api.portal.get_tool("portal_workflow").updateRoleMappings()


def restrict_public_types(context):
    """The public sections accept items, and their structure and pages, nothing else."""
    disclosure = api.portal.get().get(DISCLOSURE.id)
    if disclosure is None:
        return
    for folder in (disclosure, disclosure.get(WORK_NEWS.id)):
        if folder is not None:
            restrict_types(folder, DISCLOSURE.allowed_types)
    news = disclosure.get(WORK_NEWS.id)
    # the public description of work news named the old chain: say the new one
    if news is not None and news.Description() == FORMER_WORK_NEWS_DESCRIPTION:
        news.setDescription(WORK_NEWS.description)
        news.reindexObject()


def review_pages(context):
    """The sections' pages take the reviewed page workflow, each in the state it had."""
    catalog = api.portal.get_tool("portal_catalog")
    disclosure = api.portal.get().get(DISCLOSURE.id)
    if disclosure is None:
        return
    carried = {"published": "published", "pending": "pending"}
    for brain in catalog.unrestrictedSearchResults(
        portal_type=list(pages.PAGE_TYPES),
        path="/".join(disclosure.getPhysicalPath()),
    ):
        page = brain._unrestrictedGetObject()
        if pages.WORKFLOW_ID in getattr(page, "workflow_history", {}):
            continue
        history = page.workflow_history.get("simple_publication_workflow", ())
        state = history[-1].get("review_state") if history else None
        pages.set_state(page, carried.get(state, "draft"), "")
