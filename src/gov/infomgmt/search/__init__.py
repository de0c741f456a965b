"""Chinese full-text search: jieba word segmentation at index and at query time.

Plone's own lexicon cuts Chinese into overlapping bigrams: every two-character run of
the query must occur, so "和服" finds "和服务", and ranking knows no words. Here the
text is cut into words by jieba's model and dictionary, through `rjieba` (the binding
of jieba-rs, the Rust port: the same words as the Python `jieba`, about twenty times
faster), indexed in a ZCTextIndex of its own (`gov_searchable_text`, Okapi BM25), and
a query is cut the same way and asked word by word. Both sides are normalised first
(`normalise`: numerals, width, brackets, traditional characters).
"""

from gov.infomgmt.search.normalise import normalise
from Products.ZCTextIndex.PipelineFactory import element_factory

import re
import rjieba


SPLITTER_NAME = "gov.infomgmt Chinese word splitter (jieba)"
INDEX = "gov_searchable_text"
LEXICON = "gov_lexicon"

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
# References kept whole besides their parts, so that 第33条 is one rare word, not 第 + 33
# + 条 (each in every article), and 〔2026〕3号 names one document number.
REFERENCES = re.compile(
    r"第\d+[条款项章节号次届批期]|\d{1,2}月\d{1,2}日|〔(?:19|20)\d{2}〕\d+号"
)


def references(text):
    """The whole references (第33条, 1月31日, 〔2026〕3号) of a normalised text."""
    return REFERENCES.findall(text)


def words(text):
    """Meaningful words of a text: jieba's search mode (long words and their parts)."""
    text = normalise(text)
    yield from references(text)
    for word in rjieba.cut_for_search(text):
        word = word.strip().lower()
        if word and word not in STOP_WORDS and WORD.search(word):
            yield word


def meaningful(word):
    """A word worth searching for: not a function word, not punctuation."""
    return bool(word) and word not in STOP_WORDS and bool(WORD.search(word))


def finest(word):
    """The word cut into the smaller words jieba knows, if they cover it whole, else itself.

    安全检查 → 安全, 检查 (so that 安全大检查 is found); 数字化 stays whole (化 is no word).
    """
    parts = {part for part in rjieba.cut_for_search(word) if part != word}
    cover = {0: []}
    for start in range(len(word)):
        if start not in cover:
            continue
        for end in range(start + 1, len(word) + 1):
            if word[start:end] in parts and end not in cover:
                cover[end] = [*cover[start], word[start:end]]
    return cover.get(len(word)) or [word]


def query_words(text):
    """The words of a query: jieba's precise mode, each word cut as fine as the index has it."""
    found = []
    for word in rjieba.cut(normalise(text)):
        word = word.strip().lower()
        if not meaningful(word):
            continue
        for part in finest(word):
            if meaningful(part) and part not in found:
                found.append(part)
    return found


# A word in more than this share of the documents says almost nothing about which one
# is meant (档案 in an archives bureau's catalogue), yet BM25 scores every document it is
# in: it is left out of a query that has rarer words.
COMMON_SHARE = 0.25
# Below this many documents the shares mean little: every word is kept.
COMMON_MIN_DOCUMENTS = 1000


def without_common_words(found, text_index):
    """The query's words less those in most documents, the rarest kept in any case."""
    okapi = getattr(text_index, "index", None)
    if okapi is None or len(found) < 2:
        return found
    documents = okapi.document_count()
    if documents < COMMON_MIN_DOCUMENTS:
        return found
    lexicon = text_index.getLexicon()

    def share(word):
        wids = lexicon.termToWordIds(word)
        return (
            min((len(okapi._wordinfo.get(wid, ())) for wid in wids), default=0)
            / documents
        )

    shares = {word: share(word) for word in found}
    kept = [word for word in found if shares[word] <= COMMON_SHARE]
    return kept or [min(found, key=shares.get)]


def catalog_query(text, text_index=None):
    """The gov_searchable_text query for what a visitor typed; None when nothing is left.

    Given the index, words found in most documents are left out of a longer query.
    """
    found = query_words(text or "")
    if not found:
        return None
    if text_index is not None:
        found = without_common_words(found, text_index)
    # ZCTextIndex reads juxtaposed words as AND. Every word is quoted, so that what a
    # visitor typed is looked for and never parsed: "and", "or", "not", a leading "-"
    # or a "*" would otherwise be operators (and a lone operator a parse error).
    return " ".join(f'"{quoted}"' for quoted in map(unquoted, found) if quoted)


def unquoted(word):
    """The word without the double quotes that would end a quoted term."""
    return word.replace('"', "").strip()


class JiebaSplitter:
    """ZCTextIndex pipeline element: Chinese (and other) text to words."""

    def process(self, texts):
        """Words of the texts to index."""
        return [word for text in texts for word in words(text)]

    def processGlob(self, texts):
        """Query terms: already cut by query_words, so each stays one term (no phrase)."""
        return [text.strip().lower() for text in texts if text.strip()]


element_factory.registerFactory("Word Splitter", SPLITTER_NAME, JiebaSplitter)
