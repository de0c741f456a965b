"""数据备份监控: the watchdog's thresholds, and the backups' status above them."""

from gov.infomgmt import _
from gov.infomgmt import backups
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope import schema
from zope.interface import Interface


class IBackupWatchdogSettings(Interface):
    """When the site warns that backups are late, undrilled or not handed over."""

    backup_max_age_hours = schema.Int(
        title=_("Warn when the last backup is older than (hours)"),
        description=_("A daily backup with some slack: 26 hours."),
        required=True,
        default=26,
        min=1,
    )

    drill_max_age_days = schema.Int(
        title=_("Warn when the last passed restore drill is older than (days)"),
        required=True,
        default=30,
        min=1,
    )

    handover_max_pending_hours = schema.Int(
        title=_("Warn when a backup waits for its handover longer than (hours)"),
        required=True,
        default=24,
        min=1,
    )


class BackupWatchdogForm(RegistryEditForm):
    """Edit the thresholds."""

    schema = IBackupWatchdogSettings
    schema_prefix = backups.SETTINGS_PREFIX
    label = _("Backup watchdog")  # 数据备份监控


class BackupWatchdogView(ControlPanelFormWrapper):
    """The status of the backups, then the thresholds' form."""

    form = BackupWatchdogForm
    index = ViewPageTemplateFile("backup_watchdog.pt")

    def findings(self):
        """What is wrong now; empty when all is well."""
        return backups.findings()
