"""Write buildout's [versions] section from constraints.txt, the one source of pins.

python scripts/constraints_to_versions.py constraints.txt > versions.cfg
"""

from pathlib import Path

import re
import sys


PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


def read_pins(path):
    """Return (name, version) of every `name==version` line, in file order."""
    pins = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins.append((match.group(1), match.group(2)))
    return pins


def render(pins):
    """Render the pins as a buildout versions section."""
    lines = [
        "# Generated from constraints.txt by `make versions.cfg`: do not edit by hand.",
        "[versions]",
        # the project itself is a develop egg of any version
        "gov.infomgmt =",
    ]
    lines += [f"{name} = {version}" for name, version in pins]
    return "\n".join(lines) + "\n"


def main(argv):
    """Print the versions section for the constraints file named in argv."""
    source = argv[1] if len(argv) > 1 else "constraints.txt"
    sys.stdout.write(render(read_pins(source)))


if __name__ == "__main__":
    main(sys.argv)
