"""Back up the site's database and blobs while it runs, and record a BackupLog in the site.

    python scripts/backup.py [--full] [--no-record]

- the FileStorage with repozo (full the first time or with --full, incremental after),
  gzip-compressed, into $BACKUP_DIR/filestorage;
- the blobs mirrored into $BACKUP_DIR/blobstorage (blob files never change once written,
  so copying the new ones is an incremental backup of them);
- on RelStorage (GOV_STORAGE=relstorage): instead of both, a pg_dump of the database at
  GOV_RELSTORAGE_DSN into $BACKUP_DIR/postgresql (blobs and journal included);
- the enforcement journal (and its access register) copied with SQLite's online backup
  API while the site writes, into $BACKUP_DIR/journal (on the cluster the journal's
  tables are in the pg_dump);
- a manifest of every file written in this run with its SHA-256 and the journal's head,
  in $BACKUP_DIR/manifests; the head is anchored in the site too (POST @journal-anchor);
- a BackupLog in the running site (POST through plone.restapi as $ADMIN_USER), unless
  --no-record. The site is reached at $SITE_URL (default http://localhost:$PORT/$SITE_ID).

Settings (environment): BACKUP_DIR (instance/backups), GOV_INSTANCE_HOME (instance),
BACKUP_OPERATOR (ADMIN_USER), and — required to record a BackupLog, since a log is
the bureau's statement of where its data is kept and becomes unchangeable at the
handover — BACKUP_LOCATION (the off-site place), BACKUP_MEDIUM, BACKUP_CUSTODIAN.
Exit status: 0 done, 1 backup failed, 2 not configured (nothing written), 3 backed up
but not recorded in the site.
"""

from datetime import datetime
from datetime import UTC
from pathlib import Path

# Run as a script: its folder is on sys.path, so is the sibling module.
from site_api import call_site  # noqa: E402
from site_api import site_settings  # noqa: E402

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[1]


