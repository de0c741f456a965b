"""The journal's store: appends kept with their transaction, a verifiable chain, tamper detection."""

from gov.infomgmt.journal.store import Journal

import pytest
import sqlite3
import threading
import transaction


@pytest.fixture
def journal(tmp_path):
    return Journal(f"sqlite:///{tmp_path / 'journal.sqlite'}")


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
    forged = chain_hash(entry.prev_hash, fields)
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
