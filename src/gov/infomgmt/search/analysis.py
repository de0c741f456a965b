"""What a visitor's question asks for: the words to look for, their synonyms, and what is left out.

政府信息公开指南包括哪些内容 asks for 政府, 信息, 公开, 指南, 内容: 包括 and 哪些 are the
grammar of a question, found in no answer, and are set aside (shown as ignored). A word
with synonyms in the settings (年报) is one concept matched by any of its spellings; a
spelling of several words (年度报告 → 年度 + 报告) matches a document that has all of them.
"""

from dataclasses import dataclass
from dataclasses import field
from gov.infomgmt.search import COMMON_MIN_DOCUMENTS
from gov.infomgmt.search import COMMON_SHARE
from gov.infomgmt.search import finest
from gov.infomgmt.search import meaningful
from gov.infomgmt.search import REFERENCES
from gov.infomgmt.search import references
from gov.infomgmt.search.normalise import normalise

import rjieba


# Words of questions and requests that carry no meaning for what is sought.
FILLER_WORDS = frozenset(
    [
        "哪些",
        "哪个",
        "哪里",
        "哪儿",
        "什么",
        "如何",
        "怎么",
        "怎样",
        "怎么样",
        "是否",
        "是不是",
        "有没有",
        "能否",
        "能不能",
        "可否",
        "可以",
        "包括",
        "包含",
        "需要",
        "需",
        "要",
        "有关",
        "关于",
        "相关",
        "请问",
        "请",
        "问",
        "吗",
        "呢",
        "吧",
        "啊",
        "为什么",
        "为何",
        "多少",
        "几",
        "多久",
        "应该",
        "应当",
        "该",
        "会",
        "能",
        "哪",
        "谁",
        "我",
        "我们",
        "你",
        "您",
        "想",
        "知道",
        "查询",
        "查找",
        "了解",
        "一下",
        "具体",
        "规定",
        "要求",
        "有",
        "时候",
        "什么时候",
        "情况",
        "情况下",
        "不能",
    ]
)
# Synonyms of several words are looked for across this many words of the query.
LONGEST_SYNONYM = 4
# A query is at most this long (a pasted page is not a question).
MAX_QUERY = 100


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for: its word, and the spellings (tuples of index terms) that match it."""

    word: str
    alternatives: tuple


@dataclass
class Analysis:
    """A query read: the concepts to find, the words set aside, the normalised text."""

    text: str
    concepts: list = field(default_factory=list)
    ignored: list = field(default_factory=list)

    @property
    def words(self):
        """The words looked for, as the visitor reads them."""
        return [concept.word for concept in self.concepts]


def terms(phrase):
    """The index terms of a spelling: its words, each cut as fine as the index has it."""
    found = []
    for word in rjieba.cut(normalise(phrase)):
        word = word.strip().lower()
        if meaningful(word):
            found.extend(part for part in finest(word) if meaningful(part))
    return tuple(found)


def concept(word, synonyms, own=None):
    """The concept of a word: its own terms, then those of each synonym."""
    spellings = [own or terms(word)]
    for other in synonyms.get(word, ()):
        spelling = terms(other)
        if spelling and spelling not in spellings:
            spellings.append(spelling)
    return Concept(word, tuple(spelling for spelling in spellings if spelling))


def _tokens(text):
    """jieba's precise words of the text, lowercased, punctuation left out."""
    return [
        word
        for word in (token.strip().lower() for token in rjieba.cut(text))
        if word and meaningful(word) or word in FILLER_WORDS
    ]


def read_query(text, synonyms):
    """The concepts and set-aside words of what a visitor typed (synonyms: word → others)."""
    text = normalise((text or "").strip()[:MAX_QUERY])
    analysis = Analysis(text=text)
    seen = set()

    def add(item):
        if item.word not in seen and item.alternatives:
            seen.add(item.word)
            analysis.concepts.append(item)

    for reference in references(text):
        add(Concept(reference.lower(), ((reference.lower(),),)))
    tokens = _tokens(REFERENCES.sub(" ", text))
    start = 0
    while start < len(tokens):
        for end in range(min(len(tokens), start + LONGEST_SYNONYM), start, -1):
            joined = "".join(tokens[start:end])
            if end - start > 1 and joined in synonyms:
                add(concept(joined, synonyms))
                start = end
                break
        else:
            token = tokens[start]
            start += 1
            if token in FILLER_WORDS:
                if token not in analysis.ignored:
                    analysis.ignored.append(token)
                continue
            if token in synonyms:
                add(concept(token, synonyms))
                continue
            for part in finest(token):
                if part in FILLER_WORDS or not meaningful(part):
                    continue
                add(concept(part, synonyms, own=(part,)))
    return analysis


def _share(okapi, lexicon, spelling, documents):
    """The share of documents that have the rarest term of a spelling."""
    counts = []
    for term in spelling:
        wids = [wid for wid in lexicon.termToWordIds(term) if wid]
        counts.append(
            min((len(okapi._wordinfo.get(wid, ())) for wid in wids), default=0)
        )
    return min(counts, default=0) / documents


def without_common(analysis, text_index):
    """The analysis less concepts found in most documents (set aside), the rarest kept."""
    okapi = getattr(text_index, "index", None)
    if okapi is None or len(analysis.concepts) < 2:
        return analysis
    documents = okapi.document_count()
    if documents < COMMON_MIN_DOCUMENTS:
        return analysis
    lexicon = text_index.getLexicon()
    shares = {
        item.word: max(
            _share(okapi, lexicon, spelling, documents)
            for spelling in item.alternatives
        )
        for item in analysis.concepts
    }
    kept = [item for item in analysis.concepts if shares[item.word] <= COMMON_SHARE]
    if not kept:
        kept = [min(analysis.concepts, key=lambda item: shares[item.word])]
    analysis.ignored.extend(item.word for item in analysis.concepts if item not in kept)
    analysis.concepts = kept
    return analysis


def analyse(text, synonyms, text_index=None):
    """The query read, and, given the index, with the words of most documents set aside."""
    analysis = read_query(text, synonyms)
    if text_index is not None:
        analysis = without_common(analysis, text_index)
    return analysis
