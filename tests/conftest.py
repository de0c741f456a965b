"""Fixtures for the gov.infomgmt test suite (pytest-plone)."""

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
