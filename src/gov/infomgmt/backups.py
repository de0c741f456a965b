"""Backups (domain reference §3): handover rules, restore drills, storage inspections, watchdogs.

Drills and inspections are appended to a log and never rewritten: they are the log's
history after its facts were frozen by the handover, so they live in an annotation that
only grows, each line with who and when.
"""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from gov.infomgmt import _
from gov.infomgmt import logger
from gov.infomgmt.content.backup_log import PROTECTIONS
from gov.infomgmt.notifications import role_holders
from gov.infomgmt.notifications import send
from gov.infomgmt.workflow.rules import Refusal
from gov.infomgmt.workflow.subscribers import WorkflowRuleViolation
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


DRILLS_KEY = "gov.infomgmt.restore_drills"
INSPECTIONS_KEY = "gov.infomgmt.storage_inspections"
WATCHDOG_SENT_KEY = "gov.infomgmt.backup_watchdog_sent"
SETTINGS_PREFIX = "gov.infomgmt.backups"
RECORD_CHECKS = "gov.infomgmt: Record backup checks"
# Who is told when backups go wrong: those who run them and those who run the site.
WATCHDOG_ROLES = {"Manager", "Site Administrator", "ITStaff"}


# The longest drill summary and inspection note kept (the drill job's summary is a
# line of JSON with its counts).
MAX_SUMMARY = 10000
MAX_NOTE = 2000


class InvalidCheck(ValueError):
    """A drill or inspection that cannot be recorded; names the field at fault.

    `status` is 400 for what was said wrongly, 403 for who may not say it.
    """

    def __init__(self, field, message, status=400):
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


def refuse(refusal):
    """Stop the transition and keep nothing of it."""
    transaction.doom()
    raise WorkflowRuleViolation(
        translate(refusal.message, context=getRequest()), refusal
    )


def check_transition(obj, event):
    """Handover takes a second person; retirement states its destruction record."""
    if event.transition is None:
        return
    transition_id = event.transition.getId()
    user_id = api.user.get_current().getId()
    recorded_by = {obj.getOwner().getId(), obj.operator}
    if transition_id == "hand_over" and user_id in recorded_by:
        refuse(
            Refusal(
                "same_person",
                _(
                    "Handover: the custodian who accepts is not the one who handed over."
                ),
            )
        )
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if transition_id == "retire" and not comment:
        refuse(
            Refusal(
                "comment_missing",
                _("Destruction record: say how, where and by whom it was destroyed."),
                "comment",
            )
        )
    if transition_id == "hand_over" and not obj.protections_checked():
        refuse(
            Refusal(
                "protections_unchecked",
                _(
                    "Storage place: all six protections must be checked before the handover."
                ),
                "protection_fire",
            )
        )


def now_utc():
    """The current time, in UTC (what the records keep)."""
    return datetime.now(UTC)


def _append(log, key, entry):
    """Add a line to one of the log's append-only lists."""
    annotations = IAnnotations(log)
    lines = annotations.get(key)
    if lines is None:
        lines = annotations[key] = PersistentList()
    lines.append(PersistentMapping(entry))
    log.reindexObject(idxs=["modified"])
    return entry


def drills(log):
    """The restore drills recorded on the log, oldest first."""
    return [dict(line) for line in IAnnotations(log).get(DRILLS_KEY, ())]


def inspections(log):
    """The storage inspections recorded on the log, oldest first."""
    return [dict(line) for line in IAnnotations(log).get(INSPECTIONS_KEY, ())]


def backup_authors(log):
    """Who recorded the backup: the log's creator and the operator it names."""
    owner = log.getOwner()
    return {owner.getId() if owner is not None else None, log.operator} - {None, ""}


def listed_files(log):
    """How many files the log lists with their checksums."""
    return len([line for line in (log.files or "").splitlines() if line.strip()])


def credible_evidence(log, evidence):
    """True when the drill job's evidence covers the log: its files checked, a database opened."""
    if not evidence:
        return False
    return (
        evidence.get("files_checked", 0) >= max(listed_files(log), 1)
        and evidence.get("objects", 0) > 0
    )


def pass_refusal(log, user_id, evidence):
    """A pass is recorded by a second person, or by the drill job with what it measured."""
    if user_id not in backup_authors(log) or credible_evidence(log, evidence):
        return None
    return InvalidCheck(
        "passed",
        _(
            "Restore drill: whoever recorded the backup may not record its pass; the drill job records it with its evidence, or another person does."
        ),
        status=403,
    )


def record_drill(log, passed, summary, evidence=None):
    """Record a restore drill; a pass verifies a handed-over log, a failure alarms."""
    if not isinstance(passed, bool):
        raise InvalidCheck("passed", _("Restore drill: say whether it passed."))
    summary = (summary or "").strip()
    if not summary:
        raise InvalidCheck(
            "summary", _("Restore drill: describe what was restored and compared.")
        )
    if len(summary) > MAX_SUMMARY:
        raise InvalidCheck(
            "summary",
            _(
                "Restore drill: the summary is longer than ${limit} characters.",
                mapping={"limit": MAX_SUMMARY},
            ),
        )
    user_id = api.user.get_current().getId()
    refused = pass_refusal(log, user_id, evidence) if passed else None
    if refused is not None:
        raise refused
    entry = _append(
        log,
        DRILLS_KEY,
        {
            "time": now_utc().isoformat(timespec="seconds"),
            "by": user_id,
            "passed": passed,
            "summary": summary,
            "evidence": dict(evidence) if evidence else None,
        },
    )
    if passed and api.content.get_state(log) == "handed_over":
        api.portal.get_tool("portal_workflow").doActionFor(
            log, "verify", comment=f"恢复演练通过：{summary}"
        )
    if not passed:
        logger.error("Restore drill FAILED on %s: %s", log.absolute_url(), summary)
        send(
            watchdog_recipients(),
            _("Restore drill failed: ${title}", mapping={"title": log.Title()}),
            [
                _(
                    "The restore drill of ${title} failed: ${summary}",
                    mapping={"title": log.Title(), "summary": summary},
                )
            ],
            log.absolute_url(),
        )
    return entry


