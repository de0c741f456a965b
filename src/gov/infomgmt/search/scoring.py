"""Soft matching: documents ranked by how many and which of the query's words they hold.

A query returns every permitted document that has at least one of its concepts, scored
with ZCTextIndex's Okapi BM25 over the concepts it has (a concept with synonyms counts
its best spelling), plus bonuses: for holding all of them, and — for the best
`RERANKED` by words, read from catalog metadata — for words in the title, for query words
standing side by side in the title or summary (a phrase), and for the document number.
A query of one or two words that some document holds entirely keeps to those documents,
as a strict search would; a longer one, or one no document holds entirely, shows the
partial matches after the complete ones instead of an empty page.
"""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from BTrees.IIBTree import union
from BTrees.IIBTree import weightedIntersection
from gov.infomgmt.patches.ranking import _word_scores
from gov.infomgmt.patches.ranking import ScoredBucket
from gov.infomgmt.search import STOP_WORDS
from gov.infomgmt.search.normalise import normalise
from Products.ZCTextIndex.BaseIndex import inverse_doc_frequency

import numpy


# Up to this many concepts, a query that some document holds entirely is strict.
STRICT_UP_TO = 2
# From this many concepts on, a document must hold two of them when any does.
TWO_FROM = 4
# Bonuses, in units of a concept's weight (its inverse document frequency, as BM25 has it).
ALL_WORDS = 1.0
TITLE = 1.0
PHRASE = 0.5
DOCUMENT_NUMBER = 3.0
# The best this many by words are re-ranked with what metadata tells.
RERANKED = 30


def _postings(wordinfo, wid):
    """A word's documents and frequencies as a bucket (short postings are a plain dict)."""
    postings = wordinfo[wid]
    return IIBucket(postings) if isinstance(postings, dict) else postings


def spellings(index, concept):
    """The concept's spellings as word ids, those with a term the index lacks left out."""
    lexicon, wordinfo = index.getLexicon(), index.index._wordinfo
    found = []
    for spelling in concept.alternatives:
        wids = []
        for term in spelling:
            known = [wid for wid in lexicon.termToWordIds(term) if wid in wordinfo]
            if not known:
                break
            wids.append(known[0])
        else:
            found.append(tuple(wids))
    return found


def documents(wordinfo, spellings, allowed):
    """The allowed documents holding every term of at least one spelling."""
    found = None
    for wids in spellings:
        hits = allowed
        for wid in sorted(wids, key=lambda wid: len(wordinfo[wid])):
            hits = intersection(hits, _postings(wordinfo, wid))
            if not hits:
                break
        if hits:
            found = union(found, hits)
    return found or IISet()


class Candidates:
    """The documents to score, with BM25's length weights, and each word's scores among them."""

    def __init__(self, okapi, documents):
        self.okapi = okapi
        self.count = len(documents)
        self.keys = numpy.fromiter(documents.keys(), numpy.int64, self.count)
        self.documents = documents
        self.total_documents = float(okapi.document_count())
        try:
            mean = okapi._totaldoclen() / self.total_documents
        except TypeError:  # a length not yet upgraded to a BTrees.Length
            mean = okapi._totaldoclen / self.total_documents
        _, lengths = weightedIntersection(okapi._docweight, documents, 1, 0)
        self.lenweight = (1.0 - okapi.B) + okapi.B * numpy.fromiter(
            lengths.values(), float, self.count
        ) / mean
        self._scores = {}

    def word(self, wid):
        """(positions, integer BM25 scores) of one word's documents among the candidates."""
        if wid not in self._scores:
            self._scores[wid] = _word_scores(
                self.okapi._wordinfo[wid],
                self.documents,
                self.keys,
                self.lenweight,
                self.okapi.K1,
                self.total_documents,
            )
        return self._scores[wid]

    def weight(self, wid):
        """A word's inverse document frequency, on the scale of the scores."""
        return (
            inverse_doc_frequency(len(self.okapi._wordinfo[wid]), self.total_documents)
            * 1024.0
        )

    def concept(self, spellings):
        """(scores, held) of a concept over the candidates: its best spelling held whole."""
        best = numpy.zeros(self.count)
        held = numpy.zeros(self.count, dtype=bool)
        for wids in spellings:
            scores = numpy.zeros(self.count)
            whole = numpy.ones(self.count, dtype=bool)
            for wid in wids:
                at, word_scores = self.word(wid)
                has = numpy.zeros(self.count, dtype=bool)
                has[at] = True
                whole &= has
                scores[at] += word_scores
            best = numpy.maximum(best, numpy.where(whole, scores, 0.0))
            held |= whole
        return best, held


