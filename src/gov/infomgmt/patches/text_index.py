"""A new document's words added to a full-text index without rewriting the words' buckets.

ZCTextIndex keeps each word's documents in ``_wordinfo``: a dict while the word is in
fewer than ten documents (stored inside ``_wordinfo``'s bucket), an IIBTree after that
(stored on its own). Adding a document puts each of its words back into ``_wordinfo``
("not redundant: persistency!"), which a dict needs, but an IIBTree records its own
change: putting it back only marks the bucket that holds it as changed, so every
commit rewrites nearly every bucket of every text index's ``_wordinfo``. Here an IIBTree
is left where it is; a dict is put back as before.
"""

from BTrees.IIBTree import IIBTree
from Products.ZCTextIndex.BaseIndex import BaseIndex


def _mass_add_wordinfo(self, wid2weight, docid):
    """Add a document's weight to the postings of each of its words."""
    wordinfo = self._wordinfo
    new_word_count = 0
    for wid, weight in wid2weight.items():
        doc2score = wordinfo.get(wid)
        if doc2score is None:
            doc2score = {}
            new_word_count += 1
        elif not isinstance(doc2score, dict):
            doc2score[docid] = weight  # an IIBTree: persistent on its own
            continue
        elif len(doc2score) == self.DICT_CUTOFF:
            doc2score = IIBTree(doc2score)
        doc2score[docid] = weight
        wordinfo[wid] = doc2score
    self.length.change(new_word_count)


def apply():
    """Replace ZCTextIndex's method."""
    BaseIndex._mass_add_wordinfo = _mass_add_wordinfo
