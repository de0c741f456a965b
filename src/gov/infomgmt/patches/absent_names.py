"""Dexterity remembers, per content type, the names that none of the type's schemas has.

An attribute that an item does not have reaches ``DexterityContent.__getattr__``, which
looks for a default in the type's schema and in the schema of every behaviour before it
raises ``AttributeError``. Plone asks for such names all the time, and through every
parent when it acquires: the catalog asks each item for ``start``, ``sync_uid``,
``getRemoteUrl``…; security asks for ``__ac_local_roles_block__`` and ``_owner``;
the placeful workflow asks for ``.wf_policy_config`` up to the site. That is about eighty
schema searches an item catalogued, an eighth of the time it takes.

The answer depends only on the type's schemas, so it is kept per type and name, under
the key Dexterity's own ``__providedBy__`` cache uses (the type's modification time and
the schema cache's invalidation count): a changed type, or any schema invalidation,
searches again. Only misses are kept (a default may depend on the item), only for items
whose behaviours come from their type (the standard assignable), and at most
``MAX_NAMES`` names, since a visitor can ask for any name by URL.
"""

from plone.dexterity.behavior import DexterityBehaviorAssignable
from plone.dexterity.content import ATTRIBUTE_NAMES_TO_IGNORE
from plone.dexterity.content import DexterityContent
from plone.dexterity.content import get_assignable
from plone.dexterity.content import Item
from plone.dexterity.schema import SCHEMA_CACHE


MAX_NAMES = 10000

_absent = {}


def _version(portal_type):
    """What the cached answers for a type are valid for."""
    return (SCHEMA_CACHE.modified(portal_type), SCHEMA_CACHE.invalidations)


def apply():
    """Put the cache in front of Dexterity's schema search."""
    search = DexterityContent.__getattr__

    def __getattr__(self, name):
        # Dexterity's own fast refusals, before any lookup.
        if (
            name.startswith("__")
            or name.startswith("_v")
            or name.endswith("_Permission")
            or name in ATTRIBUTE_NAMES_TO_IGNORE
        ):
            raise AttributeError(name)
        portal_type = self.portal_type
        key = (portal_type, name)
        version = _version(portal_type)
        if _absent.get(key) == version:
            raise AttributeError(name)
        try:
            return search(self, name)
        except AttributeError:
            if type(get_assignable(self)) is DexterityBehaviorAssignable:
                if len(_absent) >= MAX_NAMES:
                    _absent.clear()
                _absent[key] = version
            raise

    __getattr__.__doc__ = search.__doc__
    DexterityContent.__getattr__ = __getattr__
    # Item binds Dexterity's method by name; Container calls it through the class.
    Item.__getattr__ = __getattr__
    clear()


def clear():
    """Forget every answer."""
    _absent.clear()
