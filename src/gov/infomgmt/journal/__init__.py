"""The tamper-evident journal: an append-only, hash-chained record kept outside the ZODB.

Why outside the ZODB: every view of an enforcement record is journaled. Written as a
ZODB object, each page view would become a ZODB write, and concurrent readers would
conflict on the journal's container (ConflictError, retries, a growing Data.fs). In an
SQL store joined to the Zope transaction (zope.sqlalchemy) a view writes one row, the
ZODB transaction stays read-only, and the row is kept exactly when the request's work
is kept. SQLite (a file beside the database) by default; PostgreSQL when the site
scales out (GOV_JOURNAL_DSN).

Why a chain: each entry carries the hash of the previous one, so a changed or deleted
entry breaks the chain from that point on, and `verify` names the first broken entry.
"""
