"""The site's journal: where it is kept, and journaling what happens to enforcement records."""

from App.config import getConfiguration
from gov.infomgmt.journal.store import Journal
from plone import api
from zope.globalrequest import getRequest

import os
import tempfile
import threading


DSN_VARIABLE = "GOV_JOURNAL_DSN"
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
    """The journal of this process (one engine per database)."""
    url = journal_url()
    with _lock:
        if url not in _journals:
            _journals[url] = Journal(url)
        return _journals[url]


def client_address():
    """The address the current request came from (the proxy's forward first)."""
    request = getRequest()
    if request is None:
        return ""
    forwarded = request.get_header("X-Forwarded-For") or ""
    return forwarded.split(",")[0].strip() or request.get("REMOTE_ADDR", "") or ""


def record_event(obj, action, **detail):
    """Journal an action of the current user on a record or one of its documents."""
    user = api.user.get_current()
    get_journal().append(
        actor=user.getId() or "anonymous",
        action=action,
        record=obj.UID(),
        path="/".join(obj.getPhysicalPath()),
        address=client_address(),
        **detail,
    )
