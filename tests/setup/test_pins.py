"""The pins: one flat list, no URLs or pre-releases, and buildout's copy in step with it."""

from pathlib import Path

import importlib.util
import re


ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"


def load_converter():
    """Import scripts/constraints_to_versions.py, which is not part of the package."""
    path = ROOT / "scripts" / "constraints_to_versions.py"
    spec = importlib.util.spec_from_file_location("constraints_to_versions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def requirement_lines():
    """Return the lines of constraints.txt that say something."""
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_line_is_an_exact_pin():
    converter = load_converter()
    assert [line for line in requirement_lines() if not converter.PIN.match(line)] == []


def test_no_urls():
    assert [
        line for line in requirement_lines() if "://" in line or line.startswith("-")
    ] == []


def test_no_prereleases():
    prerelease = re.compile(r"==\S*\d(a|b|rc|dev)\d*$")
    assert [line for line in requirement_lines() if prerelease.search(line)] == []


def test_each_package_pinned_once():
    names = [
        line.split("==")[0].lower().replace("_", "-") for line in requirement_lines()
    ]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_versions_cfg_matches_constraints():
    """Run `make versions.cfg` after changing constraints.txt."""
    converter = load_converter()
    expected = converter.render(converter.read_pins(CONSTRAINTS))
    assert (ROOT / "versions.cfg").read_text(encoding="utf-8") == expected
