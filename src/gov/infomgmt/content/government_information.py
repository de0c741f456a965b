"""GovernmentInformation (政府信息): an item of the disclosure catalogue and its metadata."""

from gov.infomgmt import _
from gov.infomgmt.permissions import SET_DISCLOSURE_ATTRIBUTE_ID
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from gov.infomgmt.vocabularies.disclosure import NOT_DISCLOSED
from gov.infomgmt.vocabularies.disclosure import OTHER_REASON
from gov.infomgmt.vocabularies.disclosure import VALID
from gov.infomgmt.vocabularies.disclosure import WEBSITE
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory

import Acquisition


CATEGORY_IDS = {value for value, title in CATEGORIES}


@provider(IContextAwareDefaultFactory)
def default_category(context):
    """An item added in a folder named after a category (e.g. work-news) belongs to it."""
    for obj in Acquisition.aq_chain(context):
        if getattr(obj, "getId", None) and obj.getId() in CATEGORY_IDS:
            return obj.getId()
    return None


def default_issuing_organ():
    """The bureau's name from the disclosure settings."""
    return api.portal.get_registry_record(
        "gov.infomgmt.disclosure.issuing_organ", default=""
    )


class IGovernmentInformation(model.Schema):
    """政府信息: the disclosure metadata that every Chinese portal shows in its header table."""

    category = schema.Choice(
        title=_("Category"),  # 主题分类
        vocabulary="gov.infomgmt.Categories",
        required=True,
        defaultFactory=default_category,
    )

    model.fieldset(
        "document",
        label=_("Document"),  # 文件信息
        fields=[
            "document_number",
            "issuing_organ",
            "responsible_section",
            "keywords",
            "validity",
            "publication_channels",
        ],
    )

    document_number = schema.TextLine(
        title=_("Document number"),  # 文号
        description=_("As printed on the document, e.g. 市档发〔2026〕12号"),
        required=False,
        max_length=100,
    )

    issuing_organ = schema.TextLine(
        title=_("Issuing organ"),  # 发布机构
        required=True,
        defaultFactory=default_issuing_organ,
        max_length=100,
    )

    responsible_section = schema.Choice(
        title=_("Responsible section"),  # 承办科室
        vocabulary="gov.infomgmt.Sections",
        required=True,
    )

    keywords = schema.Tuple(
        title=_("Keywords"),  # 主题词
        description=_("One keyword a line"),
        value_type=schema.TextLine(max_length=50),
        required=False,
        max_length=30,
        missing_value=(),
        default=(),
    )

    validity = schema.Choice(
        title=_("Validity"),  # 有效性
        vocabulary="gov.infomgmt.Validity",
        required=True,
        default=VALID,
    )

    publication_channels = schema.List(
        title=_("Publication channels"),  # 发布渠道
        value_type=schema.Choice(vocabulary="gov.infomgmt.PublicationChannels"),
        required=False,
        default=[WEBSITE],
        missing_value=[],
    )

    model.fieldset(
        "disclosure",
        label=_("Disclosure attribute"),  # 公开属性
        fields=[
            "disclosure_attribute",
            "nondisclosure_reason",
            "nondisclosure_reason_detail",
        ],
    )

    # The section head proposes, the disclosure reviewer decides, the leader may correct
    # (第八、十二、十五条): the workflow grants this permission in those states only.
    directives.write_permission(
        disclosure_attribute=SET_DISCLOSURE_ATTRIBUTE_ID,
        nondisclosure_reason=SET_DISCLOSURE_ATTRIBUTE_ID,
        nondisclosure_reason_detail=SET_DISCLOSURE_ATTRIBUTE_ID,
    )

    disclosure_attribute = schema.Choice(
        title=_("Disclosure attribute"),  # 公开属性
        description=_("Decided at the disclosure review; required before it can pass."),
        vocabulary="gov.infomgmt.DisclosureAttributes",
        required=False,
    )

    nondisclosure_reason = schema.Choice(
        title=_("Reason for not disclosing"),  # 不予公开理由
        vocabulary="gov.infomgmt.NondisclosureReasons",
        required=False,
    )

    nondisclosure_reason_detail = schema.Text(
        title=_("Explanation of the reason"),  # 理由说明
        required=False,
        max_length=2000,
    )

    model.fieldset(
        "formation",
        label=_("Formation"),  # 形成信息
        fields=[
            "index_number",
            "generation_date",
            "publication_deadline",
            "published_on",
        ],
    )

    # Both are set by the sign-off (第十六条) and never typed: readonly keeps them out
    # of forms and REST writes alike.
    index_number = schema.TextLine(
        title=_("Index number"),  # 索引号
        description=_("Assigned when the item is signed off; never changes."),
        required=False,
        readonly=True,
    )

    generation_date = schema.Date(
        title=_("Generation date"),  # 生成日期
        description=_("The date of the leader's sign-off."),
        required=False,
        readonly=True,
    )

    publication_deadline = schema.Date(
        title=_("Publication deadline"),  # 公开期限
        description=_(
            "20 working days after the sign-off, by the State Council holiday schedule."
        ),
        required=False,
        readonly=True,
    )

    published_on = schema.Date(
        title=_("Published on"),  # 发布日期
        required=False,
        readonly=True,
    )

    model.fieldset(
        "emergency",
        label=_("Emergency handling"),  # 应急处置
        fields=[
            "emergency",
            "emergency_reason",
            "signoff_due",
            "emergency_confirmed",
            "retracted_on",
            "retraction_reason",
        ],
    )

    # Set by the emergency lane's transitions, never typed.
    emergency = schema.Bool(
        title=_("Published as emergency information"),  # 应急发布
        required=False,
        readonly=True,
    )

    emergency_reason = schema.Text(
        title=_("Reason for the emergency publication"),  # 应急发布理由
        required=False,
        readonly=True,
    )

    signoff_due = schema.Datetime(
        title=_("Retroactive sign-off due"),  # 补签期限
        required=False,
        readonly=True,
    )

    emergency_confirmed = schema.Datetime(
        title=_("Retroactively signed off"),  # 补签时间
        required=False,
        readonly=True,
    )

    retracted_on = schema.Date(
        title=_("Retracted on"),  # 撤回日期
        required=False,
        readonly=True,
    )

    retraction_reason = schema.Text(
        title=_("Reason for the retraction"),  # 撤回原因
        required=False,
        readonly=True,
    )

    @invariant
    def reason_when_not_disclosed(data):
        """不予公开 needs a stated reason (第十四条); "other" needs it spelled out."""
        if getattr(data, "disclosure_attribute", None) != NOT_DISCLOSED:
            return
        reason = getattr(data, "nondisclosure_reason", None)
        if not reason:
            raise Invalid(
                _(
                    "Reason for not disclosing: required when the attribute is 'not disclosed'."
                )
            )
        if reason == OTHER_REASON and not getattr(
            data, "nondisclosure_reason_detail", None
        ):
            raise Invalid(
                _(
                    "Explanation of the reason: required when the reason is 'other reason'."
                )
            )


@implementer(IGovernmentInformation)
class GovernmentInformation(Container):
    """An item of government information; its attachments are the files inside it."""

    index_number = None
    generation_date = None
    publication_deadline = None
    # The day the entry clock started (sign-off, or the sign-off of a change).
    clock_started = None
    # The length of the entry clock (working days) when it started: a later change of the
    # setting does not move a running clock.
    clock_working_days = None
    published_on = None
    # When the item entered its current review stage, for "oldest first" task lists.
    stage_since = None
    emergency = False
    emergency_reason = None
    signoff_due = None
    emergency_confirmed = None
    retracted_on = None
    retraction_reason = None
