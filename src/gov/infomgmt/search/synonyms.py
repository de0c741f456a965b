"""Words the bureau treats as the same when searching (年报 ↔ 年度报告), edited in the settings.

One line of 政府信息公开设置 → 检索同义词 is one group of words, separated by spaces,
commas, 、 or =. A query word of a group also finds the other words of its group. They
are applied when a query is read, so a changed list takes effect at once, with no
re-indexing.
"""

from gov.infomgmt.search.normalise import normalise
from plone import api

import functools
import re


RECORD = "gov.infomgmt.disclosure.search_synonyms"
DEFAULT_SYNONYMS = [
    "年报 年度报告",
    "依申请 依申请公开",
    "执法案卷 行政执法档案 执法档案",
    "办事指南 服务指南",
    "时限 期限",
    "保密 保守秘密",
    "保密法 保守国家秘密法",
]
SEPARATORS = re.compile(r"[\s,，、=＝;；|/]+")


def group(line):
    """The words of one line, normalised, each once, in their order."""
    found = []
    for word in SEPARATORS.split(normalise(line or "").lower()):
        if word and word not in found:
            found.append(word)
    return found


@functools.lru_cache(maxsize=16)
def _synonym_map(lines):
    """synonym_map of a tuple of lines, kept while the settings do not change."""
    mapping = {}
    for line in lines or ():
        words = group(line)
        if len(words) < 2:
            continue
        for word in words:
            others = mapping.setdefault(word, [])
            others.extend(
                other for other in words if other != word and other not in others
            )
    return mapping


def synonym_map(lines):
    """Each word of the lines → the other words of its groups."""
    return _synonym_map(tuple(lines or ()))


def configured_synonyms():
    """The synonym map of the site's settings (the defaults before they are saved)."""
    lines = api.portal.get_registry_record(RECORD, default=None)
    return synonym_map(DEFAULT_SYNONYMS if lines is None else lines)
