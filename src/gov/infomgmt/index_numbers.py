"""索引号: the index numbers of the disclosure catalogue, unique and never reused.

One persistent counter per organisation and year. The counter has no conflict
resolution on purpose: two transactions that take a number at once conflict, and
the loser is retried by Zope with a fresh read, so two items never share a number.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "gov.infomgmt.index_number_counters"
SETTINGS = "gov.infomgmt.disclosure"
# The settings' default until the bureau enters its unified social credit code.
PLACEHOLDER_ORGANISATION_CODE = "000000000000000000"


def organisation_code_is_placeholder():
    """True while the organisation code is still the default (or empty)."""
    code = api.portal.get_registry_record(f"{SETTINGS}.organisation_code", default="")
    return (code or "").strip() in ("", PLACEHOLDER_ORGANISATION_CODE)


class SerialCounter(Persistent):
    """The last serial number given in one organisation and year."""

    def __init__(self):
        self.value = 0


def counters(portal):
    """The site's counters, created on first use."""
    annotations = IAnnotations(portal)
    if ANNOTATION_KEY not in annotations:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations[ANNOTATION_KEY]


def format_index_number(pattern, org, year, serial):
    """Fill the pattern of the disclosure settings."""
    return pattern.format(org=org, year=year, serial=serial)


def is_taken(index_number):
    """True when an item in the catalog already carries this number."""
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog.unrestrictedSearchResults(gov_index_number=index_number))


def next_index_number(year):
    """Take the next free index number of the year."""
    portal = api.portal.get()
    org = api.portal.get_registry_record(f"{SETTINGS}.organisation_code")
    pattern = api.portal.get_registry_record(f"{SETTINGS}.index_number_pattern")
    key = f"{org}/{year}"
    site_counters = counters(portal)
    counter = site_counters.get(key)
    if counter is None:
        counter = site_counters[key] = SerialCounter()
    # Numbers given before the counter existed (an import, a restored site) are skipped.
    while True:
        counter.value += 1
        number = format_index_number(pattern, org, year, counter.value)
        if not is_taken(number):
            return number


def assign_index_number(obj, year):
    """Give the item its index number unless it has one: once given, it never changes."""
    if not getattr(obj, "index_number", None):
        obj.index_number = next_index_number(year)
    return obj.index_number
