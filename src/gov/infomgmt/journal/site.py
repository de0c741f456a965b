"""The site's journal: where it is kept, its key, and journaling what happens to case files."""

from App.config import getConfiguration
from gov.infomgmt.journal.anchors import all_anchors
from gov.infomgmt.journal.anchors import anchor_in_site
from gov.infomgmt.journal.anchors import write_head_file
from gov.infomgmt.journal.store import Journal
from gov.infomgmt.secrets import secret
from plone import api
from zope.globalrequest import getRequest

import os
import tempfile
import threading


DSN_VARIABLE = "GOV_JOURNAL_DSN"
KEY_NAME = "journal-hmac"
_journals = {}
_lock = threading.Lock()


def journal_url():
    """GOV_JOURNAL_DSN (e.g. a PostgreSQL DSN), or an SQLite file beside the database."""
    url = os.environ.get(DSN_VARIABLE)
    if url:
        return url
    home = getattr(getConfiguration(), "clienthome", None) or tempfile.gettempdir()
    return f"sqlite:///{os.path.join(home, 'journal.sqlite')}"


def get_journal():
    """The journal of this process (one engine per database), keyed from the secrets."""
    url = journal_url()
    with _lock:
        if url not in _journals:
            journal = Journal(url, secret(KEY_NAME))
            journal.after_commit = write_head_file
            _journals[url] = journal
        return _journals[url]


def client_address():
    """The client's address: Zope believes X-Forwarded-For only from its trusted proxies.

    The proxies are zope.conf's `trusted-proxy` lines; a forwarded address sent by
    anyone else is ignored, so that no client writes the address column.
    """
    request = getRequest()
    if request is None:
        return ""
    getter = getattr(request, "getClientAddr", None)
    return (getter() if getter else request.get("REMOTE_ADDR", "")) or ""


def event_values(obj, action, detail, actor=None):
    """The columns of a journal entry for the current user's action on a case object."""
    return dict(
        actor=actor or api.user.get_current().getId() or "anonymous",
        action=action,
        record=obj.UID(),
        path="/".join(obj.getPhysicalPath()),
        address=client_address(),
        **detail,
    )


def record_event(obj, action, **detail):
    """Journal an action with the current transaction: kept exactly when it commits."""
    get_journal().append(**event_values(obj, action, detail))


def record_refusal(obj, action, actor=None, **detail):
    """Journal a refusal at once: the refused request's own transaction is rolled back."""
    get_journal().append_now(**event_values(obj, action, detail, actor))


def verify_site(portal=None):
    """Recompute the chain and check it against every anchor: head file and the site's."""
    journal = get_journal()
    portal = portal if portal is not None else api.portal.get()
    return journal.verify(all_anchors(journal, portal))


def anchor_now(why, portal=None):
    """Write the journal's head into the site's database now; returns (id, hash)."""
    from datetime import datetime
    from datetime import UTC

    portal = portal if portal is not None else api.portal.get()
    return anchor_in_site(
        portal, get_journal(), why, datetime.now(UTC).isoformat(timespec="seconds")
    )
