"""Demo users and example content, for trying the site out; never for production."""

from dataclasses import dataclass
from gov.infomgmt.site_structure import BACKUP_LOGS
from gov.infomgmt.site_structure import DISCLOSURE
from gov.infomgmt.site_structure import ENFORCEMENT_ARCHIVE
from gov.infomgmt.site_structure import WORK_NEWS
from gov.infomgmt.vocabularies.disclosure import NOT_DISCLOSED
from gov.infomgmt.vocabularies.disclosure import PROACTIVE
from plone import api
from plone.app.textfield.value import RichTextValue

import os


# One password for every demo account, so that the README can state it.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-2026")


@dataclass(frozen=True)
class DemoUser:
    """A demo account, its site-wide roles, its roles on sections, and its groups."""

    userid: str
    fullname: str
    roles: tuple = ()
    local_roles: tuple = ()  # (section id, (roles...))
    groups: tuple = ()


@dataclass(frozen=True)
class DutyGroup:
    """A group holding one duty role on the disclosure catalogue."""

    groupid: str
    title: str
    role: str


# Duties are given to groups, and people join groups: the way a bureau keeps
# "who may review" in one place when staff change.
DUTY_GROUPS = (
    DutyGroup("disclosure-collectors", "信息采集员", "InfoCollector"),
    DutyGroup("disclosure-section-heads", "科室负责人", "SectionHead"),
    DutyGroup("disclosure-secrecy-reviewers", "保密审查员", "SecrecyReviewer"),
    DutyGroup("disclosure-reviewers", "业务主管领导（公开审核）", "DisclosureReviewer"),
    DutyGroup("disclosure-leaders", "局领导", "BureauLeader"),
    DutyGroup("disclosure-entry-clerks", "信息录入员", "EntryClerk"),
    DutyGroup("disclosure-emergency", "应急处置", "EmergencyOfficer"),
)


DEMO_USERS = (
    DemoUser("webmaster", "网站管理员 王敏", roles=("Site Administrator",)),
    DemoUser(
        "editor",
        "信息编辑 李娜",
        # edits the sections' pages; reads no draft: no review duty, so no Reader
        local_roles=((DISCLOSURE.id, ("Contributor", "Editor")),),
    ),
    DemoUser(
        "archivist",
        "档案管理员 赵强",
        local_roles=((ENFORCEMENT_ARCHIVE.id, ("ArchiveKeeper",)),),
    ),
    DemoUser(
        "officer1",
        "执法人员 钱进",
        local_roles=((ENFORCEMENT_ARCHIVE.id, ("EnforcementOfficer",)),),
    ),
    DemoUser(
        "officer2",
        "执法人员 孙悦",
        local_roles=((ENFORCEMENT_ARCHIVE.id, ("EnforcementOfficer",)),),
    ),
    DemoUser(
        "itstaff",
        "信息技术人员 孙磊",
        local_roles=((BACKUP_LOGS.id, ("ITStaff",)),),
    ),
    DemoUser(
        "custodian",
        "数据保管员 吴芳",
        local_roles=((BACKUP_LOGS.id, ("DataCustodian",)),),
    ),
    DemoUser("staff", "普通工作人员 周杰"),
    DemoUser("collector", "信息采集员 陈晓", groups=("disclosure-collectors",)),
    DemoUser("collector2", "信息采集员 林芳", groups=("disclosure-collectors",)),
    DemoUser("sectionhead", "科室负责人 刘洋", groups=("disclosure-section-heads",)),
    DemoUser("secrecy", "保密审查员 杨帆", groups=("disclosure-secrecy-reviewers",)),
    DemoUser("discloser", "业务主管领导 黄志", groups=("disclosure-reviewers",)),
    DemoUser("leader", "局领导 吴刚", groups=("disclosure-leaders",)),
    DemoUser("clerk", "信息录入员 郑丽", groups=("disclosure-entry-clerks",)),
    DemoUser("emergency", "应急处置 张伟", groups=("disclosure-emergency",)),
)


def ensure_user(user):
    """Create one demo account if it is missing and grant its roles."""
    if api.user.get(userid=user.userid) is None:
        api.user.create(
            email=f"{user.userid}@example.org",
            username=user.userid,
            password=DEMO_PASSWORD,
            properties={"fullname": user.fullname},
        )
    if user.roles:
        api.user.grant_roles(username=user.userid, roles=list(user.roles))
    portal = api.portal.get()
    for section_id, roles in user.local_roles:
        api.user.grant_roles(
            username=user.userid, obj=portal[section_id], roles=list(roles)
        )
    for groupid in user.groups:
        api.group.add_user(groupname=groupid, username=user.userid)


