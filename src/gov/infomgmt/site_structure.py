"""The site's fixed folders: the public disclosure catalogue and the internal archives."""

from dataclasses import dataclass
from gov.infomgmt.workflow import pages
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.folder.default import DefaultOrdering
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from zope.annotation.interfaces import IAnnotations


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
    allowed_types: tuple = ()  # when set, the only types that may be added in it


# What the public sections accept: items, which follow a review chain, and the
# sections' own structure and pages (administrators only, by the container workflow).
# Files and images are attachments inside their item, never loose in a section.
PUBLIC_TYPES = ("GovernmentInformation", "Folder", "Document")

DISCLOSURE = Section(
    id="disclosure",
    title="政府信息公开",
    description="本局主动公开的政府信息目录。",
    policy_in="gov_public_structure",
    policy_below="gov_disclosure_full",
    allowed_types=PUBLIC_TYPES,
)
# Work news (工作动态) takes the short review chain: collection, section head,
# secrecy review, then the delegated leader's decision and sign-off. The folder's id is a category id, so items added in it
# default to that category.
WORK_NEWS = Section(
    id="work-news",
    title="工作动态",
    description="本局工作动态，经科室负责人审核、保密审查和领导公开审核签发后发布。",
    policy_in="gov_public_structure",
    policy_below="gov_disclosure_short",
    parent=DISCLOSURE.id,
    allowed_types=PUBLIC_TYPES,
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

# What an older site's work news said of its chain (the chain has changed since).
FORMER_WORK_NEWS_DESCRIPTION = "本局工作动态，经科室负责人审核和保密审查后发布。"

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
    if section.allowed_types:
        restrict_types(folder, section.allowed_types)
    make_unordered(folder)
    folder.reindexObject()
    return folder


def restrict_types(folder, allowed_types):
    """Let only these types be added in the folder, by anyone (UI, REST, invokeFactory)."""
    constraints = ISelectableConstrainTypes(folder)
    # the behaviour accepts only types the current user may add: set them as the
    # administrator the structure belongs to, whoever runs the setup
    with api.env.adopt_roles(["Manager"]):
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(list(allowed_types))
        constraints.setImmediatelyAddableTypes(list(allowed_types[:1]))


def make_unordered(folder):
    """Keep no explicit order of a section's items (Plone's "unordered" folder).

    A section grows to tens of thousands of items, listed by the catalog by date or
    number, never by hand. An ordered folder keeps every id in one persistent list
    that is written again on each add, and Plone's next/previous links read that whole
    list on every item view (half the time of an item page at 100,000 items).
    """
    if getattr(folder, "_ordering", "") == "unordered":
        return
    folder.setOrdering("unordered")
    annotations = IAnnotations(folder)
    for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
        annotations.pop(key, None)


def ensure_structure(portal):
    """Create every fixed section and standard page that is missing, in order."""
    sections = [ensure_section(portal, section) for section in SECTIONS]
    ensure_pages(portal)
    block_navigation_portlet(portal["disclosure"])
    # The portal's front page: search, categories, newest items.
    portal.setLayout("gov-front-page")
    return sections


def block_navigation_portlet(folder):
    """No Plone navigation tree in the left column of the public catalogue.

    Its pages navigate by the 14 categories of the catalogue (and breadcrumbs); the
    tree would repeat the sections at the cost of a catalog query and a render per
    page view, twice (Plone renders portlets once to know whether the column shows).
    """
    from plone.portlets.constants import CONTEXT_CATEGORY
    from plone.portlets.interfaces import ILocalPortletAssignmentManager
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager = getUtility(IPortletManager, name="plone.leftcolumn")
    assignments = getMultiAdapter((folder, manager), ILocalPortletAssignmentManager)
    assignments.setBlacklistStatus(CONTEXT_CATEGORY, True)


@dataclass(frozen=True)
class Page:
    """A page every disclosure portal carries, linked from the navigation."""

    id: str
    title: str
    description: str
    text: str


PAGES = (
    Page(
        "guide",
        "信息公开指南",
        "如何获取本局政府信息：主动公开、依申请公开及监督保障。",
        """<h2>一、主动公开</h2>
<p>本局依照《中华人民共和国政府信息公开条例》主动公开政府信息，公开目录按主题分为机构职能、法规规章、领导动态、工作动态等类别。
主动公开的政府信息自形成或者变更之日起20个工作日内予以公开，公开渠道首先为本网站。</p>
<h2>二、依申请公开</h2>
<p>公民、法人或者其他组织可以向本局申请获取相关政府信息。本局自收到申请之日起20个工作日内予以答复；需要延长答复期限的，
经负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>
<h2>三、监督和保障</h2>
<p>公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>""",
    ),
    Page(
        "rules",
        "信息公开制度",
        "本局政府信息公开发布运行管理制度。",
        """<p>本局政府信息的形成和发布包括信息采集、内容审核、保密审查、公开审核、形成信息、录入和录入审核、应急处置七个阶段。</p>
<p>信息发布遵循合法、及时、真实，“涉密信息不公开，公开信息不涉密”，“不审核不公开”和“谁主管谁公开，谁公开谁负责”的原则。</p>
<p>信息公开的属性包括主动公开、依申请公开、不予公开三种。局领导签发的日期为信息的生成日期；属于主动公开的政府信息，
在信息形成二十个工作日内完成录入，录入人对信息内容再次确认无误后方可发布。</p>""",
    ),
    Page(
        "on-request",
        "依申请公开",
        "向本局申请获取政府信息的方式和办理时限。",
        """<h2>申请方式</h2>
<p>申请人可以通过信函、传真或者当面提交书面申请，申请内容应当包括申请人的姓名或者名称、身份证明、联系方式，
申请公开的政府信息的名称、文号或者便于本局查询的其他特征性描述，以及获取信息的方式、途径。</p>
<h2>办理时限</h2>
<p>本局收到申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。
申请内容不明确的，本局在收到申请之日起7个工作日内一次性告知申请人补正，答复期限自收到补正的申请之日起计算。</p>""",
    ),
)


def ensure_pages(portal):
    """Create and publish the standard pages of the disclosure section if they are missing."""
    folder = portal[DISCLOSURE.id]
    for page in PAGES:
        if page.id in folder:
            continue
        obj = api.content.create(
            container=folder,
            type="Document",
            id=page.id,
            title=page.title,
            description=page.description,
        )
        obj.text = RichTextValue(page.text, "text/html", "text/x-html-safe")
        # the bureau's standard text, shipped with the site: published as installed;
        # every later change of it is reviewed by a second person (workflow/pages.py)
        pages.set_state(obj, "published", "")
        obj.reindexObject()
