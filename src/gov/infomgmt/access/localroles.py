"""Time-limited access: an approved request makes its requester a reader of one case file."""

from borg.localrole.interfaces import ILocalRoleProvider
from gov.infomgmt.access.register import granted_users
from gov.infomgmt.content.enforcement_record import IEnforcementRecord
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IEnforcementRecord)
class ApprovedRequestRoles:
    """Reader on the file for as long as the approval is valid; it lapses by itself."""

    def __init__(self, context):
        self.context = context

    def _granted(self):
        """Who holds a valid approval, asked once per request and file.

        Plone asks a local-role provider at every permission check of a page.
        """
        request = getRequest()
        if request is None:
            return granted_users(self.context.UID())
        cache = request.other.setdefault("gov.infomgmt.granted", {})
        uid = self.context.UID()
        if uid not in cache:
            cache[uid] = granted_users(uid)
        return cache[uid]

    def getRoles(self, principal_id):
        """Reader for a holder of a valid approval."""
        return ["Reader"] if principal_id in self._granted() else []

    def getAllRoles(self):
        """Every holder of a valid approval, as Reader."""
        for userid in self._granted():
            yield userid, ["Reader"]
