"""Demo users and example content, for trying the site out; never for production."""

from dataclasses import dataclass
from gov.infomgmt.site_structure import BACKUP_LOGS
from gov.infomgmt.site_structure import DISCLOSURE
from gov.infomgmt.site_structure import ENFORCEMENT_ARCHIVE
from plone import api
from plone.app.textfield.value import RichTextValue

import os


# One password for every demo account, so that the README can state it.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-2026")


@dataclass(frozen=True)
class DemoUser:
    """A demo account, its site-wide roles and its roles on sections of the site."""

    userid: str
    fullname: str
    roles: tuple = ()
    local_roles: tuple = ()  # (section id, (roles...))


DEMO_USERS = (
    DemoUser("webmaster", "网站管理员 王敏", roles=("Site Administrator",)),
    DemoUser(
        "editor",
        "信息编辑 李娜",
        local_roles=((DISCLOSURE.id, ("Contributor", "Editor", "Reader")),),
    ),
    DemoUser(
        "archivist",
        "档案管理员 赵强",
        local_roles=((ENFORCEMENT_ARCHIVE.id, ("Reader", "Contributor")),),
    ),
    DemoUser(
        "itstaff",
        "信息技术人员 孙磊",
        local_roles=((BACKUP_LOGS.id, ("Reader", "Contributor")),),
    ),
    DemoUser("staff", "普通工作人员 周杰"),
)

GUIDE_TEXT = """
<h2>一、主动公开</h2>
<p>本局依照《中华人民共和国政府信息公开条例》主动公开政府信息，公开目录按主题分为机构职能、法规规章、
领导动态、工作动态等类别。主动公开的政府信息自形成或者变更之日起20个工作日内予以公开。</p>
<h2>二、依申请公开</h2>
<p>公民、法人或者其他组织可以向本局申请获取相关政府信息。本局自收到申请之日起20个工作日内予以答复；
需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>
<h2>三、监督和保障</h2>
<p>公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>
"""


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


def ensure_guide(portal):
    """Publish the disclosure guide (信息公开指南) that every portal carries."""
    folder = portal[DISCLOSURE.id]
    if "guide" in folder:
        return folder["guide"]
    guide = api.content.create(
        container=folder,
        type="Document",
        id="guide",
        title="信息公开指南",
        description="如何获取本局政府信息：主动公开、依申请公开及监督保障。",
    )
    guide.text = RichTextValue(GUIDE_TEXT, "text/html", "text/x-html-safe")
    if api.content.get_state(guide) != "published":
        api.content.transition(obj=guide, transition="publish")
    guide.reindexObject()
    return guide


def post_install(context):
    """Create the demo accounts and example content; safe to run twice."""
    portal = api.portal.get()
    for user in DEMO_USERS:
        ensure_user(user)
    ensure_guide(portal)
