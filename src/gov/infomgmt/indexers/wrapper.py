"""The object as the catalog sees it, each value computed once per cataloguing."""

from Acquisition import aq_base
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from zope.component import getSiteManager
from zope.interface import providedBy


class MemoizingIndexableObjectWrapper(IndexableObjectWrapper):
    """Answers each name once while one object is catalogued.

    The catalog asks the wrapper for every index and then again for every metadata
    column; 31 names are both (Title, review_state, effective, the disclosure fields), so
    each indexer ran twice and each name a Dexterity item lacks (start, sync_uid…) was
    searched twice. And each name's indexer was looked up with the interfaces the item
    provides worked out anew (for Dexterity, through its type's schemas and behaviours);
    they are worked out once here. A wrapper lives for one catalog_object call, during
    which the object does not change. The answers are plone.indexer's.
    """

    def __init__(self, object, catalog):
        self._gov_values = {}
        self._gov_required = None
        super().__init__(object, catalog)

    def __getattr__(self, name):
        if name.startswith("__"):
            # Python's own protocol lookups (__conform__, __len__…) are not catalog values.
            return super().__getattr__(name)
        values = self._gov_values
        if name in values:
            value = values[name]
            if isinstance(value, AttributeError):
                raise AttributeError(name)
            return value
        try:
            value = self._gov_value(name)
        except AttributeError as error:
            values[name] = error
            raise
        values[name] = value
        return value

    def _gov_value(self, name):
        """plone.indexer's answer: the indexer, the workflow variable, or the attribute."""
        obj = self._IndexableObjectWrapper__object
        catalog = self._IndexableObjectWrapper__catalog
        if self._gov_required is None:
            self._gov_required = (providedBy(obj), providedBy(catalog))
        factory = getSiteManager().adapters.lookup(self._gov_required, IIndexer, name)
        if factory is not None:
            indexer = factory(obj, catalog)
            if indexer is not None:
                return indexer()
        workflow_variables = self._IndexableObjectWrapper__vars
        if name in workflow_variables:
            return workflow_variables[name]
        value_or_callable = getattr(obj, name)
        try:
            getattr(aq_base(obj), name)
        except AttributeError:
            # Acquired: only a Python script may be (the way to add an indexer TTW).
            if getattr(value_or_callable, "meta_type", None) == "Script (Python)":
                return value_or_callable
            raise
        return value_or_callable
