"""Bulk-load the corpus into a site: batches, one indexing per object, resumable.

    zconsole run instance/etc/zope.conf bench/load.py --size 100000 [--seed 2026] [--batch 500]

Run on a stopped instance (FileStorage) or against the shared database (RelStorage).
Items get their review state, history, index number, dates and attachments directly,
as the review would have left them, rather than by walking each transition: walking
100,000 items through seven steps would measure the review, not the catalogue. Each
object is indexed once, when its batch commits. A run that stops (Ctrl-C, a crash) is
run again with the same arguments: what is there is skipped.

Prints the load rate; --stats FILE writes it as JSON.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Acquisition import aq_base
from bench.corpus import Corpus
from bench.corpus import sizes
from bench.corpus import STEPS
from DateTime import DateTime
from datetime import datetime
from datetime import UTC
from gov.infomgmt.deadlines import entry_deadline
from gov.infomgmt.index_numbers import counters
from gov.infomgmt.index_numbers import format_index_number
from gov.infomgmt.index_numbers import SerialCounter
from gov.infomgmt.vocabularies.disclosure import VALID
from gov.infomgmt.vocabularies.disclosure import WEBSITE
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.interfaces import IDexterityFTI
from plone.namedfile.file import NamedBlobFile
from Testing.makerequest import makerequest
from tqdm import tqdm
from zope.component import createObject
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.event import notify
from zope.globalrequest import setRequest
from zope.lifecycleevent import ObjectCreatedEvent

import argparse
import contextlib
import functools
import json
import os
import sys
import time
import transaction


SHORT_CHAIN_STATES = {
    "collection",
    "content_review",
    "secrecy_review",
    "leader_decision",
    "published",
    "retracted",
}
FORMING = {"sign_off", "sign_off_internal", "approve_and_publish"}
# The state each transition reaches (disclosure, short chain, enforcement, backup logs).
TARGETS = {
    **{transition: target for transition, _actor, target in STEPS},
    "sign_off_internal": "retained",
    "retract": "retracted",
    "approve_and_publish": "published",
    "decide": "decided",
    "archive": "archived",
    "hand_over": "handed_over",
    "verify": "verified",
}


@functools.cache
def as_datetime(day, hour=10):
    """A Zope DateTime on that day, in the bureau's time zone."""
    return DateTime(day.year, day.month, day.day, hour, 0, 0, "Asia/Shanghai")


@functools.cache
def factory_of(portal_type):
    """The factory of a content type."""
    return getUtility(IDexterityFTI, name=portal_type).factory


def new_content(portal_type, **fields):
    """What plone.dexterity's createContent makes, with the fields set on the object.

    createContent first asks the new object for each field (a search of the type's
    schema and behaviours, for the default) to find which schema has it. Every field
    given here is stored as an attribute (the types' own schemas, plone.basic,
    plone.richtext, the file types' primary field), so the object ends the same.
    """
    content = createObject(factory_of(portal_type))
    content.portal_type = portal_type
    for name, value in fields.items():
        setattr(content, name, value)
    notify(ObjectCreatedEvent(content))  # its UUID, a file's title from its name
    return content