def record_inspection(log, checks, note=""):
    """Record an inspection of the storage place: each of the six protections, by whom, when."""
    unknown = set(checks) - {name for name, _title in PROTECTIONS}
    if unknown:
        raise InvalidCheck(
            sorted(unknown)[0], _("Storage inspection: unknown protection.")
        )
    for name, value in checks.items():
        if not isinstance(value, bool):
            raise InvalidCheck(
                name, _("Storage inspection: say yes or no for each protection.")
            )
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidCheck(
            "note",
            _(
                "Storage inspection: the note is longer than ${limit} characters.",
                mapping={"limit": MAX_NOTE},
            ),
        )
    entry = {
        "time": now_utc().isoformat(timespec="seconds"),
        "by": api.user.get_current().getId(),
        "note": note,
        **{name: bool(checks.get(name, False)) for name, _title in PROTECTIONS},
    }
    entry["all_passed"] = all(entry[name] for name, _title in PROTECTIONS)
    return _append(log, INSPECTIONS_KEY, entry)


def setting(name, default):
    """A watchdog threshold from the registry (the default before the profile is upgraded)."""
    return api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{name}", default=default)


def _as_utc(value):
    """A stored datetime in UTC (Dexterity may keep naive datetimes as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def all_logs():
    """Every backup log, whoever asks (the watchdog must see them all)."""
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="BackupLog")
    ]


def findings(now=None):
    """What is wrong with the backups now: a list of {code, message, url}."""
    now = now or now_utc()
    portal_url = api.portal.get().absolute_url()
    logs = all_logs()
    found = []
    backup_hours = setting("backup_max_age_hours", 26)
    drill_days = setting("drill_max_age_days", 30)
    handover_hours = setting("handover_max_pending_hours", 24)
    finished = [(_as_utc(log.finished), log) for log in logs if log.finished]
    if not finished:
        found.append(
            {
                "code": "no_backup",
                "message": _("No backup has been recorded yet."),
                "url": f"{portal_url}/backup-logs",
            }
        )
    else:
        last_time, last_log = max(finished, key=lambda pair: pair[0])
        if now - last_time > timedelta(hours=backup_hours):
            found.append(
                {
                    "code": "backup_stale",
                    "message": _(
                        "The last backup finished ${time}, more than ${hours} hours ago.",
                        mapping={
                            "time": last_time.strftime("%Y-%m-%d %H:%M UTC"),
                            "hours": backup_hours,
                        },
                    ),
                    "url": last_log.absolute_url(),
                }
            )
    every_drill = [(drill, log) for log in logs for drill in drills(log)]
    if finished:
        passed = [
            datetime.fromisoformat(d["time"]) for d, _log in every_drill if d["passed"]
        ]
        if not passed or now - max(passed) > timedelta(days=drill_days):
            found.append(
                {
                    "code": "drill_stale",
                    "message": _(
                        "No restore drill has passed in the last ${days} days.",
                        mapping={"days": drill_days},
                    ),
                    "url": f"{portal_url}/backup-logs",
                }
            )
    if every_drill:
        newest, newest_log = max(every_drill, key=lambda pair: pair[0]["time"])
        if not newest["passed"]:
            found.append(
                {
                    "code": "drill_failed",
                    "message": _(
                        "The last restore drill failed: ${summary}",
                        mapping={"summary": newest["summary"]},
                    ),
                    "url": newest_log.absolute_url(),
                }
            )
    for log in logs:
        if api.content.get_state(log) != "recorded":
            continue
        recorded = _as_utc(log.finished) or now
        if now - recorded > timedelta(hours=handover_hours):
            found.append(
                {
                    "code": "handover_pending",
                    "message": _(
                        "${title} is still waiting for the custodian's handover.",
                        mapping={"title": log.Title()},
                    ),
                    "url": log.absolute_url(),
                }
            )
    return found


def watchdog_recipients():
    """Administrators, and the IT staff of the backup logs' section: who must act."""
    people = {
        user.getId()
        for user in api.user.get_users()
        if WATCHDOG_ROLES & set(user.getRoles())
    }
    section = api.portal.get().get("backup-logs")
    if section is not None:
        people |= role_holders(section, "ITStaff")
    return people


def alarm(found, today):
    """Mail each finding to the administrators, at most once a day each; return what was sent."""
    portal = api.portal.get()
    annotations = IAnnotations(portal)
    sent = annotations.get(WATCHDOG_SENT_KEY)
    if sent is None:
        sent = annotations[WATCHDOG_SENT_KEY] = PersistentMapping()
    recipients = watchdog_recipients()
    mailed = []
    for finding in found:
        key = f"{finding['code']}:{finding['url']}"
        if sent.get(key) == today.isoformat():
            continue
        addresses = send(
            recipients,
            _("Backup warning: ${message}", mapping={"message": finding["message"]}),
            [finding["message"]],
            finding["url"],
        )
        sent[key] = today.isoformat()
        mailed.append({**finding, "recipients": addresses})
    return mailed
