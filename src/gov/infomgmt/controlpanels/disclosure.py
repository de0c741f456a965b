"""政府信息公开设置: the bureau's settings for the disclosure catalogue and its review."""

from gov.infomgmt import _
from gov.infomgmt.clock.calendar import library_years
from gov.infomgmt.index_numbers import PLACEHOLDER_ORGANISATION_CODE
from gov.infomgmt.interfaces import IGovInfomgmtLayer
from gov.infomgmt.search.synonyms import DEFAULT_SYNONYMS
from gov.infomgmt.search.synonyms import group
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid

import html
import string


INDEX_PATTERN_FIELDS = {"org", "year", "serial"}


def check_index_pattern(value):
    """An index number pattern uses {org}, {year} and {serial} only, and {serial} once."""
    try:
        names = {
            name
            for _, name, _, _ in string.Formatter().parse(value)
            if name is not None
        }
        value.format(org="X", year=2026, serial=1)
    except (ValueError, KeyError, IndexError) as error:
        raise Invalid(_("Index number pattern: not a valid pattern.")) from error
    if "serial" not in names or not names <= INDEX_PATTERN_FIELDS:
        raise Invalid(
            _(
                "Index number pattern: use {org}, {year} and {serial}, and {serial} must be in it."
            )
        )
    return True


def check_synonyms(lines):
    """Each line of the synonym list names at least two words."""
    for line in lines or ():
        if len(group(line)) < 2:
            raise Invalid(
                _(
                    "Search synonyms: each line needs at least two words, separated by spaces, commas or =."
                )
            )
    return True


class IDisclosureSettings(Interface):
    """Settings of the disclosure catalogue, stored in the registry."""

    organisation_code = schema.ASCIILine(
        title=_("Organisation code"),  # 组织机构代码
        description=_(
            "The bureau's unified social credit code; the first part of index numbers."
        ),
        required=True,
        default=PLACEHOLDER_ORGANISATION_CODE,
    )

    index_number_pattern = schema.TextLine(
        title=_("Index number pattern"),  # 索引号格式
        description=_(
            "{org} the organisation code, {year} the year of formation, {serial} the serial number of that year, e.g. {serial:05d} for five digits."
        ),
        required=True,
        default="{org}/{year}-{serial:05d}",
        constraint=check_index_pattern,
    )

    issuing_organ = schema.TextLine(
        title=_("Issuing organ"),  # 发布机构
        description=_("The name new items carry as issuing organ."),
        required=True,
        default="市档案局",
    )

    sections = schema.List(
        title=_("Sections"),  # 科室
        description=_(
            "The bureau's sections, one a line: the choices of 'responsible section'."
        ),
        value_type=schema.TextLine(),
        required=True,
        default=["办公室", "政策法规科", "档案管理科", "执法监督科", "信息技术科"],
    )

    relax_separation_of_duties = schema.Bool(
        title=_("Relax separation of duties"),  # 放宽职责分离
        description=_(
            "For a very small bureau only: lets one person pass several review steps of the same item, or review their own. Every such pass is recorded in the item's history."
        ),
        required=False,
        default=False,
    )

    entry_working_days = schema.Int(
        title=_("Working days for entry"),  # 录入时限（工作日）
        description=_(
            "A proactively disclosed item is published within this many working days of its sign-off (Regulations on Open Government Information, art. 26)."
        ),
        required=True,
        default=20,
        min=1,
    )

    reminder_working_days = schema.Int(
        title=_("Reminder before the deadline (working days)"),  # 提前提醒（工作日）
        description=_(
            "The entry clerks are reminded this many working days before an item's deadline."
        ),
        required=True,
        default=3,
        min=0,
    )

    emergency_signoff_hours = schema.Int(
        title=_(
            "Hours for the retroactive sign-off of emergency items"
        ),  # 应急信息补签时限（小时）
        required=True,
        default=24,
        min=1,
    )

    search_synonyms = schema.List(
        title=_("Search synonyms"),  # 检索同义词
        description=_(
            "One group of words a line, separated by spaces, commas or =: a search for one word of a group also finds the others (e.g. 年报 = 年度报告). Takes effect at once."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=list(DEFAULT_SYNONYMS),
        constraint=check_synonyms,
    )


class DisclosureSettingsForm(RegistryEditForm):
    """Edit the disclosure settings."""

    schema = IDisclosureSettings
    schema_prefix = "gov.infomgmt.disclosure"
    label = _("Disclosure settings")  # 政府信息公开设置


class DisclosureSettingsView(ControlPanelFormWrapper):
    """The control panel page around the form."""

    form = DisclosureSettingsForm

    @property
    def description(self):
        """Which years the clock knows, the link to 节假日安排, and a missing year's notice."""
        first, last = library_years()
        known = translate(
            _(
                "The holiday library knows the State Council arrangement of ${first} to ${last}; later years are read from the notice under",
                mapping={"first": first, "last": last},
            ),
            context=self.request,
        )
        link = translate(_("Holiday arrangement"), context=self.request)
        url = f"{api.portal.get().absolute_url()}/@@gov-holiday-years"
        notice = self.context.restrictedTraverse("@@gov-holiday-notice")()
        return f'{html.escape(known)} <a href="{url}">{html.escape(link)}</a>.{notice}'


@adapter(Interface, IGovInfomgmtLayer)
class DisclosureSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings through plone.restapi's @controlpanels."""

    schema = IDisclosureSettings
    schema_prefix = "gov.infomgmt.disclosure"
    configlet_id = "gov-disclosure-settings"
    configlet_category_id = "Products"
    title = _("Disclosure settings")
    group = "Products"
