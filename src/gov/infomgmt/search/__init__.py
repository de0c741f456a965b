"""Chinese full-text search: jieba word segmentation at index and at query time.

Plone's own lexicon cuts Chinese into overlapping bigrams: every two-character run of
the query must occur, so "和服" finds "和服务", and ranking knows no words. Here the
text is cut into words by jieba (PyPI `jieba`, with its own dictionary), indexed in a
ZCTextIndex of its own (`gov_searchable_text`, Okapi BM25), and a query is cut the same
way and asked word by word.
"""

from Products.ZCTextIndex.PipelineFactory import element_factory

import jieba
import logging
import re


SPLITTER_NAME = "gov.infomgmt Chinese word splitter (jieba)"
INDEX = "gov_searchable_text"

# Function words that carry no meaning for search (的, 了, 和 ...), and punctuation.
STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "对",
        "为",
        "于",
        "把",
        "被",
        "之",
        "其",
        "等",
        "个",
    ]
)
WORD = re.compile(r"\w", re.UNICODE)

# jieba logs its dictionary loading at INFO level on first use.
jieba.setLogLevel(logging.WARNING)


def words(text):
    """Meaningful words of a text: jieba's search mode (long words and their parts)."""
    for word in jieba.cut_for_search(text):
        word = word.strip().lower()
        if word and word not in STOP_WORDS and WORD.search(word):
            yield word


def query_words(text):
    """The words of a query, in jieba's precise mode (each one is in the index)."""
    found = []
    for word in jieba.cut(text):
        word = word.strip().lower()
        if word and word not in STOP_WORDS and WORD.search(word) and word not in found:
            found.append(word)
    return found


def catalog_query(text):
    """The gov_searchable_text query for what a visitor typed; None when nothing is left."""
    found = query_words(text or "")
    if not found:
        return None
    # ZCTextIndex reads juxtaposed words as AND; quoting keeps each one a single term.
    return " ".join(
        f'"{word}"' if not word.isalnum() or " " in word else word for word in found
    )


class JiebaSplitter:
    """ZCTextIndex pipeline element: Chinese (and other) text to words."""

    def process(self, texts):
        """Words of the texts to index."""
        return [word for text in texts for word in words(text)]

    def processGlob(self, texts):
        """Words of a query; a trailing * is kept for prefix search."""
        result = []
        for text in texts:
            glob = text.endswith("*")
            parts = list(words(text.rstrip("*")))
            if glob and parts:
                parts[-1] += "*"
            result += parts
        return result


element_factory.registerFactory("Word Splitter", SPLITTER_NAME, JiebaSplitter)
