"""Install and uninstall handlers of the add-on's profiles."""

from gov.infomgmt.site_structure import ensure_structure
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Profiles that the add-ons control panel does not offer."""

    def getNonInstallableProfiles(self):
        """Hide the uninstall profile (the installer runs it) and the proxy one (make cluster)."""
        return ["gov.infomgmt:uninstall", "gov.infomgmt:caching-proxy"]

    def getNonInstallableProducts(self):
        """Hide nothing at product level."""
        return []


def pre_install(context):
    """Create the Chinese lexicon of the full-text index before the catalog step needs it.

    It lives outside catalog.xml on purpose: GenericSetup compares a lexicon's pipeline
    elements by identity, so every import of catalog.xml (an upgrade step adding an index,
    a reinstall) would find the pipeline "changed" and empty the lexicon, leaving Chinese
    search with no words until the text is indexed again.
    """
    from gov.infomgmt.search import LEXICON
    from gov.infomgmt.search import SPLITTER_NAME
    from Products.ZCTextIndex.PipelineFactory import element_factory
    from Products.ZCTextIndex.ZCTextIndex import PLexicon

    catalog = api.portal.get_tool("portal_catalog")
    if LEXICON in catalog.objectIds():
        return
    pipeline = [
        element_factory.instantiate("Word Splitter", SPLITTER_NAME),
        element_factory.instantiate("Case Normalizer", "Case Normalizer"),
    ]
    catalog._setObject(LEXICON, PLexicon(LEXICON, "", *pipeline))


def post_install(context):
    """Set the site's language, create its fixed sections, make the search index soft."""
    from gov.infomgmt.search import INDEX
    from gov.infomgmt.search.index import use_soft_index

    use_soft_index(api.portal.get_tool("portal_catalog"), INDEX)
    portal = api.portal.get()
    # The registry holds the UI language; the root's own Language field
    # decides what the site root and new content are tagged with.
    portal.setLanguage("zh-cn")
    ensure_structure(portal)


def uninstall(context):
    """Leave content in place: the bureau's records outlive the add-on; restore the front page."""
    portal = api.portal.get()
    if portal.getLayout() == "gov-front-page":
        portal.setLayout("view")
