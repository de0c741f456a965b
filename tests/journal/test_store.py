"""The journal's store: appends kept with their transaction, a verifiable chain, tamper detection."""

from gov.infomgmt.journal.store import Journal

import pytest
import sqlite3
import threading
import transaction


KEY = b"k" * 32


@pytest.fixture
def journal(tmp_path):
    return Journal(f"sqlite:///{tmp_path / 'journal.sqlite'}", KEY)


@pytest.fixture
def database(tmp_path, journal):
    """The raw SQLite file, as someone with access to the server would open it."""
    return tmp_path / "journal.sqlite"


def write(journal, count=3, actor="archivist"):
    for n in range(count):
        journal.append(
            actor,
            "view",
            record=f"uid-{n}",
            path=f"/gov/enforcement-archive/case-{n}",
            address="10.0.0.8",
        )
    transaction.commit()


def test_entries_kept_with_the_transaction(journal):
    write(journal)
    entries = journal.entries()
    assert [e.id for e in entries] == [1, 2, 3]
    assert entries[0].actor == "archivist"
    assert entries[1].prev_hash == entries[0].hash
    assert journal.verify().ok


def test_aborted_transaction_leaves_nothing(journal):
    journal.append("archivist", "view", record="uid")
    transaction.abort()
    transaction.commit()
    assert journal.entries() == []


def test_filters(journal):
    write(journal, 2, actor="archivist")
    write(journal, 1, actor="officer")
    assert len(journal.entries(actor="officer")) == 1
    assert len(journal.entries(record="uid-0")) == 2


def test_changed_entry_is_named(journal, database):
    write(journal, 5)
    with sqlite3.connect(database) as raw:
        raw.execute("UPDATE journal SET actor = 'someone-else' WHERE id = 3")
    result = journal.verify()
    assert not result.ok
    assert result.broken_id == 3
    assert "changed" in result.reason


def test_deleted_entry_is_named(journal, database):
    write(journal, 5)
    with sqlite3.connect(database) as raw:
        raw.execute("DELETE FROM journal WHERE id = 2")
    result = journal.verify()
    assert not result.ok
    assert result.broken_id == 3
    assert "entry 2 is missing" in result.reason


def test_rehashed_entry_still_breaks_the_chain(journal, database):
    """Whoever changes an entry and recomputes its own hash breaks the next link."""
    from gov.infomgmt.journal.store import chain_hash

    write(journal, 4)
    transaction.commit()
    entry = journal.entries()[1]
    fields = {**entry.fields(), "actor": "someone-else"}
    forged = chain_hash(entry.prev_hash, fields, KEY)
    transaction.abort()
    with sqlite3.connect(database) as raw:
        raw.execute(
            "UPDATE journal SET actor = 'someone-else', hash = ? WHERE id = 2",
            (forged,),
        )
    result = journal.verify()
    assert (result.ok, result.broken_id) == (False, 3)


def test_concurrent_writers_keep_one_chain(journal):
    threads, per_thread = 8, 10

    def work(n):
        for i in range(per_thread):
            # transaction.manager is per thread, as Zope's worker threads have it
            with transaction.manager:
                journal.append(f"user-{n}", "view", record=f"uid-{n}-{i}")

    runners = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=120)
    entries = journal.entries()
    assert len(entries) == threads * per_thread
    assert [e.id for e in entries] == list(range(1, threads * per_thread + 1))
    assert journal.verify().ok


def test_reading_does_not_hold_writers_back(journal):
    """A request that only reads (a permission check) lets other requests journal meanwhile."""
    from gov.infomgmt.journal.store import Entry
    from sqlalchemy import select

    write(journal, 1)
    journal.read(select(Entry))  # this thread's transaction stays open
    done = threading.Event()

    def other_request():
        with transaction.manager:
            journal.append("officer", "view", record="uid-x")
        done.set()

    runner = threading.Thread(target=other_request)
    runner.start()
    # Before reads had their own short transactions this waited for the first
    # thread's transaction to end (here: never), until SQLite's 30 s timeout.
    assert done.wait(timeout=10)
    runner.join()
    transaction.abort()
    assert [e.actor for e in journal.entries()][-1] == "officer"


