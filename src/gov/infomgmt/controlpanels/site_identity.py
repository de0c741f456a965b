"""网站标识设置: the bureau's name in the header and the lines of the footer."""

from gov.infomgmt import _
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


class ISiteIdentity(Interface):
    """What a Chinese government portal shows of its owner in every page."""

    bureau_name = schema.TextLine(
        title=_("Name of the bureau"),  # 单位名称
        required=True,
        default="市档案局",
    )

    portal_name = schema.TextLine(
        title=_("Name of the portal"),  # 网站名称
        required=True,
        default="政府信息公开",
    )

    host = schema.TextLine(
        title=_("Host (主办单位)"),
        required=False,
        default="市档案局",
    )

    address = schema.TextLine(
        title=_("Address"),  # 地址
        required=False,
        default="",
    )

    phone = schema.TextLine(
        title=_("Telephone"),  # 联系电话
        required=False,
        default="",
    )

    icp_record = schema.TextLine(
        title=_("ICP record number (ICP备案号)"),
        required=False,
        default="",
    )

    site_code = schema.TextLine(
        title=_("Government website code (网站标识码)"),
        required=False,
        default="",
    )

    police_record = schema.TextLine(
        title=_("Public security record number (公安备案号)"),
        required=False,
        default="",
    )


class SiteIdentityForm(RegistryEditForm):
    """Edit the site identity."""

    schema = ISiteIdentity
    schema_prefix = "gov.infomgmt.site"
    label = _("Site identity")  # 网站标识设置


class SiteIdentityView(ControlPanelFormWrapper):
    """The control panel page around the form."""

    form = SiteIdentityForm
