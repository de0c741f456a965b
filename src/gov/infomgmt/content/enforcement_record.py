"""EnforcementRecord (行政执法案卷) and the documents kept in it (CaseDocument)."""

from gov.infomgmt import _
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


KINDS = SimpleVocabulary(
    [
        SimpleTerm(
            "inspection", "inspection", _("Administrative inspection")
        ),  # 行政检查
        SimpleTerm("penalty", "penalty", _("Administrative penalty")),  # 行政处罚
        SimpleTerm("licence", "licence", _("Administrative licence")),  # 行政许可
        SimpleTerm(
            "coercion", "coercion", _("Administrative coercive measure")
        ),  # 行政强制
    ]
)

PARTY_TYPES = SimpleVocabulary(
    [
        SimpleTerm("person", "person", _("Natural person")),  # 自然人
        SimpleTerm("organisation", "organisation", _("Organisation")),  # 法人或其他组织
    ]
)

DOCUMENT_KINDS = SimpleVocabulary(
    [
        SimpleTerm("decision", "decision", _("Decision document")),  # 决定书
        SimpleTerm("evidence", "evidence", _("Evidence")),  # 证据材料
        SimpleTerm("photo", "photo", _("Photograph")),  # 照片
        SimpleTerm("audio", "audio", _("Audio recording")),  # 录音
        SimpleTerm("video", "video", _("Video recording")),  # 录像
        SimpleTerm("other", "other", _("Other material")),  # 其他材料
    ]
)


def mask_id_number(value):
    """An identity number as those not handling the case see it: first 3 and last 4 only."""
    if not value:
        return value
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


class IEnforcementRecord(model.Schema):
    """行政执法案卷: one case, its party, its officers, and where the paper originals are."""

    case_number = schema.TextLine(title=_("Case number"), required=True)  # 案件编号

    kind = schema.Choice(
        title=_("Kind of case"), vocabulary=KINDS, required=True
    )  # 案件类别

    model.fieldset(
        "party",
        label=_("Party"),  # 当事人
        fields=["party_name", "party_type", "party_id_number"],
    )
    party_name = schema.TextLine(title=_("Name of the party"), required=True)
    party_type = schema.Choice(
        title=_("Type of party"), vocabulary=PARTY_TYPES, required=True
    )
    party_id_number = schema.TextLine(
        title=_("Identity or credit code number"),  # 证件号码
        description=_("Shown in full only to those handling the case."),
        required=False,
    )

    model.fieldset(
        "handling",
        label=_("Handling"),  # 办理情况
        fields=[
            "handling_section",
            "officers",
            "opened",
            "decided",
            "archived",
            "decision_number",
            "paper_location",
            "under_review_or_litigation",
        ],
    )
    handling_section = schema.Choice(
        title=_("Responsible section"),
        vocabulary="gov.infomgmt.Sections",
        required=True,
    )
    # Only the archive changes who handles a case (the officers may not add themselves).
    directives.write_permission(officers="gov.infomgmt.SetCaseOfficers")
    officers = schema.List(
        title=_("Enforcement officers"),  # 执法人员
        description=_("At least two, by their user ids."),
        value_type=schema.TextLine(),
        required=True,
        min_length=2,
    )
    opened = schema.Date(title=_("Opened on"), required=True)  # 立案日期
    decided = schema.Date(title=_("Decided on"), required=False)  # 决定日期
    archived = schema.Date(
        title=_("Archived on"), required=False, readonly=True
    )  # 归档日期
    decision_number = schema.TextLine(
        title=_("Decision document number"), required=False
    )
    paper_location = schema.TextLine(
        title=_("Location of the paper originals"),
        required=False,  # 纸质原件存放位置
    )
    under_review_or_litigation = schema.Bool(
        title=_("Under administrative review or litigation"),
        required=False,
        default=False,
    )

    @invariant
    def decided_after_opened(data):
        """A case is decided on or after the day it was opened."""
        opened, decided = getattr(data, "opened", None), getattr(data, "decided", None)
        if opened and decided and decided < opened:
            raise Invalid(
                _("Decided on: a case cannot be decided before it was opened.")
            )


@implementer(IEnforcementRecord)
class EnforcementRecord(Container):
    """A case file; its documents are the CaseDocuments inside it."""

    archived = None

    def masked_party_id(self):
        """The party's identity number, masked."""
        return mask_id_number(self.party_id_number)


class ICaseDocument(model.Schema):
    """One document of a case file: paper scanned, or audio and video material."""

    file = NamedBlobFile(title=_("File"), required=True)
    document_kind = schema.Choice(
        title=_("Kind of document"), vocabulary=DOCUMENT_KINDS, required=True
    )
    conclusive = schema.Bool(
        title=_("Conclusive document"),  # 结论性文书
        description=_(
            "The party and its lawyer may consult conclusive documents of their own case."
        ),
        required=False,
        default=False,
    )
    sha256 = schema.ASCIILine(
        title=_("SHA-256 at archiving"),
        required=False,
        readonly=True,
    )


@implementer(ICaseDocument)
class CaseDocument(Item):
    """A document of a case file; its checksum is taken when the case is archived."""

    sha256 = None
