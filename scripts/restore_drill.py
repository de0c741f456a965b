"""Restore drill: prove that the backups restore, not merely that they were written.

    python scripts/restore_drill.py [--point YYYY-MM-DD-HH-MM-SS] [--no-compare]

1. every file listed in the manifests is checked against its SHA-256 — a changed or missing
   backup file fails the drill and is named;
2. repozo restores the newest backup (or the point in time) into a scratch directory, with the
   mirrored blobs, and the restored database is opened;
3. unless --no-compare, the number of items of each content type in the restored catalog is
   compared with the running site (through plone.restapi as $ADMIN_USER): a difference fails.

Exit status 0 when the drill passed, 1 when it failed (the reason is printed); a failed drill
is loud on purpose. Settings as for scripts/backup.py (BACKUP_DIR, GOV_INSTANCE_HOME, SITE_URL,
SITE_ID, ADMIN_USER, ADMIN_PASSWORD).
"""

from base64 import b64encode
from pathlib import Path

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request


ROOT = Path(__file__).resolve().parents[1]


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


def restored_counts(data_fs, site_id):
    """Items per content type in the restored site's catalog (empty if it holds no site)."""
    import ZODB
    import ZODB.FileStorage

    storage = ZODB.FileStorage.FileStorage(str(data_fs), read_only=True)
    db = ZODB.DB(storage)
    try:
        root = db.open().root()
        app = root.get("Application")
        if app is None or site_id not in app.objectIds():
            return {}, len(storage)
        index = app[site_id].portal_catalog._catalog.getIndex("portal_type")
        return dict(index.uniqueValues(withLengths=True)), len(storage)
    finally:
        db.close()


def live_counts(site_url, types, user, password):
    """Items per content type in the running site, as its administrator sees them."""
    counts = {}
    headers = {
        "Accept": "application/json",
        "Authorization": "Basic " + b64encode(f"{user}:{password}".encode()).decode(),
    }
    for portal_type in types:
        query = urllib.parse.urlencode({"portal_type": portal_type, "b_size": 1})
        url = f"{site_url.rstrip('/')}/++api++/@search?{query}"
        if not url.startswith(("http://", "https://")):
            raise DrillFailed(f"not a web address: {site_url}")
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http(s) only
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            counts[portal_type] = json.loads(response.read())["items_total"]
    return counts


def drill(backup_dir, point=None, compare=True):
    """Run the drill; return a summary or raise DrillFailed."""
    env = os.environ
    checked = check_manifests(backup_dir)
    with tempfile.TemporaryDirectory(prefix="restore-drill-") as scratch:
        try:
            data_fs = restore(backup_dir, Path(scratch), point)
        except subprocess.CalledProcessError as error:
            raise DrillFailed(
                f"repozo could not restore: {error.stderr.decode(errors='replace')[-300:]}"
            ) from error
        site_id = env.get("SITE_ID", "gov")
        counts, objects = restored_counts(data_fs, site_id)
    if objects == 0:
        raise DrillFailed("the restored database is empty")
    summary = {"files_checked": checked, "objects": objects, "types": counts}
    if compare and counts:
        site_url = (
            env.get("SITE_URL")
            or f"http://localhost:{env.get('PORT', '8080')}/{site_id}"
        )
        live = live_counts(
            site_url,
            sorted(counts),
            env.get("ADMIN_USER", "admin"),
            env.get("ADMIN_PASSWORD", "admin"),
        )
        differ = {t: (counts[t], live[t]) for t in counts if counts[t] != live[t]}
        if differ:
            raise DrillFailed(
                f"restored and live sites differ (restored, live): {differ}"
            )
        summary["compared_with"] = site_url
    return summary


def call_site(method, url, user, password, body=None):
    """A JSON request to the running site as its administrator."""
    if not url.startswith(("http://", "https://")):
        raise DrillFailed(f"not a web address: {url}")
    request = urllib.request.Request(  # noqa: S310 - http(s) only
        url,
        data=json.dumps(body).encode("utf-8") if body is not None else None,
        method=method,
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": "Basic "
            + b64encode(f"{user}:{password}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return json.loads(response.read() or b"{}")


def record_on_log(summary):
    """Mark the newest handed-over BackupLog verified, the drill's summary as its comment."""
    env = os.environ
    site_id = env.get("SITE_ID", "gov")
    site_url = (
        env.get("SITE_URL") or f"http://localhost:{env.get('PORT', '8080')}/{site_id}"
    ).rstrip("/")
    user, password = env.get("ADMIN_USER", "admin"), env.get("ADMIN_PASSWORD", "admin")
    query = urllib.parse.urlencode(
        {
            "portal_type": "BackupLog",
            "review_state": "handed_over",
            "sort_on": "created",
            "sort_order": "descending",
            "b_size": 1,
        }
    )
    found = call_site("GET", f"{site_url}/++api++/@search?{query}", user, password)[
        "items"
    ]
    if not found:
        return None
    log_url = found[0]["@id"]
    comment = "恢复演练通过：" + json.dumps(summary, ensure_ascii=False)
    call_site(
        "POST", f"{log_url}/@workflow/verify", user, password, {"comment": comment}
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
        help="mark the newest handed-over BackupLog verified",
    )
    args = parser.parse_args(argv)
    instance = Path(os.environ.get("GOV_INSTANCE_HOME", ROOT / "instance"))
    backup_dir = Path(os.environ.get("BACKUP_DIR", instance / "backups"))
    try:
        summary = drill(backup_dir, args.point, compare=not args.no_compare)
    except (DrillFailed, OSError) as error:
        print(f"RESTORE DRILL FAILED: {error}", file=sys.stderr)
        return 1
    print(f"Restore drill passed: {json.dumps(summary, ensure_ascii=False)}")
    if args.record:
        try:
            log_url = record_on_log(summary)
        except (DrillFailed, OSError) as error:
            print(
                f"Drill passed, but NOT recorded on a BackupLog: {error}",
                file=sys.stderr,
            )
            return 3
        print(
            f"Recorded on {log_url}"
            if log_url
            else "No handed-over BackupLog to record the drill on."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
