"""第四条 at every door: who may consult a case file, and who may take a copy of a document.

Consulting (the pages, inline display, image scales, the API's JSON) is open to the
case's own officers, the archive keepers, the leader in charge of the handling section
and administrators; anyone else needs an approved request for that file, valid now,
whose scope covers the document. A copy (any download) needs an approved copy, scan or
lend request for that user, that file and that scope, valid now, whoever asks.
"""

from dataclasses import dataclass
from gov.infomgmt import _
from gov.infomgmt.access import rules
from gov.infomgmt.access.register import COPY_MODES
from gov.infomgmt.content.enforcement_record import ICaseDocument
from gov.infomgmt.content.enforcement_record import IEnforcementRecord
from gov.infomgmt.enforcement.case_roles import approvals_of
from gov.infomgmt.enforcement.case_roles import leader_in_charge
from plone import api


CONSULT = "consult"
COPY = "copy"
# Those who consult a file for their work without a request (第四条).
KEEPER_ROLES = {"Manager", "ArchiveKeeper"}


@dataclass(frozen=True)
class Verdict:
    """The gate's answer; a refusal names the approval that is missing."""

    allowed: bool
    missing: str = ""  # consult_approval, copy_approval, out_of_scope, door_closed
    message: object = None


def case_of(obj):
    """The case file an object belongs to (itself or its container), or None."""
    if IEnforcementRecord.providedBy(obj):
        return obj
    if ICaseDocument.providedBy(obj):
        return obj.__parent__
    return None


def consults_without_request(record, user):
    """The case's own officers, the archive keepers, the leader in charge, administrators."""
    userid = user.getId()
    if userid in (record.officers or ()) or userid == leader_in_charge(record):
        return True
    return bool(KEEPER_ROLES & set(user.getRolesInContext(record)))


def covers(line, obj):
    """True when the approved line's scope covers the object (file or document)."""
    if line.scope == rules.WHOLE_FILE:
        return True
    # Conclusive documents only (parties and lawyers, 第六条): the file's page and
    # its conclusive documents, nothing else.
    return not ICaseDocument.providedBy(obj) or bool(obj.conclusive)


def consult(obj, user=None):
    """May this user consult this case file or document now?"""
    user = user or api.user.get_current()
    record = case_of(obj)
    if consults_without_request(record, user):
        return Verdict(True)
    lines = approvals_of(record, user.getId())
    if any(covers(line, obj) for line in lines):
        return Verdict(True)
    if lines:
        return Verdict(False, "out_of_scope", OUT_OF_SCOPE)
    return Verdict(False, "consult_approval", NO_CONSULT_APPROVAL)


def copy(document, user=None):
    """May this user take a copy (download) of this document now?"""
    user = user or api.user.get_current()
    record = case_of(document)
    lines = [
        line for line in approvals_of(record, user.getId()) if line.mode in COPY_MODES
    ]
    if any(covers(line, document) for line in lines):
        return Verdict(True)
    if lines:
        return Verdict(False, "out_of_scope", OUT_OF_SCOPE)
    return Verdict(False, "copy_approval", NO_COPY_APPROVAL)


def closed():
    """WebDAV and FTP are off for case files: their methods yield the raw record."""
    return Verdict(False, "door_closed", DOOR_CLOSED)


NO_CONSULT_APPROVAL = _(
    "Consulting this case file needs an approved access request for it, valid now "
    "(register it in the access register; the leader in charge of the handling "
    "section approves)."
)
NO_COPY_APPROVAL = _(
    "A copy of a case document (any download) needs an approved copy, scan or loan "
    "request for you and this file, valid now (第四条: approved by the leader in "
    "charge of the handling section)."
)
OUT_OF_SCOPE = _(
    "Your approved request covers the conclusive documents of this file only."
)
DOOR_CLOSED = _("WebDAV and FTP are switched off for enforcement case files.")
