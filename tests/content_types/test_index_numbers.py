"""Index numbers taken in concurrent transactions never collide."""

from gov.infomgmt.index_numbers import format_index_number
from gov.infomgmt.index_numbers import next_index_number
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import threading
import transaction


THREADS = 4
NUMBERS_EACH = 3


def take_numbers(db, site_id, year, count, start, results, conflicts):
    """Take `count` numbers in separate transactions, retrying on conflict as Zope does."""
    manager = transaction.TransactionManager()
    first = True
    taken = 0
    while taken < count:
        connection = db.open(transaction_manager=manager)
        try:
            manager.begin()
            site = connection.root()["Application"][site_id]
            setSite(site)
            if first:
                # Every thread has begun its transaction before any commits.
                start.wait()
                first = False
            number = next_index_number(year)
            manager.commit()
            results.append(number)
            taken += 1
        except ConflictError:
            manager.abort()
            conflicts.append(1)
        finally:
            setSite(None)
            connection.close()


def test_pattern():
    assert (
        format_index_number("{org}/{year}-{serial:05d}", "ORG", 2026, 7)
        == "ORG/2026-00007"
    )


def test_concurrent_transactions_never_collide(demo_functional):
    app = demo_functional["app"]
    portal = demo_functional["portal"]
    transaction.commit()
    db = app._p_jar.db()
    results, conflicts = [], []
    start = threading.Barrier(THREADS)
    threads = [
        threading.Thread(
            target=take_numbers,
            args=(db, portal.getId(), 2031, NUMBERS_EACH, start, results, conflicts),
        )
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == THREADS * NUMBERS_EACH
    assert len(set(results)) == len(results)
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in results)
    assert serials == list(range(1, THREADS * NUMBERS_EACH + 1))
    # the threads really did meet: some transactions lost and were retried
    assert conflicts
