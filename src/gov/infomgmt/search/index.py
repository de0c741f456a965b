"""The full-text index of the disclosure search: ZCTextIndex, answering soft queries too.

``{"query": text, "soft": True}`` is read as a visitor's question (`analysis`) and
answered with soft matching (`scoring`); any other query is ZCTextIndex's own, so
that code asking the index in ZCTextIndex's syntax keeps its meaning.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from gov.infomgmt.search.analysis import analyse
from gov.infomgmt.search.scoring import soft_scores
from gov.infomgmt.search.synonyms import configured_synonyms
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex


class SoftTextIndex(ZCTextIndex):
    """ZCTextIndex whose soft queries rank partial matches instead of finding nothing."""

    # The meta type stays ZCTextIndex's: GenericSetup's catalog.xml and the ZMI treat
    # it as one, and the stored words are the same.
    query_options = ("query", "soft")

    def analyse(self, text):
        """The visitor's text read against this index and the site's synonyms."""
        return analyse(text, configured_synonyms(), self)

    def soft_query(self, text, resultset=None):
        """Soft scores of the documents of `resultset` (None: all) for a visitor's text."""
        analysis = self.analyse(text)
        if not analysis.concepts:
            return None
        catalog = aq_parent(aq_inner(self))  # the Catalog, for metadata
        if not hasattr(catalog, "schema"):
            catalog = None
        return soft_scores(self, catalog, analysis, resultset)

    def query_index(self, record, resultset=None):
        """A soft query for `soft`, else ZCTextIndex's."""
        if getattr(record, "soft", False):
            return self.soft_query(" ".join(record.keys), resultset)
        return super().query_index(record, resultset)


def use_soft_index(catalog, name):
    """Make the catalog's ZCTextIndex `name` a SoftTextIndex, keeping its words; True if changed."""
    indexes = catalog._catalog.indexes
    index = indexes.get(name)
    if index is None or isinstance(index, SoftTextIndex):
        return False
    index._p_activate()
    soft = SoftTextIndex.__new__(SoftTextIndex)
    soft.__dict__.update(index.__dict__)
    # A new mapping, so that the catalog's record is stored again with the new class.
    catalog._catalog.indexes = {**indexes, name: soft}
    return True
