"""The bureau's duty roles: ids, Chinese titles, and their place in the Sharing tab."""

from gov.infomgmt import _
from gov.infomgmt.permissions import DelegateDutyRoles
from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer


INFO_COLLECTOR = "InfoCollector"
SECTION_HEAD = "SectionHead"
SECRECY_REVIEWER = "SecrecyReviewer"
DISCLOSURE_REVIEWER = "DisclosureReviewer"
BUREAU_LEADER = "BureauLeader"
ENTRY_CLERK = "EntryClerk"
EMERGENCY_OFFICER = "EmergencyOfficer"
ENFORCEMENT_OFFICER = "EnforcementOfficer"
ARCHIVE_KEEPER = "ArchiveKeeper"
IT_STAFF = "ITStaff"
DATA_CUSTODIAN = "DataCustodian"

# In the order of the review chain; the titles are the words of the regulation.
DUTY_ROLES = (
    (INFO_COLLECTOR, _("Information collector")),  # 信息采集员
    (SECTION_HEAD, _("Section head")),  # 科室负责人
    (SECRECY_REVIEWER, _("Secrecy reviewer")),  # 保密审查员
    (DISCLOSURE_REVIEWER, _("Disclosure reviewer")),  # 业务主管领导
    (BUREAU_LEADER, _("Bureau leader")),  # 局领导
    (ENTRY_CLERK, _("Entry clerk")),  # 信息录入员
    (EMERGENCY_OFFICER, _("Emergency officer")),  # 应急处置
    (ENFORCEMENT_OFFICER, _("Enforcement officer")),  # 执法人员
    (ARCHIVE_KEEPER, _("Archive keeper")),  # 档案管理员
    (IT_STAFF, _("IT staff")),  # 信息技术人员
    (DATA_CUSTODIAN, _("Data custodian")),  # 数据保管员
)

ROLE_TITLES = dict(DUTY_ROLES)


@implementer(ISharingPageRole)
class DutyRole:
    """A duty role offered in the Sharing tab to those who may delegate duties."""

    required_permission = DelegateDutyRoles
    required_interface = None

    def __init__(self, title):
        self.title = title


def sharing_role(role_id):
    """Return the Sharing-tab utility of one duty role."""
    return DutyRole(ROLE_TITLES[role_id])


InfoCollectorRole = sharing_role(INFO_COLLECTOR)
SectionHeadRole = sharing_role(SECTION_HEAD)
SecrecyReviewerRole = sharing_role(SECRECY_REVIEWER)
DisclosureReviewerRole = sharing_role(DISCLOSURE_REVIEWER)
BureauLeaderRole = sharing_role(BUREAU_LEADER)
EntryClerkRole = sharing_role(ENTRY_CLERK)
EmergencyOfficerRole = sharing_role(EMERGENCY_OFFICER)
EnforcementOfficerRole = sharing_role(ENFORCEMENT_OFFICER)
ArchiveKeeperRole = sharing_role(ARCHIVE_KEEPER)
ITStaffRole = sharing_role(IT_STAFF)
DataCustodianRole = sharing_role(DATA_CUSTODIAN)
