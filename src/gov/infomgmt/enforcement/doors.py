"""Every door that yields a case file's content passes the gate, and writes one journal line.

One subscriber after traversal (when Zope knows the user and what is published) names
the door, asks the gate (consult or copy), and journals: one line for a door that
yields content, one line for a refusal. Zope's own permission checks come first, so
that a user with no role on the case is refused before the gate: that refusal is
journaled too, when the request fails (`journal_refused_by_zope`).
"""

from Acquisition import aq_base
from Acquisition import aq_parent
from gov.infomgmt.enforcement import gate
from gov.infomgmt.journal.site import record_event
from gov.infomgmt.journal.site import record_refusal
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.restapi.services.content.get import ContentGet
from zExceptions import Forbidden
from zExceptions import Unauthorized


# WebDAV and FTP methods of Zope's content classes: they serve the raw record.
DAV_NAMES = {
    "manage_FTPget",
    "manage_DAVget",
    "manage_FTPlist",
    "manage_FTPstat",
    "listDAVObjects",
    "PROPFIND",
    "PROPPATCH",
    "PUT",
    "MKCOL",
    "LOCK",
    "UNLOCK",
    "COPY",
    "MOVE",
    "DELETE",
}
COPY_VIEWS = {"download", "download-version", "at_download"}
INLINE_VIEWS = {"display-file": "display", "images": "image"}
PAGE_VIEWS = {"view": "page", "base_view": "page", "edit": "edit-form"}
JOURNALED_METHODS = {"GET", "HEAD"}


class CaseAccessRefused(Forbidden):
    """The gate refused a door; the page and the JSON name the missing approval."""

    def __init__(self, verdict, obj, door):
        super().__init__(verdict.missing)
        self.verdict = verdict
        self.obj = obj
        self.door = door


def case_object(thing):
    """The case file or document a published thing serves, or None."""
    for _hop in range(6):
        if thing is None:
            return None
        if gate.case_of(thing) is not None:
            if aq_parent(thing) is None:
                # A form's widget holds its content unwrapped: find it in its place.
                thing = uuidToObject(thing.UID(), unrestricted=True) or thing
            return thing
        base = aq_base(thing)
        # A view's context, a widget's context, a bound method's object, a scale's parent.
        thing = (
            getattr(base, "context", None) is not None
            and getattr(thing, "context", None)
            or getattr(base, "__self__", None) is not None
            and thing.__self__
            or getattr(thing, "__parent__", None)
        )
    return None


def door_of(published, request):
    """(door, kind) of a request: kind is consult, copy or closed; (None, None) otherwise."""
    names = [name.removeprefix("@@") for name in request.steps]
    name = (getattr(published, "__name__", "") or "").removeprefix("@@")
    if name in DAV_NAMES:
        return "webdav", "closed"
    if isinstance(published, ContentGet):
        return "api", gate.CONSULT
    if name in COPY_VIEWS:
        return "download", gate.COPY
    for view, door in INLINE_VIEWS.items():
        if view == name or view in names:
            return door, gate.CONSULT
    if name in PAGE_VIEWS:
        return PAGE_VIEWS[name], gate.CONSULT
    return None, None


def case_door(request):
    """The case file the request reaches and its door: (obj, door, kind), door None if none."""
    published = request.get("PUBLISHED")
    obj = case_object(published)
    if obj is None:
        return None, None, None
    door, kind = door_of(published, request)
    return obj, door, kind


def guard(event):
    """After traversal: pass the gate and journal, or refuse and journal the refusal."""
    request = event.request
    obj, door, kind = case_door(request)
    if door is None:
        return
    if kind == "closed":
        verdict = gate.closed()
    elif kind == gate.COPY:
        verdict = gate.copy(obj)
    else:
        verdict = gate.consult(obj)
    if not verdict.allowed:
        record_refusal(obj, "refused", door=door, missing=verdict.missing)
        raise CaseAccessRefused(verdict, obj, door)
    if request.method in JOURNALED_METHODS:
        action = "download" if kind == gate.COPY else "view"
        detail = {"door": door}
        if kind == gate.COPY:
            detail["filename"] = getattr(getattr(obj, "file", None), "filename", "")
        record_event(obj, action, **detail)


def who_tried(request):
    """The user id a refused request authenticated as (Zope did not log it in), or anonymous."""
    try:
        acl_users = api.portal.get().acl_users
        found = acl_users._extractUserIds(request, acl_users.plugins)
    except Exception:  # a refusal is journaled whatever the credentials look like
        return "anonymous"
    return found[0][0] if found else "anonymous"


def journal_refused_by_zope(event):
    """A door of a case file refused by Zope's permission check: one journal line too."""
    exc = event.exc_info[1]
    if event.retry or isinstance(exc, CaseAccessRefused):
        return
    if not isinstance(exc, (Unauthorized, Forbidden)):
        return
    request = event.request
    obj, door, _kind = case_door(request)
    if door is None:
        return
    record_refusal(
        obj, "refused", actor=who_tried(request), door=door, missing="no_role"
    )
