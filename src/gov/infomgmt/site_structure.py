"""The site's fixed folders: the public disclosure catalogue and the internal archives."""

from dataclasses import dataclass
from plone import api
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id


@dataclass(frozen=True)
class Section:
    """One top-level folder of the site and the workflow policy that guards it."""

    id: str
    title: str
    description: str
    policy_in: str
    policy_below: str
    exclude_from_nav: bool = False
    parent: str = ""  # the id of the section it lies in; "" for the site root


DISCLOSURE = Section(
    id="disclosure",
    title="政府信息公开",
    description="本局主动公开的政府信息目录。",
    policy_in="gov_public_structure",
    policy_below="gov_disclosure_full",
)
# Work news (工作动态) takes the short review chain: collection, section head,
# secrecy review, publish. The folder's id is a category id, so items added in it
# default to that category.
WORK_NEWS = Section(
    id="work-news",
    title="工作动态",
    description="本局工作动态，经科室负责人审核和保密审查后发布。",
    policy_in="gov_public_structure",
    policy_below="gov_disclosure_short",
    parent=DISCLOSURE.id,
)
ENFORCEMENT_ARCHIVE = Section(
    id="enforcement-archive",
    title="行政执法档案",
    description="行政检查、行政处罚、行政许可、行政强制案卷及查阅登记。内部资料，不对外公开。",
    policy_in="gov_internal_structure",
    policy_below="gov_internal_structure",
    exclude_from_nav=True,
)
BACKUP_LOGS = Section(
    id="backup-logs",
    title="数据备份记录",
    description="系统与数据备份、交接、异地保管和恢复演练记录。内部资料，不对外公开。",
    policy_in="gov_internal_structure",
    policy_below="gov_internal_structure",
    exclude_from_nav=True,
)

# Parents before children.
SECTIONS = (DISCLOSURE, WORK_NEWS, ENFORCEMENT_ARCHIVE, BACKUP_LOGS)


def bind_policy(folder, policy_in, policy_below):
    """Bind placeful workflow policies to a folder and re-map its security."""
    if WorkflowPolicyConfig_id not in folder.objectIds():
        folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = folder[WorkflowPolicyConfig_id]
    config.setPolicyIn(policy_in)
    # A new chain leaves existing objects with the old state's permissions
    # until their role mappings are recomputed: update_security does that
    # for this folder's subtree only.
    config.setPolicyBelow(policy_below, update_security=True)


def ensure_section(portal, section):
    """Create one section if it is missing; never touch an existing one's content."""
    container = portal[section.parent] if section.parent else portal
    folder = container.get(section.id)
    if folder is None:
        folder = api.content.create(
            container=container,
            type="Folder",
            id=section.id,
            title=section.title,
            description=section.description,
            exclude_from_nav=section.exclude_from_nav,
        )
    bind_policy(folder, section.policy_in, section.policy_below)
    folder.reindexObject()
    return folder


def ensure_structure(portal):
    """Create every fixed section that is missing, in order."""
    return [ensure_section(portal, section) for section in SECTIONS]
