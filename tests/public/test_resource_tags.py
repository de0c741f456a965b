"""The script and style tags of a page: their hashes match the files, overrides count."""

from base64 import b64encode
from hashlib import sha384
from plone.resource.file import FilesystemFile
from Products.CMFPlone.resources.browser.resource import update_resource_registry_mtime
from Products.CMFPlone.resources.utils import get_override_directory
from pytest_plone.fixtures.requests import RelativeSession

import re
import transaction


STYLE = "++plone++gov.infomgmt/gov-infomgmt.css"
BUNDLE = "++plone++static/bundle-plone/bundle.min.js"


def page(portal, view=0):
    """An anonymous page; a new query string for each view, past the site's page cache."""
    with RelativeSession(portal.absolute_url()) as anonymous:
        return anonymous.get("/disclosure", params={"view": view}).text


def file_bytes(portal, path):
    resource = portal.unrestrictedTraverse(path)
    assert isinstance(resource, FilesystemFile)
    with open(resource.path, "rb") as handle:
        return handle.read()


def integrity(data):
    return "sha384-" + b64encode(sha384(data).digest()).decode()


def style_address(html):
    return re.search(r'href="([^"]*gov-infomgmt\.css)"', html).group(1)


def test_integrity_is_that_of_the_file(demo_functional_portal):
    """Browsers refuse a script whose integrity attribute does not match its bytes."""
    portal = demo_functional_portal
    expected = integrity(file_bytes(portal, BUNDLE))
    for view in range(2):  # the second view is answered from the memo
        html = page(portal, view)
        assert f'integrity="{expected}"' in html


def test_file_customised_through_the_web_gets_a_new_address(demo_functional_portal):
    """A style sheet changed in the override folder is not served from browsers' caches."""
    portal = demo_functional_portal
    before = style_address(page(portal, 1))
    assert style_address(page(portal, 2)) == before
    overrides = get_override_directory(portal)
    overrides.writeFile(STYLE[len("++plone++") :], b"body { color: #000; }")
    # As the resource registry control panel does on saving (anonymous pages keep
    # their tags until the registry's stamp changes or for five minutes).
    update_resource_registry_mtime()
    transaction.commit()
    assert style_address(page(portal, 3)) != before
