"""Uninstalling the add-on removes its layer and stylesheet but keeps the bureau's records."""

from gov.infomgmt.interfaces import IGovInfomgmtLayer
from plone import api

import pytest


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer, package_name):
        installer.uninstall_product(package_name)

    def test_addon_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IGovInfomgmtLayer not in browser_layers

    def test_bundle_removed(self, portal):
        bundles = api.portal.get_registry_record(
            "plone.bundles/gov-infomgmt.enabled", default=None
        )
        assert bundles is None

    def test_sections_kept(self, portal):
        assert {"disclosure", "enforcement-archive", "backup-logs"} <= set(
            portal.objectIds()
        )