def sha256(path):
    """SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_repozo(data_fs, repository, full):
    """repozo -B: it reads the live FileStorage safely while the server writes to it."""
    repository.mkdir(parents=True, exist_ok=True)
    before = set(repository.iterdir())
    repozo = Path(sys.executable).parent / "repozo"
    command = [str(repozo), "-B", "-z", "-f", str(data_fs), "-r", str(repository)]
    if full or not before:
        command.append("-F")
    subprocess.run(command, check=True)
    return sorted(set(repository.iterdir()) - before)


def mirror_blobs(blob_dir, target):
    """Copy blob files not yet in the backup; return the files copied."""
    copied = []
    for source in sorted(p for p in blob_dir.rglob("*") if p.is_file()):
        destination = target / source.relative_to(blob_dir)
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        copied.append(destination)
    return copied


def run_pg_dump(dsn, target, stamp):
    """pg_dump of the whole database (objects, blobs, journal) in one consistent snapshot."""
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{stamp}.dump"
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={path}",
            f"--dbname={dsn}",
        ],
        check=True,
    )
    return [path]


def journal_file(var):
    """The SQLite journal of the instance, or None when it lives in PostgreSQL."""
    dsn = os.environ.get("GOV_JOURNAL_DSN", "")
    if dsn.startswith("sqlite:///"):
        return Path(dsn.removeprefix("sqlite:///"))
    return None if dsn else var / "journal.sqlite"


def copy_journal(source, target_dir, stamp):
    """A consistent copy of the live journal (SQLite's online backup API); (path, head)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"journal-{stamp}.sqlite"
    live = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    try:
        live.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        row = copy.execute(
            "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        copy.close()
        live.close()
    return target, {"entry_id": row[0], "hash": row[1]} if row else None


def backup(instance, backup_dir, full):
    """Run the backup; return the manifest."""
    started = datetime.now(UTC)
    stamp = started.strftime("%Y-%m-%d-%H-%M-%S")
    var = instance / "var"
    if os.environ.get("GOV_STORAGE") == "relstorage":
        # Blobs are in the database, and so is the journal in this mode: one dump
        # holds everything. It is always full; point-in-time recovery between dumps
        # is PostgreSQL's WAL archiving (see docs/deployment.md).
        written = run_pg_dump(
            os.environ["GOV_RELSTORAGE_DSN"], backup_dir / "postgresql", stamp
        )
        kind = "full"
    else:
        written = run_repozo(
            var / "filestorage" / "Data.fs", backup_dir / "filestorage", full
        )
        kind = (
            "full"
            if any(p.suffix in (".fsz", ".fs") for p in written)
            else "incremental"
        )
        written += mirror_blobs(var / "blobstorage", backup_dir / "blobstorage")
    journal, head = journal_file(var), None
    if journal is not None and journal.exists():
        copied, head = copy_journal(journal, backup_dir / "journal", stamp)
        written.append(copied)
    # repozo's .dat file lists the chain and grows with every incremental backup:
    # it is bookkeeping, not backed-up data, so it has no fixed checksum to record.
    files = [
        {
            "name": str(p.relative_to(backup_dir)),
            "size": p.stat().st_size,
            "sha256": sha256(p),
        }
        for p in written
        if p.is_file() and p.suffix != ".dat"
    ]
    manifest = {
        "started": started.isoformat(),
        "finished": datetime.now(UTC).isoformat(),
        "kind": kind,
        "files": files,
        "size": sum(f["size"] for f in files),
        "journal_head": head,
    }
    manifests = backup_dir / "manifests"
    manifests.mkdir(parents=True, exist_ok=True)
    (manifests / f"{stamp}.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return manifest


# What a BackupLog states about custody, and the setting that says it.
CUSTODY_SETTINGS = {
    "location": "BACKUP_LOCATION",
    "medium": "BACKUP_MEDIUM",
    "custodian": "BACKUP_CUSTODIAN",
}


def missing_custody(env):
    """The custody settings that are not set."""
    return [name for name in CUSTODY_SETTINGS.values() if not env.get(name, "").strip()]


def custody(env):
    """The custody facts the BackupLog records, from the settings."""
    return {field: env[name].strip() for field, name in CUSTODY_SETTINGS.items()}


def record(manifest, site_url, user, password, facts):
    """Create the BackupLog in the running site; return its address."""
    env = os.environ
    stamp = manifest["started"][:19].replace(":", "-")
    body = {
        "@type": "BackupLog",
        "id": f"backup-{stamp}".lower(),
        "title": f"{manifest['started'][:16].replace('T', ' ')} {'全量' if manifest['kind'] == 'full' else '增量'}备份",
        "kind": manifest["kind"],
        "started": manifest["started"],
        "finished": manifest["finished"],
        "size_bytes": manifest["size"],
        "files": "\n".join(
            f"{f['sha256']}  {f['size']}  {f['name']}" for f in manifest["files"]
        ),
        "operator": env.get("BACKUP_OPERATOR", user),
        **facts,
    }
    return call_site(
        "POST", f"{site_url.rstrip('/')}/++api++/backup-logs", user, password, body
    )["@id"]


def main(argv):
    """Back up, then record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--full",
        action="store_true",
        help="a full backup instead of an incremental one",
    )
    parser.add_argument(
        "--no-record", action="store_true", help="do not record a BackupLog in the site"
    )
    args = parser.parse_args(argv)
    env = os.environ
    # Checked before anything is written: a job set up without them fails at once,
    # instead of recording a custody that nobody stated.
    missing = [] if args.no_record else missing_custody(env)
    if missing:
        print(
            f"Backup NOT started: set {', '.join(missing)} (the off-site location, "
            "the medium and the custodian that the BackupLog records), "
            "or run with --no-record.",
            file=sys.stderr,
        )
        return 2
    instance = Path(env.get("GOV_INSTANCE_HOME", ROOT / "instance"))
    backup_dir = Path(env.get("BACKUP_DIR", instance / "backups"))
    try:
        manifest = backup(instance, backup_dir, args.full)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"Backup FAILED: {error}", file=sys.stderr)
        return 1
    print(
        f"{manifest['kind']} backup: {len(manifest['files'])} files, {manifest['size']} bytes, into {backup_dir}"
    )
    if args.no_record:
        return 0
    site_url, user, password = site_settings()
    try:
        address = record(manifest, site_url, user, password, custody(env))
    except OSError as error:
        print(
            f"Backed up, but NOT recorded in the site ({site_url}): {error}",
            file=sys.stderr,
        )
        return 3
    print(f"Recorded: {address}")
    try:
        anchor = call_site(
            "POST",
            f"{site_url.rstrip('/')}/++api++/@journal-anchor",
            user,
            password,
            {"why": f"backup {manifest['started'][:19]}"},
        )
    except OSError as error:
        print(f"Journal head NOT anchored in the site: {error}", file=sys.stderr)
        return 3
    print(f"Journal head anchored in the site: entry {anchor['entry_id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
