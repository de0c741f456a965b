"""PATCH <item>: 403 naming a field the user may not set, instead of 204 and ignoring it.

plone.restapi's deserializer skips a field that is read-only, or whose write
permission the user lacks, and answers 204 as if it had been set: a reviewer who
"sets" 公开属性 in the wrong state, or anyone who "sets" the 索引号, is told nothing.
Here the body is checked first and such a field refused; the rest is plone.restapi's.
"""

from AccessControl import getSecurityManager
from gov.infomgmt import _
from gov.infomgmt import json_bodies
from gov.infomgmt.restapi.services.content.add import NAMING_FIELDS
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.restapi.services.content.update import ContentPatch
from plone.supermodel.utils import mergedTaggedValueDict
from z3c.form.interfaces import IDataManager
from zope.component import queryMultiAdapter
from zope.component import queryUtility
from zope.schema import getFields
from zope.security.interfaces import IPermission


# A JSON object (its id, title and description of a sensible length); what the other
# fields may hold is the schema's to check.
PATCH_BODY = {"type": "object", "properties": NAMING_FIELDS}


def may_write(context, field, permission_id):
    """True when the current user may set this field of this object."""
    if field.readonly:
        return False
    manager = queryMultiAdapter((context, field), IDataManager)
    if manager is not None and not manager.canWrite():
        return False
    if permission_id is None:
        return True
    permission = queryUtility(IPermission, name=permission_id)
    return permission is None or bool(
        getSecurityManager().checkPermission(permission.title, context)
    )


def forbidden_field(context, data):
    """The first field in the body that the current user may not set, or None."""
    for schema in iterSchemata(context):
        permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
        for name, field in getFields(schema).items():
            if name in data and not may_write(context, field, permissions.get(name)):
                return name
    return None


class CheckedContentPatch(ContentPatch):
    """Refuse what may not be set, by name; then update as plone.restapi does."""

    def reply(self):
        """400 for a body that is no object, 403 for a field not to be set, else the update."""
        try:
            data = json_bodies.read(self.request, PATCH_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        name = forbidden_field(self.context, data)
        if name is not None:
            return json_bodies.error_reply(
                self.request,
                403,
                name,
                _(
                    "${field}: you may not set this field of this item now.",
                    mapping={"field": name},
                ),
                "Forbidden",
            )
        return super().reply()
