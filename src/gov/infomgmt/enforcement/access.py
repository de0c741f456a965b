"""Who handles a case: its own officers, the archive keepers, administrators."""

from plone import api


def handles_case(record, user=None):
    """True for those who see the party's identity in full."""
    user = user or api.user.get_current()
    if user.getId() in (record.officers or []):
        return True
    roles = api.user.get_roles(user=user, obj=record)
    return bool({"Manager", "ArchiveKeeper"} & set(roles))
