"""Recompute the enforcement journal's keyed chain; exit 1 and name where it is wrong.

    python scripts/verify_journal.py [DSN]

Works while the site runs: the journal is an SQL database, not the locked FileStorage.
The DSN is the argument, else GOV_JOURNAL_DSN, else instance/var/journal.sqlite. The
key and the head file come from the instance's secrets (GOV_SECRETS_DIR, else
instance/var/secrets); the anchors kept in the site are checked by `GET @journal-verify`
and by the restore drill.
"""

from gov.infomgmt.journal.anchors import HEAD_FILE
from gov.infomgmt.journal.store import Anchor
from gov.infomgmt.journal.store import Journal
from pathlib import Path

import json
import os
import sys


VAR = Path(__file__).resolve().parents[1] / "instance" / "var"


def head_anchor(journal, secrets):
    """The head file's anchor for this journal, if there is one."""
    path = secrets / HEAD_FILE
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("journal") != journal.identity:
        return []
    return [Anchor(data["entry_id"], data["hash"], data.get("at", ""), "the head file")]


def main(argv):
    """Verify and report."""
    url = (
        argv[1]
        if len(argv) > 1
        else os.environ.get("GOV_JOURNAL_DSN", f"sqlite:///{VAR / 'journal.sqlite'}")
    )
    secrets = Path(os.environ.get("GOV_SECRETS_DIR", VAR / "secrets"))
    key_file = secrets / "journal-hmac.key"
    if not key_file.exists():
        print(f"No journal key in {secrets}: the chain cannot be checked.")
        return 2
    journal = Journal(url, key_file.read_bytes())
    result = journal.verify(head_anchor(journal, secrets))
    if result.ok:
        print(f"Journal intact: {result.entries} entries.")
        return 0
    print(f"Journal BROKEN at entry {result.broken_id}: {result.reason}.")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
