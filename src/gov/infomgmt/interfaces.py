"""Interfaces of gov.infomgmt."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IGovInfomgmtLayer(IDefaultBrowserLayer):
    """Marker interface of the add-on's browser layer."""
