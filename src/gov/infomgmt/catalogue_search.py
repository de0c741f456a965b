"""What the public search says around its results: words set aside or not found, the closest
matches when nothing matched, suggestions as one types, and where to ask for the rest.

Everything here asks the catalogue as the visitor (published, proactively disclosed items
their permissions allow), so that it never tells of a word or a title of an item they may
not see.
"""

from gov.infomgmt import catalogue
from gov.infomgmt.search import INDEX
from gov.infomgmt.search.normalise import normalise
from gov.infomgmt.search.scoring import documents
from gov.infomgmt.search.scoring import spellings
from plone import api

import re


CLOSEST = 5
SUGGESTIONS = 8
# Two-character pieces of a query, for the closest matches through Plone's bigram index.
PIECES = 20
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")


def request_form_url():
    """The page that tells how to ask for information that is not in the catalogue (依申请公开)."""
    return api.portal.get().absolute_url() + "/disclosure/on-request"


def _filtered(category=None, year=None, include_invalid=False):
    """The catalogue's query for the filters, without an order (relevance, or none)."""
    query = catalogue.listing_query(
        category=category, year=year, include_invalid=include_invalid
    )
    del query["sort_on"], query["sort_order"]
    return query


def words_not_found(analysis, category=None, year=None, include_invalid=False):
    """The words of the query that no item of the public catalogue (or its category) holds.

    Read from the full-text index against the catalogue's shelf, with no scoring: one
    intersection a word. The shelf holds published, proactively disclosed items only.
    """
    if len(analysis.concepts) < 2:
        return []  # one word: the count of the results says it
    catalog = api.portal.get_tool("portal_catalog")._catalog
    public = catalog.getIndex("gov_catalogue")._index.get(
        catalogue.shelf(category, include_invalid)
    )
    if not public:
        return analysis.words
    index = catalog.getIndex(INDEX)
    wordinfo = index.index._wordinfo
    return [
        concept.word
        for concept in analysis.concepts
        if not documents(wordinfo, spellings(index, concept), public)
    ]


def pieces(text):
    """The distinct two-character pieces of the Chinese in a text (single words of other scripts)."""
    found = []
    for run in HAN_RUN.findall(normalise(text).lower()):
        parts = (
            [run]
            if len(run) < 2 or run.isascii()
            else [run[start : start + 2] for start in range(len(run) - 1)]
        )
        found.extend(part for part in parts if part not in found)
    return found[:PIECES]


def closest_matches(text, **filters):
    """Items that share the most two-character pieces with the query, best first (at most five)."""
    found = pieces(text)
    if not found:
        return []
    query = _filtered(**filters)
    query["SearchableText"] = " OR ".join(f'"{piece}"' for piece in found)
    return list(catalogue.search(**query)[:CLOSEST])


def suggestions(text, limit=SUGGESTIONS):
    """Titles and document numbers of public items that hold the words typed so far."""
    analysis = catalogue.text_index().analyse(text)
    if not analysis.concepts:
        return []
    query = _filtered()
    query[INDEX] = {"query": text, "soft": True}
    found, seen = [], set()
    for brain in catalogue.search(**query)[: 3 * limit]:
        title = brain.Title or ""
        number = brain.gov_document_number or ""
        where = normalise(f"{title} {number}", traditional=False).lower()
        if title in seen or not any(word in where for word in analysis.words):
            continue
        seen.add(title)
        found.append({"title": title, "document_number": number, "url": brain.getURL()})
        if len(found) == limit:
            break
    return found
