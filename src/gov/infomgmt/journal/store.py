"""The journal's SQL store: entries, their hash chain, appending within a Zope transaction."""

from dataclasses import dataclass
from datetime import datetime
from datetime import UTC
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import Integer
from sqlalchemy import select
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import scoped_session
from sqlalchemy.orm import sessionmaker
from zope.sqlalchemy import register

import hashlib
import hmac
import json
import threading
import transaction


GENESIS = "0" * 64


class Base(DeclarativeBase):
    """The journal's tables."""


class Entry(Base):
    """One journaled event: who did what to which record, when, from where."""

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    record: Mapped[str] = mapped_column(String(64), index=True, default="")
    path: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def fields(self):
        """What the hash covers, in a fixed order."""
        return {
            "id": self.id,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "record": self.record,
            "path": self.path,
            "address": self.address,
            "detail": self.detail,
        }


class AccessRequest(Base):
    """One line of the access register (查阅登记簿): who asks for which file, how, on what."""

    __tablename__ = "access_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(200))
    record: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(32))
    requester_userid: Mapped[str] = mapped_column(String(200), index=True, default="")
    requester_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    credentials: Mapped[str] = mapped_column(Text, default="[]")
    purpose: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(String(32))
    mode: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[str] = mapped_column(String(32), default="")
    valid_until: Mapped[str] = mapped_column(String(32), default="")
    loan_due: Mapped[str] = mapped_column(String(10), default="")
    returned_at: Mapped[str] = mapped_column(String(32), default="")
    return_check: Mapped[str] = mapped_column(Text, default="")

    def as_dict(self):
        """The register line as JSON."""
        return {
            column.name: getattr(self, column.name) for column in self.__table__.columns
        }


