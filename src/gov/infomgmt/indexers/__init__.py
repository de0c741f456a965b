"""Catalog indexers of the disclosure metadata, so that listings need no object loads."""

from AccessControl.PermissionRole import rolesForPermissionOn
from gov.infomgmt.catalogue import shelves
from gov.infomgmt.content.government_information import IGovernmentInformation
from gov.infomgmt.vocabularies.disclosure import PROACTIVE
from gov.infomgmt.vocabularies.disclosure import VALID
from plone.indexer import indexer
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.utils import getToolByName

import html
import re


TAGS = re.compile(r"<[^>]+>")
# Script and style bodies are code, not text: they never reach a summary or the index.
CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
SUMMARY_LENGTH = 300


def plain_text(obj):
    """The item's body as plain text, from the stored HTML.

    Read from the raw value with a regular expression rather than through
    portal_transforms: the transform chain (safe HTML, then plain text) costs more than
    the rest of indexing an item together, and the catalog only needs the words.
    """
    text = getattr(obj, "text", None)
    raw = (text.raw if text is not None else "") or ""
    # Indexing an item asks for it three times (two text indexes, the summary):
    # kept on the object until the text changes (a volatile attribute is never stored).
    cached = getattr(obj, "_v_gov_plain_text", None)
    if cached is not None and cached[0] is raw:
        return cached[1]
    plain = " ".join(html.unescape(TAGS.sub(" ", CODE.sub(" ", raw))).split())
    obj._v_gov_plain_text = (raw, plain)
    return plain


@indexer(IGovernmentInformation)
def gov_category(obj):
    """主题分类."""
    return obj.category


@indexer(IGovernmentInformation)
def gov_catalogue(obj):
    """The shelves of the public catalogue the item stands on; none unless it is listed.

    A published, proactively disclosed item is on the whole catalogue and on its
    category's shelf, and on their "current" (有效) shelves while valid. One index value
    answers what took four (type, state, attribute, validity): at 100,000 items each
    of those is a set of most of the catalog, intersected on every listing.
    """
    workflow = getToolByName(obj, "portal_workflow")
    if workflow.getInfoFor(obj, "review_state", None) != "published":
        return []
    if obj.disclosure_attribute != PROACTIVE:
        return []
    return shelves(obj.category, obj.validity == VALID)


@indexer(IGovernmentInformation)
def gov_attribute(obj):
    """公开属性; None until decided."""
    return obj.disclosure_attribute


@indexer(IGovernmentInformation)
def gov_validity(obj):
    """有效性."""
    return obj.validity


@indexer(IGovernmentInformation)
def gov_index_number(obj):
    """索引号; not indexed before the sign-off gives one."""
    if not obj.index_number:
        raise AttributeError("gov_index_number")
    return obj.index_number


@indexer(IGovernmentInformation)
def gov_generation_date(obj):
    """生成日期, as the DateIndex stores dates; not indexed before the sign-off."""
    if obj.generation_date is None:
        raise AttributeError("gov_generation_date")
    return obj.generation_date


@indexer(IGovernmentInformation)
def gov_section(obj):
    """承办科室."""
    return obj.responsible_section


@indexer(IGovernmentInformation)
def gov_document_number(obj):
    """文号, for the catalogue table."""
    return obj.document_number


@indexer(IGovernmentInformation)
def gov_issuing_organ(obj):
    """发布机构, for the catalogue table and its filter."""
    return obj.issuing_organ


@indexer(IGovernmentInformation)
def gov_deadline(obj):
    """公开期限 of the entry clock; not indexed while no clock runs."""
    if obj.publication_deadline is None:
        raise AttributeError("gov_deadline")
    return obj.publication_deadline


@indexer(IGovernmentInformation)
def gov_clock_start(obj):
    """The day the entry clock started: its years decide whether the deadline is 暂定."""
    if obj.publication_deadline is None:
        raise AttributeError("gov_clock_start")
    return getattr(obj, "clock_started", None) or obj.generation_date


@indexer(IGovernmentInformation)
def gov_published_on(obj):
    """The day the item went public."""
    if obj.published_on is None:
        raise AttributeError("gov_published_on")
    return obj.published_on


@indexer(IGovernmentInformation)
def gov_stage_since(obj):
    """When the item entered its current stage (its creation before the first step)."""
    return obj.stage_since or obj.created()


@indexer(IGovernmentInformation)
def gov_reviewers(obj):
    """Who may act on the item at its stage: roles, users and groups with Review portal content.

    Built as Plone builds allowedRolesAndUsers for View, so that "my tasks" is one
    catalog query with the user's roles and principals, with no object loaded.
    """
    allowed = set(rolesForPermissionOn(ReviewPortalContent, obj))
    acl_users = getToolByName(obj, "acl_users")
    for principal, roles in acl_users._getAllLocalRoles(obj).items():
        if allowed.intersection(roles):
            allowed.add("user:" + principal)
    # Owner is granted per object and never names the person: it cannot be queried.
    allowed.discard("Owner")
    return sorted(allowed)


@indexer(IGovernmentInformation)
def gov_signoff_due(obj):
    """When an emergency item's retroactive sign-off is due; only while it is pending."""
    if not obj.emergency or obj.emergency_confirmed or obj.signoff_due is None:
        raise AttributeError("gov_signoff_due")
    return obj.signoff_due


@indexer(IGovernmentInformation)
def SearchableText(obj):
    """What full-text search finds an item by: its words, and its numbers and keywords.

    Citizens search for a document number (文号) or index number (索引号) as often as
    for words of the title.
    """
    parts = [
        obj.getId(),
        obj.Title(),
        obj.Description(),
        obj.document_number,
        obj.index_number,
        obj.issuing_organ,
        *(obj.keywords or ()),
        plain_text(obj),
    ]
    return " ".join(part for part in parts if part)


@indexer(IGovernmentInformation)
def gov_summary(obj):
    """The start of the text as plain text, for search snippets without object loads."""
    plain = plain_text(obj)
    return (
        (obj.Description() or "") + " " + plain[:SUMMARY_LENGTH]
        if plain
        else obj.Description()
    )
