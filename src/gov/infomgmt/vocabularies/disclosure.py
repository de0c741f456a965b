"""The fixed lists of the disclosure rules (domain reference §1), as Zope vocabularies.

Each list is a tuple of (value, message) in the order the UI shows them; the value
is what is stored and indexed, the message reads in Chinese through the zh_CN catalogue.
"""

from gov.infomgmt import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# The 14 categories of the disclosure catalogue (第一条), in the regulation's order.
CATEGORIES = (
    ("organisation", _("Organisation and functions")),  # 机构职能
    ("regulations", _("Laws and regulations")),  # 法规规章
    ("leadership", _("Leadership activities")),  # 领导动态
    ("work-news", _("Work news")),  # 工作动态
    ("decisions", _("Decisions")),  # 决策信息
    ("plans", _("Plans")),  # 规划信息
    ("statistics", _("Statistics")),  # 统计信息
    ("finance", _("Financial management")),  # 财政管理
    ("personnel", _("Personnel")),  # 人事信息
    ("powers", _("Administrative powers")),  # 行政职权
    ("guide", _("Disclosure guide")),  # 信息公开指南
    ("annual-report", _("Disclosure work reports")),  # 信息公开工作报告
    ("emergency", _("Emergency and supervision")),  # 应急监察
    ("other", _("Other")),  # 其他
)

PROACTIVE = "proactive"
ON_REQUEST = "on_request"
NOT_DISCLOSED = "not_disclosed"

# The disclosure attribute (第十三条).
ATTRIBUTES = (
    (PROACTIVE, _("Proactive disclosure")),  # 主动公开
    (ON_REQUEST, _("Disclosure on request")),  # 依申请公开
    (NOT_DISCLOSED, _("Not disclosed")),  # 不予公开
)

OTHER_REASON = "other"

# Reasons for not disclosing (第十四条), as the national annual-report template counts them.
NONDISCLOSURE_REASONS = (
    ("state-secret", _("State secret")),  # 属于国家秘密
    ("prohibited-by-law", _("Prohibited by other laws and administrative regulations")),
    ("three-securities", _("Endangers the three securities and one stability")),
    ("third-party", _("Protects the lawful rights of a third party")),
    ("internal-affairs", _("Internal affairs information")),  # 属于三类内部事务信息
    ("process-information", _("Process information")),  # 属于四类过程性信息
    ("enforcement-file", _("Administrative enforcement case file")),  # 属于行政执法案卷
    ("administrative-query", _("Administrative query matter")),  # 属于行政查询事项
    (OTHER_REASON, _("Other reason (explain below)")),
)

VALID = "valid"

# 有效性: an item that is no longer valid leaves the public catalogue's current list.
VALIDITY = (
    (VALID, _("Valid")),  # 有效
    ("expired", _("Expired")),  # 失效
    ("repealed", _("Repealed")),  # 废止
)

WEBSITE = "website"

# Publication channels (第十八条), first channel first.
CHANNELS = (
    (WEBSITE, _("Designated government website")),  # 指定的网站
    ("media", _("Lawful media")),  # 合法的媒体
    ("notice-board", _("Notice boards")),  # 合法报栏
)


def make_vocabulary(pairs):
    """Build a vocabulary whose tokens are the stored values."""
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


def title_of(pairs, value):
    """Return the message of one value of a fixed list, or the value if unknown."""
    return dict(pairs).get(value, value)


@provider(IVocabularyFactory)
def categories(context):
    """主题分类: the 14 categories of the catalogue."""
    return make_vocabulary(CATEGORIES)


@provider(IVocabularyFactory)
def attributes(context):
    """公开属性: proactive, on request, not disclosed."""
    return make_vocabulary(ATTRIBUTES)


@provider(IVocabularyFactory)
def nondisclosure_reasons(context):
    """不予公开理由: the fixed list of the annual report, plus other."""
    return make_vocabulary(NONDISCLOSURE_REASONS)


@provider(IVocabularyFactory)
def validity(context):
    """有效性: valid, expired, repealed."""
    return make_vocabulary(VALIDITY)


@provider(IVocabularyFactory)
def channels(context):
    """发布渠道: website, media, notice boards."""
    return make_vocabulary(CHANNELS)


@provider(IVocabularyFactory)
def sections(context):
    """承办科室: the bureau's sections, as listed in the disclosure settings."""
    names = api.portal.get_registry_record(
        "gov.infomgmt.disclosure.sections", default=None
    )
    # zope.schema derives an ASCII token from each Chinese name
    return SimpleVocabulary([SimpleTerm(name, title=name) for name in names or ()])
