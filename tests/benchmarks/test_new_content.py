"""The loader makes what createContent makes, and leaves its batches to itself, not to the catalog."""

from bench.load import new_content
from bench.load import without_catalog_savepoints
from BTrees.Length import Length
from datetime import date
from datetime import datetime
from datetime import UTC
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContent
from plone.namedfile.file import NamedBlobFile
from transaction.interfaces import ISavepointDataManager
from zope.interface import implementer

import pytest
import transaction


PDF = b"%PDF-1.4\n%%EOF\n"
FIELDS = {
    "GovernmentInformation": lambda: {
        "title": "关于做好2026年档案工作的通知",
        "description": "摘要",
        "category": "work-news",
        "responsible_section": "办公室",
        "document_number": "市档发〔2026〕1号",
        "keywords": ("档案", "通知"),
        "issuing_organ": "市档案局",
        "validity": "valid",
        "publication_channels": ["website"],
        "text": RichTextValue("<p>正文。</p>", "text/html", "text/x-html-safe"),
    },
    "File": lambda: {
        "title": "附件.pdf",
        "file": NamedBlobFile(PDF, filename="附件.pdf", contentType="application/pdf"),
    },
    "EnforcementRecord": lambda: {
        "title": "某公司违法案",
        "case_number": "市档罚〔2026〕1号",
        "kind": "penalty",
        "party_name": "某公司",
        "party_type": "organisation",
        "party_id_number": "91450000000000000X",
        "handling_section": "法规科",
        "officers": ["officer1", "officer2"],
        "opened": date(2026, 3, 1),
        "decided": date(2026, 4, 1),
        "decision_number": "市档罚决〔2026〕1号",
        "paper_location": "档案室 3 号柜",
    },
    "CaseDocument": lambda: {
        "title": "立案审批表",
        "document_kind": "filing",
        "conclusive": False,
        "file": NamedBlobFile(PDF, filename="doc.pdf", contentType="application/pdf"),
    },
    "BackupLog": lambda: {
        "title": "2026-03-01 全量备份",
        "kind": "full",
        "started": datetime(2026, 3, 1, 18, tzinfo=UTC),
        "finished": datetime(2026, 3, 1, 18, tzinfo=UTC),
        "size_bytes": 1024,
        "files": 10,
        "operator": "itstaff",
        "custodian": "custodian",
        "protection_fire": True,
    },
}


def state(obj):
    """The stored attributes, without what differs between any two objects made."""
    skip = {"creation_date", "modification_date"}
    values = {}
    for name, value in vars(obj).items():
        if name in skip or name.startswith(("_p_", "_v_")):
            continue
        if name == "_plone.uuid":
            value = len(value)
        if isinstance(value, RichTextValue):
            value = (value.raw, value.mimeType, value.outputMimeType)
        elif isinstance(value, NamedBlobFile):
            value = (value.filename, value.contentType, value.data)
        elif hasattr(value, "items"):  # a folder's BTrees, an annotation mapping
            value = (type(value), dict(value.items()))
        elif isinstance(value, Length):
            value = value()
        values[name] = value
    return values


@pytest.mark.parametrize("portal_type", FIELDS)
def test_same_object_as_create_content(demo_portal, portal_type):
    made = new_content(portal_type, id="made", **FIELDS[portal_type]())
    reference = createContent(portal_type, id="made", **FIELDS[portal_type]())
    assert type(made) is type(reference)
    assert state(made) == state(reference)


@implementer(ISavepointDataManager)
class SavepointCounter:
    """Joins the transaction and counts the savepoints made in it."""

    transaction_manager = transaction.manager

    def __init__(self):
        self.savepoints = 0

    def savepoint(self):
        self.savepoints += 1
        return self

    def rollback(self):
        """Nothing to undo."""

    def abort(self, txn):
        """Nothing to undo."""

    def sortKey(self):
        return "savepoint-counter"


def catalog_past_threshold(portal, counter):
    """Catalog the demo's items with a threshold the first one passes; the savepoints made."""
    catalog = portal.portal_catalog
    catalog.threshold = 0
    before = counter.savepoints
    for brain in catalog.unrestrictedSearchResults(portal_type="GovernmentInformation"):
        catalog.catalog_object(brain._unrestrictedGetObject(), brain.getPath())
    return counter.savepoints - before


def test_loader_batches_without_catalog_savepoints(demo_portal):
    counter = SavepointCounter()
    transaction.get().join(counter)
    assert catalog_past_threshold(demo_portal, counter) > 0  # the catalog's own habit
    with without_catalog_savepoints(demo_portal.portal_catalog):
        assert catalog_past_threshold(demo_portal, counter) == 0
    assert (
        demo_portal.portal_catalog.threshold == 0
    )  # nothing of the catalog's is changed
    assert catalog_past_threshold(demo_portal, counter) > 0  # and it is put back
