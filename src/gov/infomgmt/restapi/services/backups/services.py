"""Record and read the checks of a backup log; read and sound the backup watchdog."""

from gov.infomgmt import backups
from gov.infomgmt import json_bodies
from gov.infomgmt.clock import today_in_china
from gov.infomgmt.content.backup_log import PROTECTIONS
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


# A drill's evidence: what scripts/restore_drill.py measured (its summary).
DRILL_EVIDENCE = {
    "type": "object",
    "properties": {
        "files_checked": {"type": "integer", "minimum": 0},
        "objects": {"type": "integer", "minimum": 0},
        "types": {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 0},
        },
        "compared_with": {"type": "string", "maxLength": 500},
        "sample_identical": {"type": "integer", "minimum": 0},
        "sample_changed_since": {"type": "integer", "minimum": 0},
    },
    "additionalProperties": False,
    "required": ["files_checked", "objects"],
}

DRILL_BODY = {
    "type": "object",
    "properties": {
        "passed": {"type": "boolean"},
        "summary": {
            "type": "string",
            "minLength": 1,
            "maxLength": backups.MAX_SUMMARY,
        },
        "evidence": DRILL_EVIDENCE,
    },
    # An unknown field is named before a missing one: it is the likelier mistake.
    "additionalProperties": False,
    "required": ["passed", "summary"],
}

# An inspection says yes or no for each of the six protections.
INSPECTION_BODY = {
    "type": "object",
    "properties": {
        **{name: {"type": "boolean"} for name, _title in PROTECTIONS},
        "note": {"type": "string", "maxLength": json_bodies.MAX_COMMENT},
    },
    "additionalProperties": False,
    "required": [name for name, _title in PROTECTIONS],
}


def refused_check(request, invalid):
    """400 (or 403 for who may not record it) naming the field at fault."""
    kind = "Forbidden" if invalid.status == 403 else "BadRequest"
    return json_bodies.error_reply(
        request, invalid.status, invalid.field, invalid.message, kind
    )


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
        try:
            body = json_bodies.read(self.request, DRILL_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        try:
            entry = backups.record_drill(
                self.context, body["passed"], body["summary"], body.get("evidence")
            )
        except backups.InvalidCheck as invalid:
            return refused_check(self.request, invalid)
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
        try:
            body = json_bodies.read(self.request, INSPECTION_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        note = body.pop("note", "")
        try:
            entry = backups.record_inspection(self.context, body, note)
        except backups.InvalidCheck as invalid:
            return refused_check(self.request, invalid)
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
        try:
            json_bodies.read(self.request, json_bodies.NO_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        found = backups.findings()
        mailed = backups.alarm(found, today_in_china())
        return {
            "ok": not found,
            "findings": as_json(self.request, found),
            "mailed": as_json(self.request, mailed),
        }
