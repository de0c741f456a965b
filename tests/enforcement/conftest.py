"""Fixtures of the enforcement tests."""

from .gated import gated_case as make_gated_case

import pytest


@pytest.fixture
def gated_case(demo_functional_portal):
    """The archived case of the door tests, with its approvals."""
    return make_gated_case(demo_functional_portal)
