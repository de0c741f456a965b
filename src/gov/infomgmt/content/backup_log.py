"""BackupLog (数据备份记录): one backup, its files and checksums, its handover and custody."""

from gov.infomgmt import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


BACKUP_KINDS = SimpleVocabulary(
    [
        SimpleTerm("full", "full", _("Full backup")),  # 全量备份
        SimpleTerm("incremental", "incremental", _("Incremental backup")),  # 增量备份
    ]
)

# The six protections of the storage room (防火、防热、防潮、防尘、防磁、防盗).
PROTECTIONS = (
    ("fire", _("Protected against fire")),
    ("heat", _("Protected against heat")),
    ("damp", _("Protected against damp")),
    ("dust", _("Protected against dust")),
    ("magnetism", _("Protected against magnetism")),
    ("theft", _("Protected against theft")),
)


class IBackupLog(model.Schema):
    """What was backed up, where it is kept, who holds it."""

    system = schema.TextLine(
        title=_("System or data set"),
        required=True,
        default="政府信息管理系统数据库",
        max_length=200,
    )
    kind = schema.Choice(
        title=_("Kind of backup"), vocabulary=BACKUP_KINDS, required=True
    )
    started = schema.Datetime(title=_("Started"), required=True)
    finished = schema.Datetime(title=_("Finished"), required=True)
    size_bytes = schema.Int(title=_("Size (bytes)"), required=True, min=0)
    files = schema.Text(
        title=_("Files and their SHA-256"),
        description=_("One file a line: checksum, size, name."),
        required=True,
        # a first backup mirrors every blob: tens of thousands of lines
        max_length=10_000_000,
    )

    model.fieldset(
        "custody",
        label=_("Custody"),  # 保管
        fields=[
            "medium",
            "location",
            "operator",
            "custodian",
            *(f"protection_{p}" for p, _t in PROTECTIONS),
        ],
    )
    medium = schema.TextLine(
        title=_("Medium"), required=True, max_length=200
    )  # 存储介质
    location = schema.TextLine(
        title=_("Storage location (off-site)"), required=True, max_length=500
    )  # 异地存放位置
    operator = schema.TextLine(
        title=_("Operator (IT staff)"), required=True, max_length=100
    )  # 备份操作人
    custodian = schema.TextLine(
        title=_("Custodian"), required=True, max_length=100
    )  # 数据保管员

    protection_fire = schema.Bool(
        title=PROTECTIONS[0][1], required=False, default=False
    )
    protection_heat = schema.Bool(
        title=PROTECTIONS[1][1], required=False, default=False
    )
    protection_damp = schema.Bool(
        title=PROTECTIONS[2][1], required=False, default=False
    )
    protection_dust = schema.Bool(
        title=PROTECTIONS[3][1], required=False, default=False
    )
    protection_magnetism = schema.Bool(
        title=PROTECTIONS[4][1], required=False, default=False
    )
    protection_theft = schema.Bool(
        title=PROTECTIONS[5][1], required=False, default=False
    )

    model.fieldset(
        "retention",
        label=_("Retention"),  # 保存期限
        fields=["retention_until"],
    )
    retention_until = schema.Date(title=_("Keep until"), required=False)


@implementer(IBackupLog)
class BackupLog(Container):
    """A backup's record; after the handover, corrections are addenda inside it."""

    def protections_checked(self):
        """True when all six protections of the storage place were checked."""
        return all(
            getattr(self, f"protection_{name}", False) for name, _title in PROTECTIONS
        )
