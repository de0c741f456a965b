"""Copy a FileStorage site (with its blobs) into RelStorage on PostgreSQL, and check the copy.

    python scripts/migrate_to_relstorage.py [--clear] [--check-only]

Stop the server first: the copy is of the database as it is on disk. zodbconvert copies
every transaction (RelStorage is history-free here, so the newest revision of each object
is what lands), blobs included; then both databases are opened side by side and compared:
the last transaction, the number of catalogued items of each content type, and the
SHA-256 of every blob of every File and Image (up to 500). Exit status 0 when the copy is
identical on those counts, 1 when not (each difference is printed).

Settings (environment): GOV_INSTANCE_HOME (the FileStorage's instance, default instance),
GOV_RELSTORAGE_DSN (the destination; required), SITE_ID (gov).
"""

from pathlib import Path

# Run as a script: its folder is on sys.path, so is the sibling module.
from restore_drill import open_database  # noqa: E402

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BLOB_SAMPLE = 500

CONFIG = """%import relstorage
<filestorage source>
    path {data_fs}
    blob-dir {blob_dir}
    read-only true
</filestorage>
<relstorage destination>
    keep-history false
    shared-blob-dir false
    blob-dir {cache_dir}
    <postgresql>
        dsn {dsn}
    </postgresql>
</relstorage>
"""


def summary(db, site_id):
    """What the comparison looks at, read from one open database."""
    from persistent.TimeStamp import TimeStamp

    connection = db.open()
    try:
        app = connection.root()["Application"]
        site = app[site_id]
        catalog = site.portal_catalog._catalog
        counts = dict(catalog.getIndex("portal_type").uniqueValues(withLengths=True))
        site_path = "/".join(site.getPhysicalPath()) + "/"
        blobs = {}
        for path, rid in sorted(catalog.uids.items()):
            if len(blobs) >= BLOB_SAMPLE:
                break
            if catalog[rid].portal_type not in ("File", "Image"):
                continue
            obj = site.unrestrictedTraverse(path.removeprefix(site_path))
            field = getattr(obj, "file", None) or getattr(obj, "image", None)
            if field is not None:
                with field.open() as stream:
                    blobs[path] = hashlib.sha256(stream.read()).hexdigest()
        last = TimeStamp(db.storage.lastTransaction())
        return {"last_transaction": repr(last), "types": counts, "blobs": blobs}
    finally:
        connection.close()


def compare(source, destination):
    """The differences between two summaries, as sentences."""
    differences = []
    if source["last_transaction"] != destination["last_transaction"]:
        differences.append(
            f"last transaction {source['last_transaction']} became {destination['last_transaction']}"
        )
    for portal_type in sorted(set(source["types"]) | set(destination["types"])):
        before = source["types"].get(portal_type, 0)
        after = destination["types"].get(portal_type, 0)
        if before != after:
            differences.append(f"{portal_type}: {before} items, {after} copied")
    for path, digest in source["blobs"].items():
        if destination["blobs"].get(path) != digest:
            differences.append(f"blob of {path} differs")
    return differences


def open_databases(data_fs, blob_dir, dsn, cache_dir):
    """The FileStorage (read-only) and the RelStorage database, opened as the drill opens them."""
    return open_database(data_fs, blob_dir), open_database(dsn, cache_dir)


def main(argv):
    """Convert, then check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clear",
        action="store_true",
        help="empty the destination first (it must be empty otherwise)",
    )
    parser.add_argument(
        "--check-only", action="store_true", help="compare, do not copy"
    )
    args = parser.parse_args(argv)
    env = os.environ
    dsn = env.get("GOV_RELSTORAGE_DSN")
    if not dsn:
        print(
            "GOV_RELSTORAGE_DSN: say which PostgreSQL database to copy into.",
            file=sys.stderr,
        )
        return 2
    instance = Path(env.get("GOV_INSTANCE_HOME", ROOT / "instance"))
    data_fs = instance / "var" / "filestorage" / "Data.fs"
    blob_dir = instance / "var" / "blobstorage"
    if not data_fs.exists():
        print(f"No FileStorage at {data_fs}.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="zodbconvert-") as scratch:
        if not args.check_only:
            config = Path(scratch) / "zodbconvert.conf"
            config.write_text(
                CONFIG.format(
                    data_fs=data_fs,
                    blob_dir=blob_dir,
                    cache_dir=Path(scratch) / "blobcache",
                    dsn=dsn,
                )
            )
            command = [str(BIN / "zodbconvert"), str(config)]
            if args.clear:
                command.insert(1, "--clear")
            converted = subprocess.run(command, capture_output=True, text=True)
            if converted.returncode != 0:
                print(
                    f"zodbconvert failed: {converted.stderr[-2000:]}", file=sys.stderr
                )
                return 1
            print(
                converted.stdout.strip().splitlines()[-1]
                if converted.stdout.strip()
                else "Copied."
            )
        source, destination = open_databases(
            data_fs, blob_dir, dsn, Path(scratch) / "check-cache"
        )
        try:
            site_id = env.get("SITE_ID", "gov")
            before = summary(source, site_id)
            after = summary(destination, site_id)
        finally:
            source.close()
            destination.close()
    differences = compare(before, after)
    if differences:
        print("COPY DIFFERS:\n  " + "\n  ".join(differences), file=sys.stderr)
        return 1
    items = sum(before["types"].values())
    print(
        f"Copy checked: {items} items of {len(before['types'])} types, "
        f"{len(before['blobs'])} blobs, last transaction {before['last_transaction']} — identical."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
