"""The add-on installs with its dependencies, layer, workflows and sections."""

from gov.infomgmt.interfaces import IGovInfomgmtLayer

import pytest


class TestSetupInstall:
    def test_addon_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        assert IGovInfomgmtLayer in browser_layers

    def test_latest_version(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "1060"

    @pytest.mark.parametrize(
        "dependency",
        [
            "plone.app.contenttypes",
            "plone.restapi",
            "Products.CMFPlacefulWorkflow",
            "plone.app.caching",
            "plone.app.iterate",
        ],
    )
    def test_dependency_installed(self, installer, dependency):
        assert installer.is_product_installed(dependency) is True
