"""Catalog indexers of the disclosure metadata, so that listings need no object loads."""

from AccessControl.PermissionRole import rolesForPermissionOn
from gov.infomgmt.content.government_information import IGovernmentInformation
from plone.indexer import indexer
from Products.CMFCore.permissions import ReviewPortalContent
from Products.CMFCore.utils import getToolByName

import html
import re


TAGS = re.compile(r"<[^>]+>")
SUMMARY_LENGTH = 300


@indexer(IGovernmentInformation)
def gov_category(obj):
    """主题分类."""
    return obj.category


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
def gov_summary(obj):
    """The start of the text as plain text, for search snippets without object loads."""
    text = obj.text.output if getattr(obj, "text", None) else ""
    plain = " ".join(html.unescape(TAGS.sub(" ", text or "")).split())
    return (
        (obj.Description() or "") + " " + plain[:SUMMARY_LENGTH]
        if plain
        else obj.Description()
    )