class TestTamperingWithTheStoredJournal:
    """Someone with the database file but not the key: `verify` fails and names where."""

    @pytest.fixture
    def anchored(self, journal):
        """Five entries, the head anchored outside the database (as after a commit)."""
        from gov.infomgmt.journal.store import Anchor

        write(journal, 5)
        entry_id, entry_hash = journal.head()
        return [Anchor(entry_id, entry_hash, "2026-12-01T08:00:00", "the head file")]

    def test_untouched_verifies(self, journal, anchored):
        assert journal.verify(anchored).ok

    def test_last_entry_deleted(self, journal, database, anchored):
        with sqlite3.connect(database) as raw:
            raw.execute("DELETE FROM journal WHERE id = 5")
        assert journal.verify().ok  # the chain alone cannot see a cut tail
        result = journal.verify(anchored)
        assert (result.ok, result.code, result.broken_id) == (False, "truncated", 5)
        assert "the head file" in result.reason

    def test_middle_entry_deleted(self, journal, database, anchored):
        with sqlite3.connect(database) as raw:
            raw.execute("DELETE FROM journal WHERE id = 3")
        result = journal.verify(anchored)
        assert (result.ok, result.code) == (False, "missing")
        assert "entry 3 is missing" in result.reason

    def test_changed_and_every_later_hash_recomputed_without_the_key(
        self, journal, database, anchored
    ):
        """A forger recomputes the chain with plain SHA-256 (or any key but ours)."""
        from gov.infomgmt.journal.store import GENESIS

        import hashlib
        import json

        with sqlite3.connect(database) as raw:
            raw.execute("UPDATE journal SET actor = 'someone-else' WHERE id = 2")
            rows = raw.execute(
                "SELECT id, at, actor, action, record, path, address, detail "
                "FROM journal ORDER BY id"
            ).fetchall()
            prev = GENESIS
            for row in rows:
                fields = dict(
                    zip(
                        (
                            "id",
                            "at",
                            "actor",
                            "action",
                            "record",
                            "path",
                            "address",
                            "detail",
                        ),
                        row,
                        strict=True,
                    )
                )
                payload = json.dumps(
                    fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")
                )
                forged = hashlib.sha256((prev + payload).encode()).hexdigest()
                raw.execute(
                    "UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev, forged, row[0]),
                )
                prev = forged
        result = journal.verify(anchored)
        assert (result.ok, result.code, result.broken_id) == (False, "changed", 1)

    def test_two_entries_reordered(self, journal, database, anchored):
        with sqlite3.connect(database) as raw:
            raw.execute("UPDATE journal SET id = -1 WHERE id = 2")
            raw.execute("UPDATE journal SET id = 2 WHERE id = 3")
            raw.execute("UPDATE journal SET id = 3 WHERE id = -1")
        result = journal.verify(anchored)
        assert (result.ok, result.broken_id) == (False, 2)

    def test_replaced_by_an_older_copy(self, journal, database, tmp_path):
        """The whole file swapped for a copy taken before the newest entries."""
        from gov.infomgmt.journal.store import Anchor

        import shutil

        write(journal, 3)
        journal.engine.dispose()
        shutil.copy(database, tmp_path / "older.sqlite")
        write(journal, 2)
        entry_id, entry_hash = journal.head()
        anchors = [
            Anchor(entry_id, entry_hash, "2026-12-01T08:00:00", "the site (backup)")
        ]
        journal.engine.dispose()
        journal.read_engine.dispose()
        shutil.copy(tmp_path / "older.sqlite", database)
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"journal.sqlite{suffix}").unlink(missing_ok=True)
        result = journal.verify(anchors)
        assert (result.ok, result.code, result.broken_id) == (False, "truncated", 5)
        assert "the site (backup)" in result.reason

    def test_a_rewritten_tail_misses_the_anchor(self, journal, database, anchored):
        """Entry 5 replaced by another one chained correctly (as if with the key)."""
        with sqlite3.connect(database) as raw:
            raw.execute("DELETE FROM journal WHERE id = 5")
        journal.append("someone-else", "view", record="uid-x")
        transaction.commit()
        result = journal.verify(anchored)
        assert (result.ok, result.code, result.broken_id) == (
            False,
            "anchor_mismatch",
            5,
        )
