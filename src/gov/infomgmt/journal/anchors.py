"""Where the journal's head is written down outside the journal database.

Three kinds of anchor, each an (entry id, hash) the journal must still contain:
- the head file beside the journal's key, rewritten after every commit, so that a
  deleted tail is seen at once;
- anchors kept in the ZODB (every backup and the daily digest add one);
- the head in each backup's manifest, checked by the restore drill.
"""

from gov.infomgmt.journal.store import Anchor
from gov.infomgmt.secrets import secrets_dir
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

import json
import os
import tempfile
import threading


HEAD_FILE = "journal-head.json"
SITE_KEY = "gov.infomgmt.journal_anchors"
KEPT_IN_SITE = 400  # a year of daily anchors and weekly backups
_lock = threading.Lock()


def head_file_path():
    """The head file, in the instance's secrets folder."""
    return os.path.join(secrets_dir(), HEAD_FILE)


def read_head_file(identity):
    """The head file's anchor for the journal of this identity, or None before its first entry."""
    try:
        with open(head_file_path(), encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError):
        return None
    if data.get("journal") != identity:
        return None
    return Anchor(data["entry_id"], data["hash"], data.get("at", ""), "the head file")


def write_head_file(identity, entry_id, entry_hash, at):
    """After a commit: move the head file forward (never back) to the newest entry."""
    with _lock:
        current = read_head_file(identity)
        if current is not None and current.entry_id >= entry_id:
            return
        folder = secrets_dir()
        os.makedirs(folder, mode=0o700, exist_ok=True)
        descriptor, scratch = tempfile.mkstemp(dir=folder, prefix=".head-")
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(
                {
                    "journal": identity,
                    "entry_id": entry_id,
                    "hash": entry_hash,
                    "at": at,
                },
                stream,
            )
        os.replace(scratch, head_file_path())


def site_anchors(portal, journal):
    """This journal's anchors kept in the site's database, oldest first."""
    return [
        Anchor(a["entry_id"], a["hash"], a["at"], f"the site ({a['why']})")
        for a in IAnnotations(portal).get(SITE_KEY, ())
        if a["journal"] == journal.identity
    ]


def anchor_in_site(portal, journal, why, at):
    """Write the journal's head into the site's database; returns (id, hash)."""
    entry_id, entry_hash = journal.head()
    anchors = IAnnotations(portal).setdefault(SITE_KEY, PersistentList())
    anchors.append(
        {
            "journal": journal.identity,
            "entry_id": entry_id,
            "hash": entry_hash,
            "at": at,
            "why": why,
        }
    )
    del anchors[:-KEPT_IN_SITE]
    return entry_id, entry_hash


def all_anchors(journal, portal=None):
    """Every anchor this instance knows of for this journal: the head file and the site's."""
    found = []
    head = read_head_file(journal.identity)
    if head is not None:
        found.append(head)
    if portal is not None:
        found.extend(site_anchors(portal, journal))
    return found
