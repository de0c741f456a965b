"""The administrator's password on the production path: long, varied, not the login.

At least 8 characters, from at least 3 of the 4 classes (lower case, upper case,
digits, other characters), and not containing the login. Used by
scripts/create_site.py, which refuses to create the administrator otherwise.
"""

import string


MIN_LENGTH = 8
MIN_CLASSES = 3

CLASSES = (
    ("lower-case letters", str.islower),
    ("upper-case letters", str.isupper),
    ("digits", str.isdigit),
    ("other characters", lambda char: not char.isalnum() or char in string.punctuation),
)


def classes_in(password):
    """How many of the four classes of characters the password uses."""
    return sum(1 for _name, test in CLASSES if any(test(char) for char in password))


def problems(password, login):
    """What is wrong with the password, in words an operator reads; [] when it passes."""
    found = []
    if len(password or "") < MIN_LENGTH:
        found.append(f"it has fewer than {MIN_LENGTH} characters")
    if classes_in(password or "") < MIN_CLASSES:
        found.append(
            f"it uses fewer than {MIN_CLASSES} of: "
            + ", ".join(name for name, _test in CLASSES)
        )
    if login and login.lower() in (password or "").lower():
        found.append("it contains the login")
    return found
