"""Relevance ranking of a full-text query, scored over the permitted documents only.

ZCatalog scores a full-text query over every document that has the word, intersects
the scores with what the other indexes allow (the visitor's permissions, the public
shelf), then sorts every remaining score before the page shows twenty (``byValue(0)``).
With a word found in a fifth of 100,000 items that is about 30 ms of Python per search.

Here the catalog's query plan puts full-text indexes last, and a text index's query is
answered from what the other indexes left: the permitted documents are intersected with each
word's postings in C, scored with Okapi BM25 in one vectorised pass (numpy), and the
result is ranked lazily: the best *n* are found with a heap, more only when a later page
asks. Scores and order are exactly those of ZCTextIndex and ZCatalog; any query this
does not cover (OR, NOT, globs, phrases of several words, a scored result before the
text index) is left to them. A soft query of the disclosure search is scored by its own
index (gov.infomgmt.search.index) over the same documents and returned as it is.
"""

from BTrees.IIBTree import IIBucket
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from BTrees.IIBTree import weightedIntersection
from Products.PluginIndexes.interfaces import ILimitedResultIndex
from Products.ZCatalog.Catalog import Catalog
from Products.ZCatalog.plan import CatalogPlan
from Products.ZCatalog.query import IndexQuery
from Products.ZCTextIndex.BaseIndex import inverse_doc_frequency
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from zope.interface import classImplements

import heapq
import numpy


# Ranked ahead of what is read, so that the next page rarely ranks again.
READ_AHEAD = 64
# Past this share of the results a full sort is cheaper than a heap.
FULL_SORT_SHARE = 0.25


class RankedScores:
    """(score, record id) pairs, best first, ranked only as far as they are read.

    The order is ``IIBucket.byValue(0)``'s: by score, then by record id, descending.
    """

    def __init__(self, scores):
        self._scores = scores
        self._length = len(scores)
        self._ranked = []
        self._complete = False

    def __len__(self):
        return self._length

    def _rank(self, count):
        """Rank at least the first `count` pairs (all of them when that is cheaper)."""
        if self._complete or count <= len(self._ranked):
            return
        count = max(count, 2 * len(self._ranked), READ_AHEAD)
        scores = self._scores
        if count >= self._length * FULL_SORT_SHARE:
            self._ranked = IIBucket.byValue(scores, 0)
            self._complete = True
            return
        threshold = heapq.nlargest(count, scores.values())[-1]
        # byValue(threshold) picks the keys in C; the values it gives are divided by
        # the threshold, so the few kept are read again.
        self._ranked = sorted(
            ((scores[rid], rid) for _, rid in IIBucket.byValue(scores, threshold)),
            reverse=True,
        )

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            self._rank(stop)
            return self._ranked[start:stop:step]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        self._rank(index + 1)
        return self._ranked[index]

    def __iter__(self):
        for index in range(self._length):
            yield self[index]


class ScoredBucket(IIBucket):
    """Scores by record id whose ``byValue(0)``, the catalog's relevance sort, is lazy."""

    def byValue(self, minimum):
        """Pairs with a value of at least `minimum`, best first."""
        if minimum == 0:
            return RankedScores(self)
        return super().byValue(minimum)


def _terms(index, query_string):
    """The query's words as lists of word ids, all of which must match; None if more.

    A word the splitter cuts in parts (数字化 → 数字, 数字化) matches a document having
    any part, as in ZCTextIndex. A word of stop words only restricts nothing; a part
    the index has never seen (id 0) matches no document.
    """
    lexicon = index.getLexicon()
    try:
        tree = QueryParser(lexicon).parseQuery(query_string)
    except (ParseError, QueryError):
        return None
    nodes = tree.getValue() if tree.nodeType() == "AND" else [tree]
    terms = []
    for node in nodes:
        kind = node.nodeType()
        if kind not in ("ATOM", "PHRASE"):
            return None
        wids = lexicon.termToWordIds(node.getValue())
        if kind == "PHRASE" and len(wids) != 1:
            return None  # a phrase of several words is matched on positions
        if wids:
            terms.append([wid for wid in wids if wid])
    return terms


def _word_scores(d2f, hits, keys, lenweight, K1, documents):
    """(positions in `keys`, scores) of one word's documents among the hits."""
    if isinstance(d2f, dict):  # short postings are kept in a plain dict
        d2f = IIBucket(d2f)
    _, found = weightedIntersection(d2f, hits, 1, 0)
    at = numpy.searchsorted(keys, numpy.fromiter(found.keys(), numpy.int64, len(found)))
    f = numpy.fromiter(found.values(), float, len(found))
    idf = inverse_doc_frequency(len(d2f), documents) * 1024.0
    # The expression of OkapiIndex._search_wids, step by step, so that every score is
    # the same float and rounds to the same integer.
    tf = f * (K1 + 1.0) / (f + K1 * lenweight[at])
    return at, (tf * idf + 0.5).astype(numpy.int64)


