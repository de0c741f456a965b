"""Restore drill: prove that the backups restore, not merely that they were written.

    python scripts/restore_drill.py [--point YYYY-MM-DD-HH-MM-SS] [--no-compare]

1. every file listed in the manifests is checked against its SHA-256 — a changed or missing
   backup file fails the drill and is named;
2. repozo restores the newest backup (or the point in time) into a scratch directory, with the
   mirrored blobs, and the restored database is opened;
3. unless --no-compare (or with --point), the number of items of each content type in the
   restored catalog is compared with the items of the running site that existed at the
   backup's last transaction (through plone.restapi as $ADMIN_USER),
   then a sample of items one by one — UID, title, state, time of change, and the SHA-256 of
   the files' and images' blobs; an item changed since the backup is skipped and counted;
   any other difference fails;
4. with --record, the result — passed or failed — is recorded on the newest BackupLog
   (POST @restore-drills); a pass marks a handed-over log verified, a failure mails the
   administrators.

On RelStorage (GOV_STORAGE=relstorage) the newest pg_dump of `make backup` (or the one
named by --point) is restored with pg_restore into a scratch database on the same
PostgreSQL server, which is dropped afterwards; the rest is the same.

Exit status 0 when the drill passed, 1 when it failed (the reason is printed); a failed drill
is loud on purpose. Settings as for scripts/backup.py (BACKUP_DIR, GOV_INSTANCE_HOME, SITE_URL,
SITE_ID, ADMIN_USER, ADMIN_PASSWORD).
"""

from datetime import datetime
from datetime import UTC
from pathlib import Path

# Run as a script: its folder is on sys.path, so is the sibling module.
from site_api import call_site  # noqa: E402
from site_api import site_settings  # noqa: E402

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse


ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SIZE = 15  # items compared one by one with the live site, besides 5 files


class DrillFailed(Exception):
    """The drill found a backup that does not restore as it should."""