class Loader:
    """Puts corpus records into the site."""

    def __init__(self, site):
        self.site = site
        self.workflow_tool = api.portal.get_tool("portal_workflow")
        self.org = api.portal.get_registry_record(
            "gov.infomgmt.disclosure.organisation_code"
        )
        self.pattern = api.portal.get_registry_record(
            "gov.infomgmt.disclosure.index_number_pattern"
        )
        # Stored on each item as the add form stores them, not looked up as defaults.
        self.issuing_organ = api.portal.get_registry_record(
            "gov.infomgmt.disclosure.issuing_organ"
        )
        self.counters = counters(site)
        self._users = {}
        self._deadlines = {}

    def index_number(self, year):
        """The next index number of the year (the catalog is not asked: the corpus is new)."""
        key = f"{self.org}/{year}"
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = SerialCounter()
        counter.value += 1
        return format_index_number(self.pattern, self.org, year, counter.value)

    def add(self, container, obj, owner, created):
        """Add without events, owned by its author, dated as the corpus says.

        The added-events would index the object at once (the workflow's security
        reindex runs a catalog query, which flushes the indexing queue) and save a first
        CMFEditions version; the loader gives the workflow state itself and indexes each
        object once, when its batch commits.
        """
        obj.creation_date = as_datetime(created)
        obj.modification_date = obj.creation_date
        container._setObject(obj.id, obj, suppress_events=True)
        obj = container[obj.id]
        obj.changeOwnership(self.user(owner))
        obj.manage_setLocalRoles(owner, ["Owner"])
        return obj

    def deadline(self, signed_off):
        """The entry deadline of a sign-off day (counted once per day: the settings are fixed)."""
        if signed_off not in self._deadlines:
            self._deadlines[signed_off] = entry_deadline(signed_off)
        return self._deadlines[signed_off]

    def user(self, userid):
        """The user object of a demo account (looked up once)."""
        if userid not in self._users:
            self._users[userid] = api.user.get(userid=userid).getUser()
        return self._users[userid]

    def set_history(self, obj, owner, steps, final_state, created):
        """The workflow history from creation through the steps; the final state's permissions."""
        workflows = self.workflow_tool.getWorkflowsFor(obj)
        if not workflows:
            return  # a chainless object follows its container
        workflow = workflows[0]
        self.workflow_tool.setStatusOf(
            workflow.getId(),
            obj,
            {
                "action": None,
                "actor": owner,
                "comments": "",
                "review_state": workflow.initial_state,
                "time": as_datetime(created, 9),
            },
        )
        for transition, actor, day in steps:
            # Each entry carries the state it reached, as a real walk leaves them.
            self.workflow_tool.setStatusOf(
                workflow.getId(),
                obj,
                {
                    "action": transition,
                    "actor": actor,
                    "comments": "同意",
                    # the short chain's approve_secrecy reaches another state
                    "review_state": workflow.transitions[transition].new_state_id
                    or TARGETS[transition],
                    "time": as_datetime(day, 15),
                },
            )
        assert workflow._getWorkflowStateOf(obj).getId() == final_state, obj.getId()
        workflow.updateRoleMappingsFor(obj)

    def container_of(self, category):
        """Work news go to their own section (the short review chain)."""
        disclosure = self.site["disclosure"]
        return disclosure["work-news"] if category == "work-news" else disclosure

    def has_item(self, item_id, category):
        """Whether an earlier run loaded this item."""
        return item_id in self.container_of(category)

    def item(self, record):
        """One GovernmentInformation in its state."""
        short = record.category == "work-news"
        container = self.container_of(record.category)
        if record.id in container:
            return False
        steps = list(record.history)
        state = record.state
        if short and state not in SHORT_CHAIN_STATES:
            state = "published"
        if short and state in ("published", "retracted"):
            # The short chain: submit, approve content, pass the secrecy review,
            # then the delegated leader decides, signs off and publishes.
            day = record.created
            steps = [
                ("submit", "collector", day),
                ("approve_content", "sectionhead", day),
                ("approve_secrecy", "secrecy", day),
                ("approve_and_publish", "discloser", day),
            ] + [s for s in record.history if s[0] == "retract"]
        obj = new_content(
            "GovernmentInformation",
            id=record.id,
            title=record.title,
            description=record.description,
            category=record.category,
            responsible_section=record.responsible_section,
            document_number=record.document_number,
            keywords=tuple(record.keywords),
            issuing_organ=self.issuing_organ,
            validity=VALID,
            publication_channels=[WEBSITE],
            text=RichTextValue(record.body, "text/html", "text/x-html-safe"),
        )
        obj = self.add(container, obj, "collector", record.created)
        if state != "collection":
            obj.disclosure_attribute = record.attribute
            obj.nondisclosure_reason = record.nondisclosure_reason
        for transition, _actor, day in steps:
            if transition in FORMING:
                obj.generation_date = day
                obj.index_number = self.index_number(day.year)
                if record.attribute == "proactive":
                    obj.publication_deadline = self.deadline(day)
            if transition in ("publish", "approve_and_publish"):
                obj.published_on = day
                obj.effective_date = as_datetime(day)
            if transition == "retract":
                obj.retracted_on = day
                obj.retraction_reason = "该信息已被新发布的文件替代。"
                obj.setLayout("retraction-notice")
        self.set_history(obj, "collector", steps, state, record.created)
        if steps:
            obj.modification_date = as_datetime(steps[-1][2], 16)
        if record.attachment:
            filename, data = record.attachment
            annex = new_content(
                "File",
                id="annex.pdf",
                title=filename,
                file=NamedBlobFile(
                    data, filename=filename, contentType="application/pdf"
                ),
            )
            self.add(obj, annex, "collector", record.created).indexObject()
        obj.indexObject()
        return True

    def case_file(self, record):
        """One EnforcementRecord with its documents."""
        archive = self.site["enforcement-archive"]
        if record.id in archive:
            return False
        obj = new_content(
            "EnforcementRecord",
            id=record.id,
            title=record.title,
            case_number=record.case_number,
            kind=record.kind,
            party_name=record.party_name,
            party_type=record.party_type,
            party_id_number=record.party_id_number,
            handling_section=record.handling_section,
            officers=["officer1", "officer2"],
            opened=record.opened,
            decided=record.decided,
            decision_number=record.decision_number,
            paper_location=record.paper_location,
        )
        obj = self.add(archive, obj, "officer1", record.opened)
        for doc_id, title, kind, conclusive, data in record.documents:
            document = new_content(
                "CaseDocument",
                id=doc_id,
                title=title,
                document_kind=kind,
                conclusive=conclusive,
                file=NamedBlobFile(
                    data, filename=doc_id, contentType="application/pdf"
                ),
            )
            self.add(obj, document, "officer1", record.opened).indexObject()
        steps = []
        if record.state in ("decided", "archived"):
            steps.append(("decide", "officer1", record.decided))
        if record.state == "archived":
            obj.archived = record.decided
            steps.append(("archive", "archivist", record.decided))
        self.set_history(obj, "officer1", steps, record.state, record.opened)
        obj.indexObject()
        return True

    def backup(self, record):
        """One BackupLog."""
        logs = self.site["backup-logs"]
        if record.id in logs:
            return False
        day = record.finished
        finished = datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
        obj = new_content(
            "BackupLog",
            id=record.id,
            title=record.title,
            kind=record.kind,
            started=finished,
            finished=finished,
            size_bytes=record.size,
            files=record.files,
            medium="移动硬盘",
            location="市国家档案馆异地备份库",
            operator="itstaff",
            custodian="custodian",
            **{
                f"protection_{p}": True
                for p in ("fire", "heat", "damp", "dust", "magnetism", "theft")
            },
        )
        obj = self.add(logs, obj, "itstaff", record.finished)
        steps = []
        if record.state in ("handed_over", "verified"):
            steps.append(("hand_over", "custodian", record.finished))
        if record.state == "verified":
            steps.append(("verify", "itstaff", record.finished))
        self.set_history(obj, "itstaff", steps, record.state, record.finished)
        obj.indexObject()
        return True