def _scores(okapi, terms, allowed):
    """ZCTextIndex's Okapi BM25 scores of the allowed documents matching every term."""
    wordinfo = okapi._wordinfo
    # Parts without documents match nothing (OkapiIndex._remove_oov_wids).
    terms = [[wid for wid in wids if wid in wordinfo] for wids in terms]
    hits = allowed
    for wids in sorted(terms, key=len):
        matching = None
        for wid in wids:
            matching = union(matching, intersection(hits, wordinfo[wid]))
        hits = matching
        if not hits:
            return IIBucket()
    count = len(hits)
    documents = float(okapi.document_count())
    try:
        meandoclen = okapi._totaldoclen() / documents
    except TypeError:  # a length not yet upgraded to a BTrees.Length
        meandoclen = okapi._totaldoclen / documents
    K1, B = okapi.K1, okapi.B
    keys = numpy.fromiter(hits.keys(), numpy.int64, count)
    _, lengths = weightedIntersection(okapi._docweight, hits, 1, 0)
    lenweight = (1.0 - B) + B * numpy.fromiter(
        lengths.values(), float, count
    ) / meandoclen
    total = numpy.zeros(count, dtype=numpy.int64)
    scores_of = {}
    for wids in terms:
        # A part given twice (as some splitters do) counts twice, as in ZCTextIndex.
        for wid in wids:
            if wid not in scores_of:
                scores_of[wid] = _word_scores(
                    wordinfo[wid], hits, keys, lenweight, K1, documents
                )
            at, scores = scores_of[wid]
            total[at] += scores
    # ZCatalog's intersection of the earlier indexes' set with the scores adds the
    # set's weight (1) to each.
    total += 1
    flat = numpy.empty(2 * count, dtype=numpy.int64)
    flat[0::2] = keys
    flat[1::2] = total
    scored = ScoredBucket()
    scored.__setstate__((tuple(flat.tolist()),))
    return scored


def _is_last(catalog, cr, index_id, query):
    """Whether no other index of the query's plan comes after this one."""
    plan = cr.plan() or catalog._sorted_search_indexes(query)
    return index_id in plan and plan[-1] == index_id


def _text_last(catalog, names):
    """The index names with the full-text indexes moved to the end."""
    if not names:
        return names
    indexes = catalog.indexes
    return sorted(names, key=lambda name: isinstance(indexes.get(name), ZCTextIndex))


_plan = CatalogPlan.plan
_sorted_search_indexes = Catalog._sorted_search_indexes


def _plan_text_last(self):
    """CatalogPlan.plan, full-text indexes last (they score only what is left)."""
    return _text_last(self.catalog, _plan(self))


def _sorted_search_indexes_text_last(self, query):
    """Catalog._sorted_search_indexes, full-text indexes last."""
    return _text_last(self, _sorted_search_indexes(self, query))


_search_index = Catalog._search_index


def _search_index_ranked(self, cr, index_id, query, rs):
    """Catalog._search_index answering a plain full-text query over the result so far."""
    index = self.getIndex(index_id)
    if getattr(index, "soft_query", None) is not None:
        record = IndexQuery(
            query, index.id, index.query_options, index.operators, index.useOperator
        )
        if record.keys is not None and getattr(record, "soft", False):
            # Scored over the result so far by the index itself (gov.infomgmt.search),
            # returned as it is: an intersection with the result would rank eagerly.
            cr.start_split(index_id)
            result = index.soft_query(" ".join(record.keys), rs)
            cr.stop_split(index_id, result=result, limit=True)
            return result or None
    okapi = getattr(index, "index", None)
    if (
        not isinstance(index, ZCTextIndex)
        or type(okapi) is not OkapiIndex
        or rs is None
        or hasattr(rs, "values")  # scored by an earlier index
        or not _is_last(self, cr, index_id, query)
    ):
        return _search_index(self, cr, index_id, query, rs)
    record = IndexQuery(
        query, index.id, index.query_options, index.operators, index.useOperator
    )
    if record.keys is None:
        return _search_index(self, cr, index_id, query, rs)
    terms = _terms(index, " ".join(record.keys))
    if terms is None:
        return _search_index(self, cr, index_id, query, rs)
    cr.start_split(index_id)
    # Only stop words: ZCTextIndex finds nothing for them either.
    result = _scores(okapi, terms, rs) if terms else None
    # Reported as a limited-result index: the plan keeps it after the filters.
    cr.stop_split(index_id, result=result, limit=True)
    return result or None


def apply():
    """Let the catalog answer plain full-text queries from the filtered documents."""
    # The query plan puts the indexes that use the result so far after the others,
    # and the full-text ones last of all.
    classImplements(ZCTextIndex, ILimitedResultIndex)
    CatalogPlan.plan = _plan_text_last
    Catalog._sorted_search_indexes = _sorted_search_indexes_text_last
    Catalog._search_index = _search_index_ranked
