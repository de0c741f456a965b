"""The roles one case file gives: its own officers, the leader in charge, approved readers.

Computed from the case (its `officers` and handling section) and the access register,
never stored: no one can hand them out through Sharing, and an approval lapses by itself.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from gov.infomgmt.access.register import valid_approvals
from gov.infomgmt.content.enforcement_record import IEnforcementRecord
from plone import api
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer


CASE_OFFICER = "CaseOfficer"  # 本案执法人员
LEADER_IN_CHARGE = "LeaderInCharge"  # 承办科室分管领导
APPROVED_READER = "ApprovedReader"  # 经批准查阅人
LEADERS_RECORD = "gov.infomgmt.enforcement_leaders_in_charge"


def leaders_in_charge():
    """Section → user id of the leader in charge of it (站点设置 → 配置注册表)."""
    return api.portal.get_registry_record(LEADERS_RECORD, default=None) or {}


def leader_in_charge(record):
    """The user id of the leader in charge of the case's handling section, or None."""
    return leaders_in_charge().get(record.handling_section or "")


def approvals_of(record, userid):
    """The user's valid approvals for the file, asked once per request.

    Plone asks a local-role provider at every permission check of a page.
    """
    request = getRequest()
    if request is None:
        return valid_approvals(record.UID(), userid)
    cache = request.other.setdefault("gov.infomgmt.approvals", {})
    key = (record.UID(), userid)
    if key not in cache:
        cache[key] = valid_approvals(*key)
    return cache[key]


@implementer(ILocalRoleProvider)
@adapter(IEnforcementRecord)
class CaseRoles:
    """CaseOfficer, LeaderInCharge and ApprovedReader on one case file and its documents."""

    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        """The roles this case gives the principal now."""
        roles = []
        if principal_id in (self.context.officers or ()):
            roles.append(CASE_OFFICER)
        if principal_id == leader_in_charge(self.context):
            roles.append(LEADER_IN_CHARGE)
        if principal_id and approvals_of(self.context, principal_id):
            roles.append(APPROVED_READER)
        return roles

    def getAllRoles(self):
        """The officers and the leader in charge (what the catalog indexes).

        Approved readers are left out on purpose: an approval is not reindexed when it
        lapses, so a searcher would keep finding the file; they open it from the register.
        """
        found = {}
        for userid in self.context.officers or ():
            found.setdefault(userid, []).append(CASE_OFFICER)
        leader = leader_in_charge(self.context)
        if leader:
            found.setdefault(leader, []).append(LEADER_IN_CHARGE)
        yield from found.items()