def check_manifests(backup_dir):
    """Every recorded backup file is there and has its recorded SHA-256."""
    checked = 0
    for manifest_path in sorted((backup_dir / "manifests").glob("*.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in manifest["files"]:
            path = backup_dir / entry["name"]
            if not path.exists():
                raise DrillFailed(f"backup file missing: {entry['name']}")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != entry["sha256"]:
                raise DrillFailed(
                    f"backup file changed: {entry['name']} (SHA-256 {digest[:12]}…, recorded {entry['sha256'][:12]}…)"
                )
            checked += 1
    if not checked:
        raise DrillFailed("no backup to drill: no manifest lists any file")
    return checked


def restore(backup_dir, scratch, point=None):
    """repozo -R into the scratch directory; the blobs are copied beside it."""
    repozo = Path(sys.executable).parent / "repozo"
    data_fs = scratch / "Data.fs"
    command = [
        str(repozo),
        "-R",
        "-r",
        str(backup_dir / "filestorage"),
        "-o",
        str(data_fs),
    ]
    if point:
        command += ["-D", point]
    subprocess.run(command, check=True, capture_output=True)
    blobs = backup_dir / "blobstorage"
    if blobs.exists():
        shutil.copytree(blobs, scratch / "blobstorage")
    return data_fs


def open_database(data_fs, blob_dir):
    """The restored database: a FileStorage file, or a PostgreSQL DSN (RelStorage)."""
    import ZODB

    if isinstance(data_fs, Path):
        import ZODB.FileStorage

        return ZODB.DB(
            ZODB.FileStorage.FileStorage(
                str(data_fs), blob_dir=str(blob_dir), read_only=True
            )
        )
    from relstorage.adapters.postgresql import PostgreSQLAdapter
    from relstorage.options import Options
    from relstorage.storage import RelStorage

    options = Options(keep_history=False, shared_blob_dir=False, blob_dir=str(blob_dir))
    return ZODB.DB(
        RelStorage(PostgreSQLAdapter(dsn=data_fs, options=options), options=options)
    )


def restored_state(data_fs, blob_dir, site_id, sample_size=SAMPLE_SIZE):
    """Counts per content type in the restored catalog, objects, a content sample, moment, UIDs.

    The sample is spread evenly over the catalog (by path, so two drills of the same
    backup take the same items), with files and images among them so that blobs are
    read back too.
    """
    from persistent.TimeStamp import TimeStamp

    db = open_database(data_fs, blob_dir)
    storage = db.storage
    try:
        root = db.open().root()
        app = root.get("Application")
        if app is None or site_id not in app.objectIds():
            return {}, len(storage), [], None, set()
        site = app[site_id]
        catalog = site.portal_catalog._catalog
        counts = dict(catalog.getIndex("portal_type").uniqueValues(withLengths=True))
        site_path = "/".join(site.getPhysicalPath()) + "/"
        entries = [
            (path.removeprefix(site_path), catalog[rid])
            for path, rid in sorted(catalog.uids.items())
            if path.startswith(site_path)  # the site itself is catalogued too
        ]
        files = [e for e in entries if e[1].portal_type in ("File", "Image")]
        others = [e for e in entries if e[1].portal_type not in ("File", "Image")]
        chosen = others[:: max(1, len(others) // sample_size)][:sample_size]
        chosen += files[:: max(1, len(files) // 5)][:5]
        sample = [fingerprint(site, path, brain) for path, brain in chosen]
        # The moment the backup shows: its last transaction.
        backed_up_at = TimeStamp(storage.lastTransaction()).timeTime()
        uids = set(catalog.getIndex("UID")._index)
        return counts, len(storage), sample, backed_up_at, uids
    finally:
        db.close()


UNCOPIED_TYPES = {"CaseDocument"}


def fingerprint(site, path, brain):
    """What must be the same in the live site: uid, title, state, time of change, blob digest."""
    obj = site.unrestrictedTraverse(path)
    found = {
        "path": path,
        "UID": brain.UID,
        "title": brain.Title,
        "review_state": brain.review_state or None,
        "modified": int(obj.modified().timeTime()),  # whole seconds, as the API gives
    }
    blob_field = getattr(obj, "file", None) or getattr(obj, "image", None)
    # A case document is not copied out of the live archive for the drill (第四条: a
    # copy needs an approval): its bytes are checked by the archive's integrity check.
    if blob_field is not None and obj.portal_type not in UNCOPIED_TYPES:
        with blob_field.open() as stream:
            found["sha256"] = hashlib.sha256(stream.read()).hexdigest()
    return found


def live_counts(site_url, types, user, password, backed_up_at, restored_uids):
    """Items per content type in the running site that existed at the backup's moment.

    The catalog keeps creation dates to the minute: items of the minutes around the
    moment are fetched and sorted out by their exact creation time.
    """

    def iso(moment):
        return datetime.fromtimestamp(moment, UTC).isoformat()

    search = f"{site_url.rstrip('/')}/++api++/@search"
    counts = {}
    for portal_type in types:
        older = call_site(
            "GET",
            search
            + "?"
            + urllib.parse.urlencode(
                {
                    "portal_type": portal_type,
                    "created.query": iso(backed_up_at - 180),
                    "created.range": "max",
                    "b_size": 1,
                }
            ),
            user,
            password,
        )["items_total"]
        around = call_site(
            "GET",
            search
            + "?"
            + urllib.parse.urlencode(
                {
                    "portal_type": portal_type,
                    "created.query": [iso(backed_up_at - 120), iso(backed_up_at + 120)],
                    "created.range": "min:max",
                    "metadata_fields": ["created", "UID"],
                    "b_size": 1000,
                },
                doseq=True,
            ),
            user,
            password,
        )["items"]
        # The API gives whole seconds: an item of the backup's last second existed
        # at the backup if the backup holds it.
        counts[portal_type] = older + sum(
            datetime.fromisoformat(item["created"]).timestamp() < int(backed_up_at)
            or item["UID"] in restored_uids
            for item in around
        )
    return counts


def live_fingerprint(site_url, path, user, password):
    """The same fingerprint, read from the running site (None when the item is gone)."""
    try:
        item = call_site(
            "GET", f"{site_url.rstrip('/')}/++api++/{path}", user, password
        )
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise
    found = {
        "path": path,
        "UID": item.get("UID"),
        "title": item.get("title"),
        "review_state": item.get("review_state") or None,
        "modified": int(datetime.fromisoformat(item["modified"]).timestamp()),
    }
    blob_field = item.get("file") or item.get("image")
    if blob_field and item.get("@type") not in UNCOPIED_TYPES:
        content = call_site("GET", blob_field["download"], user, password, raw=True)
        found["sha256"] = hashlib.sha256(content).hexdigest()
    return found


def compare_sample(sample, site_url, user, password, backed_up_at):
    """Each sampled item as restored must equal the live one, unless it changed since the backup."""
    checked, changed_since = 0, 0
    for restored in sample:
        live = live_fingerprint(site_url, restored["path"], user, password)
        # Changed in or after the backup's last second: the backup cannot know it
        # (the API gives whole seconds).
        if live is not None and live["modified"] >= int(backed_up_at):
            changed_since += 1
            continue
        if live != restored:
            raise DrillFailed(
                f"restored content differs from the live site: {restored['path']} "
                f"(restored {restored}, live {live}, backup's last transaction {backed_up_at:.0f})"
            )
        checked += 1
    return checked, changed_since


def with_database(dsn, name):
    """The same libpq DSN with another database name."""
    parts = [p for p in dsn.split() if not p.startswith("dbname=")]
    return " ".join([*parts, f"dbname={name}"])


@contextlib.contextmanager
def restored_postgresql(backup_dir, point=None):
    """pg_restore the newest dump (or the one of `point`) into a scratch database; drop it after."""
    dumps = sorted((backup_dir / "postgresql").glob("*.dump"))
    if point:
        dumps = [d for d in dumps if d.stem == point]
    if not dumps:
        raise DrillFailed(
            f"no PostgreSQL dump to restore{' for ' + point if point else ''}"
        )
    dsn = os.environ["GOV_RELSTORAGE_DSN"]
    scratch = f"gov_restore_drill_{os.getpid()}"
    admin = with_database(dsn, "postgres")

    def psql(sql):
        subprocess.run(["psql", admin, "-tAc", sql], check=True, capture_output=True)

    psql(f"DROP DATABASE IF EXISTS {scratch}")
    psql(f"CREATE DATABASE {scratch}")
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                f"--dbname={with_database(dsn, scratch)}",
                str(dumps[-1]),
            ],
            check=True,
            capture_output=True,
        )
        yield with_database(dsn, scratch)
    finally:
        psql(f"DROP DATABASE IF EXISTS {scratch}")


def drill(backup_dir, point=None, compare=True):
    """Run the drill; return a summary or raise DrillFailed."""
    checked = check_manifests(backup_dir)
    site_id = os.environ.get("SITE_ID", "gov")
    with tempfile.TemporaryDirectory(prefix="restore-drill-") as scratch:
        try:
            if os.environ.get("GOV_STORAGE") == "relstorage":
                with restored_postgresql(backup_dir, point) as dsn:
                    state = restored_state(dsn, Path(scratch) / "blobcache", site_id)
            else:
                data_fs = restore(backup_dir, Path(scratch), point)
                state = restored_state(data_fs, Path(scratch) / "blobstorage", site_id)
        except subprocess.CalledProcessError as error:
            raise DrillFailed(
                f"{Path(error.cmd[0]).name} could not restore: "
                f"{error.stderr.decode(errors='replace')[-300:]}"
            ) from error
        counts, objects, sample, backed_up_at, restored_uids = state
    if not counts and objects == 0:
        raise DrillFailed("the restored database is empty")
    summary = {"files_checked": checked, "objects": objects, "types": counts}
    # A point in time is compared with nothing: the live site has moved on since.
    if compare and counts and not point:
        site_url, user, password = site_settings()
        live = live_counts(
            site_url, sorted(counts), user, password, backed_up_at, restored_uids
        )
        differ = {t: (counts[t], live[t]) for t in counts if counts[t] != live[t]}
        if differ:
            raise DrillFailed(
                "restored and live sites differ in items that existed at the backup "
                f"(type: restored, live): {differ}"
            )
        same, changed_since = compare_sample(
            sample, site_url, user, password, backed_up_at
        )
        summary.update(
            compared_with=site_url,
            sample_identical=same,
            sample_changed_since=changed_since,
        )
    return summary


def record_on_log(passed, summary, evidence=None):
    """Record the drill on the newest BackupLog; a pass verifies it once handed over.

    A pass carries the drill's evidence (files checked, objects restored, what was
    compared): the site accepts a pass from the backup's own author only with it.
    """
    site_url, user, password = site_settings()
    # The catalog keeps creation dates to the minute: the newest few are sorted here
    # by their exact time.
    query = urllib.parse.urlencode(
        {
            "portal_type": "BackupLog",
            "sort_on": "created",
            "sort_order": "descending",
            "b_size": 20,
            "metadata_fields": "created",
        }
    )
    found = call_site("GET", f"{site_url}/++api++/@search?{query}", user, password)[
        "items"
    ]
    if not found:
        return None
    found.sort(key=lambda item: datetime.fromisoformat(item["created"]), reverse=True)
    log_url = found[0]["@id"]
    call_site(
        "POST",
        f"{log_url}/@restore-drills",
        user,
        password,
        {
            "passed": passed,
            "summary": summary,
            **({"evidence": evidence} if evidence else {}),
        },
    )
    return log_url


def main(argv):
    """Run the drill and say loudly how it went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--point", help="restore this point in time (YYYY-MM-DD-HH-MM-SS)"
    )
    parser.add_argument(
        "--no-compare", action="store_true", help="do not compare with the running site"
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="record the result on the newest BackupLog (a pass verifies it)",
    )
    args = parser.parse_args(argv)
    instance = Path(os.environ.get("GOV_INSTANCE_HOME", ROOT / "instance"))
    backup_dir = Path(os.environ.get("BACKUP_DIR", instance / "backups"))
    try:
        summary = drill(backup_dir, args.point, compare=not args.no_compare)
    except (DrillFailed, OSError) as error:
        print(f"RESTORE DRILL FAILED: {error}", file=sys.stderr)
        if args.record:
            record(False, str(error))
        return 1
    print(f"Restore drill passed: {json.dumps(summary, ensure_ascii=False)}")
    if args.record and not record(
        True, json.dumps(summary, ensure_ascii=False), evidence=summary
    ):
        return 3
    return 0


def record(passed, summary, evidence=None):
    """Record the outcome in the site; say so loudly when that fails too."""
    try:
        log_url = record_on_log(passed, summary, evidence)
    except (DrillFailed, OSError) as error:
        print(f"Drill NOT recorded on a BackupLog: {error}", file=sys.stderr)
        return False
    print(
        f"Recorded on {log_url}" if log_url else "No BackupLog to record the drill on."
    )
    return True


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
