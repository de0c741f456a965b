"""Recompute the enforcement journal's hash chain; exit 1 and name the first broken entry.

    python scripts/verify_journal.py [DSN]

Works while the site runs: the journal is an SQL database, not the locked FileStorage.
The DSN is the argument, else GOV_JOURNAL_DSN, else instance/var/journal.sqlite.
"""

from gov.infomgmt.journal.store import Journal
from pathlib import Path

import os
import sys


def main(argv):
    """Verify and report."""
    default = (
        Path(__file__).resolve().parents[1] / "instance" / "var" / "journal.sqlite"
    )
    url = (
        argv[1]
        if len(argv) > 1
        else os.environ.get("GOV_JOURNAL_DSN", f"sqlite:///{default}")
    )
    result = Journal(url).verify()
    if result.ok:
        print(f"Journal intact: {result.entries} entries.")
        return 0
    print(f"Journal BROKEN at entry {result.broken_id}: {result.reason}.")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
