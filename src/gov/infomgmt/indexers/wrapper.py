"""The object as the catalog sees it, each value computed once per cataloguing."""

from plone.indexer.wrapper import IndexableObjectWrapper


_MISSING = object()


class MemoizingIndexableObjectWrapper(IndexableObjectWrapper):
    """Answers each name once while one object is catalogued.

    The catalog asks the wrapper for every index and then again for every metadata
    column; 31 names are both (Title, review_state, effective, the disclosure fields), so
    each indexer ran twice and each name a Dexterity item lacks (start, sync_uid…) was
    searched twice through its schemas and behaviours. A wrapper lives for one
    catalog_object call, during which the object does not change.
    """

    def __init__(self, object, catalog):
        self._gov_values = {}
        super().__init__(object, catalog)

    def __getattr__(self, name):
        if name.startswith("__"):
            # Python's own protocol lookups (__conform__, __len__…) are not catalog values.
            return super().__getattr__(name)
        values = self._gov_values
        value = values.get(name, _MISSING)
        if value is _MISSING:
            try:
                value = super().__getattr__(name)
            except AttributeError as error:
                values[name] = error
                raise
            values[name] = value
        elif isinstance(value, AttributeError):
            raise AttributeError(name)
        return value
