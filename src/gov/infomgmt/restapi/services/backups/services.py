"""Record and read the checks of a backup log; read and sound the backup watchdog."""

from gov.infomgmt import backups
from gov.infomgmt.clock import today_in_china
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


def bad_request(request, field, message):
    """400 naming the field at fault."""
    request.response.setStatus(400)
    return {
        "error": {
            "type": "BadRequest",
            "field": field,
            "message": translate(message, context=request),
        }
    }


def body_of(request):
    """The JSON body as a dict, or None when it is not one."""
    try:
        body = json_body(request)
    except Exception:  # noqa: BLE001 - plone.restapi raises a bare exception on bad JSON
        return None
    return body if isinstance(body, dict) else None


class RestoreDrillsGet(Service):
    """The restore drills of this log."""

    def reply(self):
        """Drills, oldest first."""
        found = backups.drills(self.context)
        return {"items_total": len(found), "items": found}


class RestoreDrillsPost(Service):
    """Record a restore drill: {"passed": true|false, "summary": "…"}."""

    def reply(self):
        """201 with the recorded drill; a pass verifies a handed-over log."""
        alsoProvides(self.request, IDisableCSRFProtection)  # token-authenticated API
        body = body_of(self.request)
        if body is None:
            return bad_request(self.request, "body", "the body must be a JSON object")
        try:
            entry = backups.record_drill(
                self.context, body.get("passed"), body.get("summary")
            )
        except backups.InvalidCheck as invalid:
            return bad_request(self.request, invalid.field, invalid.message)
        self.request.response.setStatus(201)
        return entry


class StorageInspectionsGet(Service):
    """The inspections of this log's storage place."""

    def reply(self):
        """Inspections, oldest first."""
        found = backups.inspections(self.context)
        return {"items_total": len(found), "items": found}


class StorageInspectionsPost(Service):
    """Record an inspection: {"fire": true, …, "theft": true, "note": "…"}."""

    def reply(self):
        """201 with the recorded inspection."""
        alsoProvides(self.request, IDisableCSRFProtection)  # token-authenticated API
        body = body_of(self.request)
        if body is None:
            return bad_request(self.request, "body", "the body must be a JSON object")
        note = body.pop("note", "")
        try:
            entry = backups.record_inspection(self.context, body, note)
        except backups.InvalidCheck as invalid:
            return bad_request(self.request, invalid.field, invalid.message)
        self.request.response.setStatus(201)
        return entry


def as_json(request, found):
    """Findings with their messages in the reader's language."""
    return [
        {**finding, "message": translate(finding["message"], context=request)}
        for finding in found
    ]


class BackupWatchdogGet(Service):
    """What is wrong with the backups now."""

    def reply(self):
        """{"ok": bool, "findings": […]}."""
        found = backups.findings()
        return {"ok": not found, "findings": as_json(self.request, found)}


class BackupWatchdogPost(Service):
    """Check and mail the administrators (for an hourly timer); each warning once a day."""

    def reply(self):
        """The findings, and those mailed in this run."""
        # Called by a timer with an administrator's credentials; the only write is
        # the "mailed today" mark of each warning.
        alsoProvides(self.request, IDisableCSRFProtection)
        found = backups.findings()
        mailed = backups.alarm(found, today_in_china())
        return {
            "ok": not found,
            "findings": as_json(self.request, found),
            "mailed": as_json(self.request, mailed),
        }
