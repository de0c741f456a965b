"""1011 → 1020: case files open by their own roles only; the register is the only way in."""

from plone import api


def case_roles_only(context):
    """Apply the new roles and workflow, then recompute every case file's security."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow", "plone.app.registry"):
        setup.runImportStepFromProfile(
            "profile-gov.infomgmt:default", step, run_dependencies=False
        )
    workflow = api.portal.get_tool("portal_workflow")["gov_enforcement_workflow"]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="EnforcementRecord"):
        record = brain._unrestrictedGetObject()
        workflow.updateRoleMappingsFor(record)
        # Roles granted through Sharing before no longer open anything: drop them.
        for principal, roles in list(record.get_local_roles()):
            kept = [role for role in roles if role == "Owner"]
            record.manage_delLocalRoles([principal])
            if kept:
                record.manage_setLocalRoles(principal, kept)
        record.reindexObjectSecurity()