def chain_hash(prev_hash, fields, key):
    """HMAC-SHA-256, under the journal's key, of the previous hash and the entry's fields.

    The key is kept outside the journal database (the instance's secrets): whoever can
    write the database but not read the key cannot recompute a valid chain.
    """
    payload = json.dumps(
        fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hmac.new(
        key, (prev_hash + payload).encode("utf-8"), hashlib.sha256
    ).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The result of recomputing the chain."""

    ok: bool
    entries: int
    broken_id: int | None = None
    reason: str = ""
    code: str = ""  # missing, out_of_chain, changed, truncated, anchor_mismatch


@dataclass(frozen=True)
class Anchor:
    """The journal's head (id, hash) as written down outside the journal database."""

    entry_id: int
    hash: str
    at: str = ""
    where: str = ""


class Journal:
    """One journal database; entries are appended in the current Zope transaction."""

    def __init__(self, url, key):
        self.url = url
        self.key = key
        # Names this journal in its anchors without writing its DSN (and password) down.
        self.identity = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
        # Called with (id, hash, at) of the newest entry after each commit that wrote.
        self.after_commit = None
        sqlite = url.startswith("sqlite")
        self.engine = create_engine(
            url,
            future=True,
            connect_args={"timeout": 30, "check_same_thread": False} if sqlite else {},
        )
        if sqlite:
            self._serialize_sqlite_writers()
        Base.metadata.create_all(self.engine)
        # Writes (journal entries, register lines) join the Zope transaction.
        self.session = scoped_session(sessionmaker(bind=self.engine, future=True))
        register(self.session)
        # Reads that need not see this request's own writes (who may read a file,
        # reports, verification) use short transactions of their own: on SQLite the
        # writers' session takes the write lock when it begins, which a permission
        # check on every page view must not hold until the request ends.
        self.read_engine = create_engine(
            url,
            future=True,
            connect_args={"timeout": 30, "check_same_thread": False} if sqlite else {},
        )
        self._reader = sessionmaker(
            bind=self.read_engine, future=True, expire_on_commit=False
        )
        self._pending = threading.local()
        # SQLite has one writer at a time; the threads of this process queue here
        # instead of in SQLite's busy handler, which sleeps in growing steps.
        self._sqlite_writer = threading.Lock() if sqlite else None

    def read(self, query):
        """Run a read-only query in a short transaction of its own; return the rows' scalars."""
        with self._reader() as session:
            return list(session.execute(query).scalars())

    def _serialize_sqlite_writers(self):
        """Take SQLite's write lock when a transaction begins, not at its first write.

        Two writers that both read the chain's head before either writes would fork the
        chain; BEGIN IMMEDIATE makes the second wait until the first has committed.
        """

        @event.listens_for(self.engine, "connect")
        def no_implicit_transactions(dbapi_connection, connection_record):
            dbapi_connection.isolation_level = None
            # Write-ahead logging: readers never wait for a writer, nor a writer for them.
            dbapi_connection.execute("PRAGMA journal_mode=WAL")

        @event.listens_for(self.engine, "begin")
        def begin_immediate(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    def append(self, actor, action, record="", path="", address="", **detail):
        """Journal an event with the current transaction: kept if and only if it commits."""
        txn = transaction.get()
        pending = getattr(self._pending, "entries", None)
        if pending is None or self._pending.txn is not txn:
            pending = self._pending.entries = []
            self._pending.txn = txn
            txn.addBeforeCommitHook(self._write, (txn,))
            txn.addAfterCommitHook(self._forget, (txn,))
        pending.append(self._values(actor, action, record, path, address, detail))

    @staticmethod
    def _values(actor, action, record, path, address, detail):
        """The columns of a new entry (the chain's columns are added when it is written)."""
        return {
            "at": datetime.now(UTC).isoformat(timespec="microseconds"),
            "actor": actor or "",
            "action": action,
            "record": record or "",
            "path": path or "",
            "address": address or "",
            "detail": json.dumps(
                detail, ensure_ascii=False, sort_keys=True, default=str
            ),
        }

    def _forget(self, status, txn):
        """After the commit, drop what this thread queued for it; let the next writer in."""
        head = getattr(self._pending, "head", None)
        self._pending.head = None
        if getattr(self._pending, "txn", None) is txn:
            self._pending.entries = None
            self._pending.txn = None
        if getattr(self._pending, "holds_writer", False):
            self._pending.holds_writer = False
            self._sqlite_writer.release()
        if status:
            self._committed(head)

    def _write(self, txn):
        """Before the commit: chain the queued entries to the head and write them."""
        entries = self._pending.entries or []
        if not entries:
            return
        if self._sqlite_writer is not None:
            # Held until this transaction has committed or failed (_forget).
            self._sqlite_writer.acquire()
            self._pending.holds_writer = True
        self._pending.head = self._chain(self.session(), entries)
        self._pending.entries = []

    def _chain(self, session, entries):
        """Lock the journal, chain the entries to its head and flush them."""
        if not self.url.startswith("sqlite"):
            # PostgreSQL: one appender at a time, until this transaction commits.
            session.execute(text("LOCK TABLE journal IN SHARE ROW EXCLUSIVE MODE"))
        head = session.execute(
            select(Entry).order_by(Entry.id.desc()).limit(1)
        ).scalar_one_or_none()
        prev_hash, next_id = (head.hash, head.id + 1) if head else (GENESIS, 1)
        for values in entries:
            entry = Entry(id=next_id, prev_hash=prev_hash, hash="", **values)
            entry.hash = chain_hash(prev_hash, entry.fields(), self.key)
            session.add(entry)
            prev_hash, next_id = entry.hash, next_id + 1
        session.flush()
        return entry.id, entry.hash, entry.at

    def _committed(self, head):
        """Tell the anchor keeper where the journal's head now is."""
        if head is not None and self.after_commit is not None:
            self.after_commit(self.identity, *head)

    def append_now(self, actor, action, record="", path="", address="", **detail):
        """Journal an event in a transaction of its own, committed at once.

        For refusals: the request that is refused is rolled back, its journal line
        must stay.
        """
        if self._sqlite_writer is not None:
            self._sqlite_writer.acquire()
        try:
            with sessionmaker(bind=self.engine, future=True)() as session:
                head = self._chain(
                    session,
                    [self._values(actor, action, record, path, address, detail)],
                )
                session.commit()
        finally:
            if self._sqlite_writer is not None:
                self._sqlite_writer.release()
        self._committed(head)

    def head(self):
        """(id, hash) of the newest entry, or (0, GENESIS) for an empty journal."""
        newest = self.read(select(Entry).order_by(Entry.id.desc()).limit(1))
        return (newest[0].id, newest[0].hash) if newest else (0, GENESIS)

    def entries(self, record=None, actor=None, start=None, end=None, action=None):
        """Journal entries, oldest first, filtered by record, person, action and period (ISO)."""
        query = select(Entry).order_by(Entry.id)
        if record:
            query = query.where(Entry.record == record)
        if actor:
            query = query.where(Entry.actor == actor)
        if action:
            query = query.where(Entry.action == action)
        if start:
            query = query.where(Entry.at >= start)
        if end:
            query = query.where(Entry.at < end)
        return self.read(query)

    def verify(self, anchors=()):
        """Recompute the whole chain and check it against the anchors kept outside it.

        Names the first entry that was changed, removed or moved, or the anchor that
        the journal no longer reaches (a truncated journal, a rewritten tail, an older
        copy put in its place).
        """
        prev_hash, expected_id, count = GENESIS, 1, 0
        hashes = {}
        for entry in self.read(select(Entry).order_by(Entry.id)):
            count += 1
            if entry.id != expected_id:
                return Verification(
                    False, count, entry.id, f"entry {expected_id} is missing", "missing"
                )
            if entry.prev_hash != prev_hash:
                return Verification(
                    False,
                    count,
                    entry.id,
                    "does not follow the previous entry",
                    "out_of_chain",
                )
            if chain_hash(prev_hash, entry.fields(), self.key) != entry.hash:
                return Verification(
                    False,
                    count,
                    entry.id,
                    "was changed after it was written",
                    "changed",
                )
            hashes[entry.id] = entry.hash
            prev_hash, expected_id = entry.hash, expected_id + 1
        for anchor in sorted(anchors, key=lambda a: a.entry_id):
            if anchor.entry_id == 0:
                continue
            if anchor.entry_id not in hashes:
                return Verification(
                    False,
                    count,
                    anchor.entry_id,
                    f"the journal ends before entry {anchor.entry_id}, "
                    f"anchored in {anchor.where} at {anchor.at}",
                    "truncated",
                )
            if hashes[anchor.entry_id] != anchor.hash:
                return Verification(
                    False,
                    count,
                    anchor.entry_id,
                    f"entry {anchor.entry_id} is not the one anchored in "
                    f"{anchor.where} at {anchor.at}",
                    "anchor_mismatch",
                )
        return Verification(True, count)
