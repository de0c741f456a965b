"""The site's journal: where it is kept, and journaling what happens to enforcement records."""

from App.config import getConfiguration
from gov.infomgmt import logger
from gov.infomgmt.journal.store import Journal
from plone import api
from zope.globalrequest import getRequest

import os
import tempfile
import threading


DSN_VARIABLE = "GOV_JOURNAL_DSN"
# For `make bench` only (the cost of journaling is measured against a run without it):
# set in the environment of a benchmark server, never of a production one.
OFF_VARIABLE = "GOV_JOURNAL_OFF"
_journals = {}
_warned = []
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


def journal_switched_off():
    """True in a benchmark server started without the journal (loudly logged)."""
    if os.environ.get(OFF_VARIABLE) != "1":
        return False
    if not _warned:
        _warned.append(True)
        logger.warning(
            "%s=1: enforcement records are NOT journaled (benchmarks only)",
            OFF_VARIABLE,
        )
    return True


def record_event(obj, action, **detail):
    """Journal an action of the current user on a record or one of its documents."""
    if journal_switched_off():
        return
    user = api.user.get_current()
    get_journal().append(
        actor=user.getId() or "anonymous",
        action=action,
        record=obj.UID(),
        path="/".join(obj.getPhysicalPath()),
        address=client_address(),
        **detail,
    )