@contextlib.contextmanager
def without_catalog_savepoints(catalog):
    """Keep the catalog from making savepoints within the loader's batches.

    Past its threshold (10,000 objects in one transaction) ZCatalog makes a savepoint
    after every object it catalogs: each writes again every bucket the object touched,
    and the commit copies them all once more. The loader commits in batches of its own.
    The switch is the class's, in this process only: nothing is stored.
    """
    cls = type(aq_base(catalog))
    had_own = "maintain_zodb_cache" in cls.__dict__
    original = cls.__dict__.get("maintain_zodb_cache")
    cls.maintain_zodb_cache = lambda self: False
    try:
        yield
    finally:
        if had_own:
            cls.maintain_zodb_cache = original
        else:
            del cls.maintain_zodb_cache


def load(app, size, seed, batch, stats_file=None, cache_size=None):
    """Load `size` items (and their share of case files and backup logs)."""
    if cache_size:
        # Each batch indexes into most buckets of the catalog: kept in memory between
        # batches, they are not read and unpickled again from the file.
        app._p_jar.db().setCacheSize(cache_size)
    # A request, as every Zope process serving the site has: Dexterity keeps its type
    # and behaviour lookups on it, and looks them up anew on every attribute without one.
    app = makerequest(app)
    setRequest(app.REQUEST)
    site = app[os.environ.get("SITE_ID", "gov")]
    setSite(site)
    admin = app.acl_users.getUser(os.environ.get("ADMIN_USER", "admin"))
    newSecurityManager(None, admin.__of__(app.acl_users))
    corpus = Corpus(seed=seed)
    loader = Loader(site)
    cases, logs = sizes(size)
    started = time.monotonic()
    created = 0
    items_created, items_seconds = 0, None
    with (
        without_catalog_savepoints(site.portal_catalog),
        tqdm(total=size + cases + logs, unit="obj", file=sys.stderr) as progress,
    ):
        pending = 0

        def loaded_before(item_id, category):
            if loader.has_item(item_id, category):
                progress.update(1)
                return True
            return False

        for record_source, make in (
            # A resumed run does not generate the text of what it skips.
            (corpus.items(size, skip=loaded_before), loader.item),
            (corpus.case_files(cases), loader.case_file),
            (corpus.backups(logs), loader.backup),
        ):
            for record in record_source:
                if make(record):
                    created += 1
                    pending += 1
                progress.update(1)
                if pending >= batch:
                    transaction.commit()
                    app._p_jar.cacheGC()
                    pending = 0
            if items_seconds is None:
                # The items phase ends with its last batch committed.
                transaction.commit()
                items_created, items_seconds = created, time.monotonic() - started
        transaction.commit()
    seconds = time.monotonic() - started
    result = {
        "items": size,
        "case_files": cases,
        "backup_logs": logs,
        "created": created,
        "seconds": round(seconds, 1),
        "objects_per_second": round(created / seconds, 1) if created else None,
        "items_created": items_created,
        "items_per_second": (
            round(items_created / items_seconds, 1) if items_created else None
        ),
    }
    print(json.dumps(result, ensure_ascii=False))
    if stats_file:
        with open(stats_file, "w", encoding="utf-8") as stream:
            json.dump(result, stream)
    return result


def main(app, argv):
    """Parse the arguments and load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--stats")
    parser.add_argument(
        "--cache-size",
        type=int,
        help="objects the ZODB cache keeps (the instance's setting)",
    )
    # zconsole leaves its own words ("run", the configuration, the script) in argv.
    args, _zconsole_words = parser.parse_known_args(argv)
    load(app, args.size, args.seed, args.batch, args.stats, args.cache_size)


if __name__ == "__main__":
    main(app, sys.argv[1:])  # noqa: F821 - zconsole provides `app`
