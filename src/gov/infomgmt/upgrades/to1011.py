"""1010 → 1011: the Chinese lexicon outside catalog.xml; its words back if an import lost them."""

from gov.infomgmt.search import INDEX
from gov.infomgmt.search import LEXICON
from gov.infomgmt.setuphandlers import pre_install
from gov.infomgmt.upgrades.full_text import reindex_full_text
from plone import api


def restore_chinese_lexicon(context):
    """Index the full text again when the lexicon was emptied by an import of catalog.xml."""
    pre_install(context)
    catalog = api.portal.get_tool("portal_catalog")
    if catalog[LEXICON].length() or not catalog._catalog.getIndex(INDEX).numObjects():
        return
    reindex_full_text()
