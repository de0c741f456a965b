"""The add-on's permissions: the Zope names (for workflows, rolemap, checks) and the ZCML ids."""

AddGovernmentInformation = "gov.infomgmt: Add GovernmentInformation"
SetDisclosureAttribute = "gov.infomgmt: Set disclosure attribute"
ManageDisclosureSettings = "gov.infomgmt: Manage disclosure settings"
DelegateDutyRoles = "gov.infomgmt: Delegate duty roles"
ViewOwnTasks = "gov.infomgmt: View own tasks"
ViewDisclosureOverview = "gov.infomgmt: View disclosure overview"

# ZCML ids, for directives that take a permission id (write_permission, views).
SET_DISCLOSURE_ATTRIBUTE_ID = "gov.infomgmt.SetDisclosureAttribute"