def ensure_group(group):
    """Create a duty group with its role on the disclosure catalogue."""
    if api.group.get(groupname=group.groupid) is None:
        api.group.create(groupname=group.groupid, title=group.title)
    portal = api.portal.get()
    api.group.grant_roles(
        groupname=group.groupid, obj=portal[DISCLOSURE.id], roles=[group.role]
    )


@dataclass(frozen=True)
class DemoItem:
    """An example item, and the steps (transition, by whom, attribute fields) it has passed."""

    id: str
    title: str
    category: str
    section: str
    document_number: str
    text: str
    steps: tuple = ()
    folder: str = DISCLOSURE.id


FULL_CHAIN_TO_PUBLISHED = (
    ("submit", "collector"),
    ("approve_content", "sectionhead"),
    ("approve_secrecy", "secrecy"),
    ("approve_disclosure", "discloser"),
    ("sign_off", "leader"),
    ("submit_entry", "clerk"),
    ("publish", "clerk"),
)

DEMO_ITEMS = (
    DemoItem(
        "work-priorities-2026",
        "2026年政府信息公开工作要点",
        "decisions",
        "办公室",
        "市档发〔2026〕3号",
        "<p>为深入贯彻《中华人民共和国政府信息公开条例》，结合本局实际，现将2026年政府信息公开工作要点印发如下。</p>",
        FULL_CHAIN_TO_PUBLISHED,
    ),
    DemoItem(
        "archive-safety-inspection",
        "关于开展档案安全检查工作的通知",
        "work-news",
        "档案管理科",
        "",
        "<p>为加强档案安全管理，本局定于近期对全市各档案馆库房开展安全检查，重点检查防火、防潮、防盗措施落实情况。</p>",
        (
            ("submit", "collector"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
            ("approve_and_publish", "discloser"),
        ),
        folder=f"{DISCLOSURE.id}/{WORK_NEWS.id}",
    ),
    DemoItem(
        "budget-2026",
        "局机关2026年部门预算",
        "finance",
        "办公室",
        "",
        "<p>根据市财政局批复，现公开本局2026年部门预算及相关说明。</p>",
        (
            ("submit", "collector"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
        ),
    ),
    DemoItem(
        "staff-adjustment-plan",
        "局内设机构人员调整方案",
        "personnel",
        "办公室",
        "",
        "<p>局内设机构人员调整方案（内部讨论稿）。</p>",
        (
            ("submit", "collector2"),
            ("approve_content", "sectionhead"),
            ("approve_secrecy", "secrecy"),
            ("approve_disclosure", "discloser"),
            ("sign_off_internal", "leader"),
        ),
    ),
    DemoItem(
        "repository-renovation-plan",
        "档案库房改造项目规划",
        "plans",
        "档案管理科",
        "",
        "<p>档案库房改造项目规划（采集中）。</p>",
    ),
)

# What each example item's deciders set before their step.
DEMO_ATTRIBUTES = {
    "work-priorities-2026": {"disclosure_attribute": PROACTIVE},
    "archive-safety-inspection": {"disclosure_attribute": PROACTIVE},
    "budget-2026": {"disclosure_attribute": PROACTIVE},
    "staff-adjustment-plan": {
        "disclosure_attribute": NOT_DISCLOSED,
        "nondisclosure_reason": "internal-affairs",
    },
}


def ensure_item(portal, item):
    """Create one example item as its collector and walk it through its steps."""
    container = portal.unrestrictedTraverse(item.folder)
    if item.id in container:
        return container[item.id]
    author = item.steps[0][1] if item.steps else "collector"
    with api.env.adopt_user(username=author):
        obj = api.content.create(
            container=container,
            type="GovernmentInformation",
            id=item.id,
            title=item.title,
            category=item.category,
            responsible_section=item.section,
            document_number=item.document_number or None,
            text=RichTextValue(item.text, "text/html", "text/x-html-safe"),
        )
    for name, value in DEMO_ATTRIBUTES.get(item.id, {}).items():
        setattr(obj, name, value)
    for transition, actor in item.steps:
        with api.env.adopt_user(username=actor):
            api.content.transition(obj=obj, transition=transition, comment="演示数据")
    obj.reindexObject()
    return obj


def ensure_case_file(portal):
    """An archived penalty case with a decision and evidence, as the officers filed it."""
    from datetime import date
    from plone.namedfile.file import NamedBlobFile

    archive = portal[ENFORCEMENT_ARCHIVE.id]
    if "demo-case-2026-001" in archive:
        return archive["demo-case-2026-001"]
    with api.env.adopt_user(username="officer1"):
        record = api.content.create(
            container=archive,
            type="EnforcementRecord",
            id="demo-case-2026-001",
            title="某档案服务公司未按规定移交档案案",
            case_number="市档罚〔2026〕1号",
            kind="penalty",
            party_name="某某档案服务有限公司",
            party_type="organisation",
            party_id_number="91450800MA5KXXXX1Y",
            handling_section="执法监督科",
            officers=["officer1", "officer2"],
            opened=date(2026, 3, 2),
            decided=date(2026, 4, 10),
            decision_number="市档罚决字〔2026〕1号",
            paper_location="档案库房三层 B-12 柜",
        )
        for doc_id, title, kind, conclusive in (
            ("decision.pdf", "行政处罚决定书", "decision", True),
            ("inspection-record.pdf", "现场检查笔录", "evidence", False),
        ):
            api.content.create(
                container=record,
                type="CaseDocument",
                id=doc_id,
                title=title,
                document_kind=kind,
                conclusive=conclusive,
                file=NamedBlobFile(f"%PDF-1.4 {title}".encode(), filename=doc_id),
            )
        api.content.transition(obj=record, transition="decide", comment="作出处罚决定")
    with api.env.adopt_user(username="archivist"):
        api.content.transition(obj=record, transition="archive", comment="案卷归档")
    return record


def ensure_backup_log(portal):
    """Last night's backup: handed over to the custodian, inspected, drilled."""
    from datetime import datetime
    from datetime import timedelta
    from datetime import UTC
    from gov.infomgmt import backups

    logs = portal["backup-logs"]
    if "demo-backup" in logs:
        return logs["demo-backup"]
    finished = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    with api.env.adopt_user(username="itstaff"):
        log = api.content.create(
            container=logs,
            type="BackupLog",
            id="demo-backup",
            title=f"{finished:%Y-%m-%d} 全量备份（演示）",
            kind="full",
            started=finished - timedelta(minutes=6),
            finished=finished,
            size_bytes=52428800,
            files="0" * 64 + "  52428800  filestorage/demo.fsz",
            medium="移动硬盘 HD-07",
            location="市国家档案馆异地备份库",
            operator="itstaff",
            custodian="custodian",
            **{f"protection_{name}": True for name, _t in backups.PROTECTIONS},
        )
    with api.env.adopt_user(username="custodian"):
        api.content.transition(obj=log, transition="hand_over", comment="已接收并入库")
        backups.record_inspection(
            log,
            dict.fromkeys((name for name, _t in backups.PROTECTIONS), True),
            "例行检查",
        )
    # The pass is recorded by the custodian, not by the backup's own operator.
    with api.env.adopt_user(username="custodian"):
        backups.record_drill(
            log, True, "演示：恢复到临时目录，各类型条目数与在线站点一致"
        )
    return log


LEADERS_IN_CHARGE = "gov.infomgmt.enforcement_leaders_in_charge"


def post_install(context):
    """Create the demo accounts and example content; safe to run twice."""
    portal = api.portal.get()
    api.portal.set_registry_record(
        "gov.infomgmt.disclosure.organisation_code", "11450800MB1530126F"
    )
    for group in DUTY_GROUPS:
        ensure_group(group)
    for user in DEMO_USERS:
        ensure_user(user)
    for item in DEMO_ITEMS:
        ensure_item(portal, item)
    # The bureau leader is in charge of the enforcement section: he approves copies.
    leaders = dict(
        api.portal.get_registry_record(LEADERS_IN_CHARGE, default=None) or {}
    )
    leaders.setdefault("执法监督科", "leader")
    api.portal.set_registry_record(LEADERS_IN_CHARGE, leaders)
    ensure_case_file(portal)
    ensure_backup_log(portal)
