"""The site's fixed sections stay where they are: nobody deletes, renames or moves them.

政府信息公开, 工作动态, 行政执法档案 and 数据备份记录 carry the workflow policies, the
local roles and the records of the bureau; deleting one would delete the archive with
it. Every door — the UI's delete and rename, plone.restapi's DELETE and @move, the
ZMI's manage_delObjects and manage_renameObject, cut and paste — ends in Zope's
"will be moved or removed" event, where the refusal is raised for everyone,
Manager included. Deleting the whole site still works (the event is then the site's).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from gov.infomgmt import _
from gov.infomgmt.site_structure import SECTIONS
from plone import api
from zExceptions import Forbidden
from zope.globalrequest import getRequest
from zope.i18n import translate


def is_fixed_section(obj):
    """True for one of the site's fixed sections, in its place."""
    portal = api.portal.get()
    parent = aq_parent(aq_inner(obj))
    for section in SECTIONS:
        container = portal.get(section.parent) if section.parent else portal
        if (
            container is not None
            and obj.getId() == section.id
            and aq_base(parent) is aq_base(container)
        ):
            return True
    return False


def refuse_moving_a_section(obj, event):
    """Refuse deleting, renaming or moving a fixed section itself."""
    if event.oldParent is None or aq_base(event.object) is not aq_base(obj):
        return  # being added, or carried along with its container
    if not is_fixed_section(obj):
        return
    message = _(
        "${title} is a fixed section of the site: it cannot be deleted, renamed or moved.",
        mapping={"title": obj.Title()},
    )
    raise Forbidden(translate(message, context=getRequest()))
