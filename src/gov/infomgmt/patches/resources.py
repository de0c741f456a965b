"""Process-wide memo of the bundle files' hashes that Plone's resource tags carry.

Plone builds its script and style tags anew on every page view, and each tag carries
a hash of its file (in the cache-busting address and in the integrity attribute): the
bundle files are traversed to, read and hashed on every request, about a fifth of the
time of an anonymous page. A file of a Python package cannot change while the process
runs, so its hash is kept; a file customised through the web (the ``++plone++``
override folder) is read as before, and so is everything in debug mode, where
developers edit the files.
"""

from App.config import getConfiguration
from Products.CMFPlone.resources.utils import get_override_directory
from Products.CMFPlone.resources.webresource import PloneBaseResource
from webresource import config
from webresource import Resource


_hash_of_file = Resource.file_hash.fget
_hashes = {}


def _memo_key(resource):
    """(path, algorithm) of a package file whose hash may be kept; None otherwise."""
    path = resource.resource
    if not path or not path.startswith("++plone++") or "?" in path:
        return None
    if getConfiguration().debug_mode or config.development:
        return None
    if get_override_directory(resource.context).isFile(path[len("++plone++") :]):
        return None
    return (path, resource.hash_algorithm)


def _file_hash(resource):
    """The hash of the resource's file, from the memo when it is a package file."""
    key = _memo_key(resource)
    if key is None:
        return _hash_of_file(resource)
    if key not in _hashes:
        _hashes[key] = _hash_of_file(resource)
    return _hashes[key]


def apply():
    """Give Plone's resources the memo (their class comes before webresource's)."""
    PloneBaseResource.file_hash = property(_file_hash, Resource.file_hash.fset)
