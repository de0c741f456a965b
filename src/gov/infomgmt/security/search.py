"""Internal types are kept out of Plone's search page and its type filter."""

from plone import api


# Staff reach these through their own pages (案卷, 备份记录); their names mean nothing to a
# citizen and tell an attacker what the system holds.
INTERNAL_TYPES = ("BackupLog", "CaseDocument", "EnforcementRecord")
RECORD = "plone.types_not_searched"


def hide_internal_types_from_search():
    """Add the internal types to types_not_searched without dropping an entry of the site's."""
    hidden = tuple(api.portal.get_registry_record(RECORD) or ())
    missing = tuple(name for name in INTERNAL_TYPES if name not in hidden)
    if missing:
        api.portal.set_registry_record(RECORD, hidden + missing)
