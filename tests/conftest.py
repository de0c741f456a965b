"""Fixtures for the gov.infomgmt test suite (pytest-plone)."""

import os


# Compile the .po files when the ZCML registers them, as the server does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from gov.infomgmt.testing import DEMO_FUNCTIONAL_TESTING
from gov.infomgmt.testing import DEMO_INTEGRATION_TESTING
from gov.infomgmt.testing import FUNCTIONAL_TESTING
from gov.infomgmt.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
        )
    )
)


@pytest.fixture(scope="session")
def package_name() -> str:
    """The distribution under test, for pytest-plone's install fixtures."""
    return "gov.infomgmt"
