"""Catalog indexers of the disclosure metadata, so that listings need no object loads."""

from gov.infomgmt.content.government_information import IGovernmentInformation
from plone.indexer import indexer


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
