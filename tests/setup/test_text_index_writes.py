"""A full-text index keeps every posting across commits while not rewriting unchanged buckets.

gov.infomgmt.patches.text_index leaves a word's IIBTree of postings where it is instead of
putting it back into ``_wordinfo``; the postings must still be all there once committed
and read back by another connection, for words in a few documents (a dict) and in many (an
IIBTree), and for the word that turns from one into the other.
"""

from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.Lexicon import Splitter
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from ZODB.DB import DB
from ZODB.MappingStorage import MappingStorage

import transaction


def text(docid):
    """Words in every document, in every third one, and one word of each document's own."""
    words = ["common", f"own{docid}"]
    if docid % 3 == 0:
        words.append("third")
    return " ".join(words)


def test_postings_survive_commits_and_a_new_connection():
    db = DB(MappingStorage())
    connection = db.open()
    root = connection.root()
    root["index"] = OkapiIndex(Lexicon(Splitter()))
    transaction.commit()
    for batch in range(5):
        for docid in range(batch * 20, batch * 20 + 20):
            root["index"].index_doc(docid, text(docid))
        transaction.commit()
    connection.close()

    index = db.open().root()["index"]
    lexicon = index._lexicon
    common = index._wordinfo[lexicon._wids["common"]]
    third = index._wordinfo[lexicon._wids["third"]]
    own = index._wordinfo[lexicon._wids["own42"]]
    assert not isinstance(common, dict)  # an IIBTree past ten documents
    assert sorted(common.keys()) == list(range(100))
    assert sorted(third.keys()) == [d for d in range(100) if d % 3 == 0]
    assert isinstance(own, dict)
    assert list(own) == [42]
    assert sorted(index.search("common")) == list(range(100))
    assert index.document_count() == 100
    db.close()


def test_unchanged_word_buckets_are_not_written():
    """Indexing a document of known words changes their postings, not ``_wordinfo``."""
    db = DB(MappingStorage())
    connection = db.open()
    root = connection.root()
    root["index"] = index = OkapiIndex(Lexicon(Splitter()))
    for docid in range(30):
        index.index_doc(docid, "common words only")
    transaction.commit()
    index.index_doc(30, "common words only")
    common = index._wordinfo[index._lexicon._wids["common"]]
    assert common._p_changed  # the word's postings
    assert not index._wordinfo._p_changed
    transaction.abort()
    db.close()
