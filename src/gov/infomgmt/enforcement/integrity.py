"""第九条: nothing in a case file may be altered — SHA-256 of every document, taken at archiving."""

from dataclasses import dataclass
from gov.infomgmt.content.enforcement_record import ICaseDocument
from gov.infomgmt.journal.site import record_event

import hashlib


CHUNK = 1024 * 1024


def checksum(named_file):
    """SHA-256 of a file's bytes, read in chunks (audio and video may be large)."""
    digest = hashlib.sha256()
    with named_file.open() as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def documents(record):
    """The documents of a case file."""
    return [obj for obj in record.objectValues() if ICaseDocument.providedBy(obj)]


def seal(record):
    """Record the checksum of every document of the file."""
    for document in documents(record):
        document.sha256 = checksum(document.file)


@dataclass(frozen=True)
class Mismatch:
    """A document whose bytes are not those sealed at archiving."""

    id: str
    title: str
    expected: str
    actual: str


def verify(record):
    """Recompute every checksum; journal the check and each mismatch; return the mismatches."""
    found = []
    for document in documents(record):
        actual = checksum(document.file)
        if document.sha256 and actual != document.sha256:
            found.append(
                Mismatch(document.getId(), document.Title(), document.sha256, actual)
            )
    record_event(
        record,
        "integrity_check",
        result="mismatch" if found else "ok",
        mismatches=[m.id for m in found],
    )
    if found:
        from gov.infomgmt.enforcement.alerts import alert_mismatches

        alert_mismatches(record, found)
    return found