def _metadata(catalog, rid, names):
    """Catalog metadata of a record, by column name ('' where the column is missing)."""
    record = catalog.data.get(rid)
    if record is None:
        return ["" for _ in names]
    return [
        (record[catalog.schema[name]] or "") if name in catalog.schema else ""
        for name in names
    ]


def _joined(concept):
    """A concept's own spelling as it stands in a text."""
    return "".join(concept.alternatives[0])


# Function words between two query words still make a phrase (国家秘密的密级).
WITHOUT_FUNCTION_WORDS = str.maketrans(
    "", "", "".join(w for w in STOP_WORDS if len(w) == 1)
)


def _metadata_bonus(analysis, weights, title, summary, number):
    """The bonus of a document for title words, phrases and its document number."""
    title = (
        normalise(title, traditional=False).lower().translate(WITHOUT_FUNCTION_WORDS)
    )
    # The summary is only looked through for phrases, as stored: normalising three
    # hundred characters for each re-ranked document cost more than the search itself.
    summary = summary.lower().translate(WITHOUT_FUNCTION_WORDS)
    bonus = 0.0
    for concept, weight in zip(analysis.concepts, weights, strict=True):
        if weight and any(
            all(term in title for term in spelling) for spelling in concept.alternatives
        ):
            bonus += TITLE * weight
    pairs = zip(analysis.concepts, analysis.concepts[1:], strict=False)
    for (first, second), (one, other) in zip(
        pairs, zip(weights, weights[1:], strict=False), strict=False
    ):
        phrase = _joined(first) + _joined(second)
        if one and other and (phrase in title or phrase in summary):
            bonus += PHRASE * (one + other)
    number = normalise(number, traditional=False).lower().replace(" ", "")
    query = analysis.text.lower().replace(" ", "")
    if number and (
        number in query
        or any(word.endswith("号") and word in number for word in analysis.words)
    ):
        bonus += DOCUMENT_NUMBER * sum(weights)
    return bonus


def soft_scores(index, catalog, analysis, allowed):
    """Scores by record id of the allowed documents (None: all) that match the analysis softly."""
    okapi = index.index
    wordinfo = okapi._wordinfo
    if allowed is None:
        allowed = IITreeSet(okapi._docweight.keys())
    wanted = [spellings(index, concept) for concept in analysis.concepts]
    holding = [documents(wordinfo, found, allowed) for found in wanted]
    if not any(holding):
        return ScoredBucket()
    everything = holding[0]
    for held_by in holding[1:]:
        everything = intersection(everything, held_by)
    count = len(analysis.concepts)
    if everything and count <= STRICT_UP_TO:
        chosen = everything
    else:
        chosen = multiunion([held_by for held_by in holding if held_by])
    candidates = Candidates(okapi, chosen)
    total = numpy.zeros(candidates.count)
    held = numpy.zeros(candidates.count, dtype=numpy.int64)
    weights = []
    for found in wanted:
        scores, has = candidates.concept(found)
        total += scores
        held += has
        weights.append(
            max(
                (sum(candidates.weight(wid) for wid in wids) for wids in found),
                default=0.0,
            )
        )
    total[held == count] += ALL_WORDS * sum(weights)
    keep = numpy.ones(candidates.count, dtype=bool)
    if count >= TWO_FROM and (held >= 2).any():
        keep = held >= 2
    if catalog is not None:
        head = numpy.argsort(-numpy.where(keep, total, -1.0), kind="stable")[:RERANKED]
        names = ("Title", "gov_summary", "gov_document_number")
        for at in head:
            if keep[at]:
                title, summary, number = _metadata(
                    catalog, int(candidates.keys[at]), names
                )
                total[at] += _metadata_bonus(analysis, weights, title, summary, number)
    keys = candidates.keys[keep]
    # As ZCatalog's intersection with the earlier indexes' set would: their weight (1) added.
    values = (total[keep] + 0.5).astype(numpy.int64) + 1
    flat = numpy.empty(2 * len(keys), dtype=numpy.int64)
    flat[0::2] = keys
    flat[1::2] = values
    scored = ScoredBucket()
    scored.__setstate__((tuple(flat.tolist()),))
    return scored
