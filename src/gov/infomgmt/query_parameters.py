"""Query parameters of the public pages: one value each, valid UTF-8, within bounds.

A visitor's address is read here and nowhere else, so that every public page answers a
bad value the same way: a 400 that names the parameter (never a server error, never a
silently different page). Free text (q) is only cut to length: what it says is looked
for as words, see gov.infomgmt.search.
"""

from gov.infomgmt import _


# The earliest and latest year a generation date can have (the State Council's
# regulation dates from 2007; older records are still catalogued since 1949).
FIRST_YEAR = 1949
LAST_YEAR = 2999
MAX_TEXT = 100
MAX_START = 10**7


class BadParameter(ValueError):
    """A query parameter that cannot be used; names it."""

    def __init__(self, name, message):
        super().__init__(name)
        self.name = name
        self.message = message


def single(form, name):
    """The one value of a parameter as text, or None; refuses repeats and broken UTF-8."""
    value = form.get(name)
    if value is None:
        return None
    if isinstance(value, list | tuple):
        raise BadParameter(
            name,
            _(
                "Parameter ${name}: give it once only.",
                mapping={"name": name},
            ),
        )
    if not isinstance(value, str):
        raise BadParameter(
            name, _("Parameter ${name}: not a valid value.", mapping={"name": name})
        )
    try:
        # Zope keeps bytes that are not UTF-8 as surrogates (PEP 383).
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadParameter(
            name,
            _("Parameter ${name}: not valid UTF-8 text.", mapping={"name": name}),
        ) from error
    return value


def text(form, name, max_length=MAX_TEXT):
    """Free text, stripped and cut to length; None when empty."""
    value = (single(form, name) or "").strip()[:max_length]
    return value or None


def choice(form, name, allowed):
    """One of the allowed values, or None when not given."""
    value = single(form, name)
    if value in (None, ""):
        return None
    if value not in allowed:
        raise BadParameter(
            name,
            _(
                "Parameter ${name}: use one of ${allowed}.",
                mapping={"name": name, "allowed": ", ".join(allowed)},
            ),
        )
    return value


def whole_number(form, name, default, low, high):
    """A whole number within bounds, or the default when not given."""
    value = single(form, name)
    if value in (None, ""):
        return default
    try:
        number = int(value.strip())
    except ValueError as error:
        raise BadParameter(
            name,
            _("Parameter ${name}: must be a whole number.", mapping={"name": name}),
        ) from error
    if not low <= number <= high:
        raise BadParameter(
            name,
            _(
                "Parameter ${name}: must be between ${low} and ${high}.",
                mapping={"name": name, "low": low, "high": high},
            ),
        )
    return number


def year(form, name="year"):
    """A year of formation, or None."""
    return whole_number(form, name, None, FIRST_YEAR, LAST_YEAR)


def start(form, name="b_start"):
    """Where a batch starts."""
    return whole_number(form, name, 0, 0, MAX_START)
