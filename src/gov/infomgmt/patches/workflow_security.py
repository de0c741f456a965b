"""A workflow state's permissions set on an object without listing every permission each time.

DCWorkflow sets each permission its workflow manages with ``modifyRolesForPermission``,
which first lists every permission the object could have (those of its class, gathered
through all its base classes, and every permission any product registered) to find the
one it sets, and throws the list away. A state managing a dozen permissions lists them
a dozen times for each object a transition or a loaded item enters: a tenth of the time
to load an item.

This finds the same entry without the list: the object's own declarations first, then
the names its class hierarchy declares (gathered once per class: classes do not change
after startup), then the products' registry, in DCWorkflow's order; the rest is as
DCWorkflow does it.
"""

from AccessControl.Permission import Permission
from AccessControl.rolemanager import gather_permissions
from Products.DCWorkflow import DCWorkflow
from Products.DCWorkflow import utils

import functools


@functools.cache
def _class_permission_names(klass):
    """The names of the permissions a class's bases declare."""
    return frozenset(name for name, _methods in gather_permissions(klass, [], {}))


def permission_data(ob, pname):
    """What ``ac_inherited_permissions(ob, 1)`` lists first under that permission's name."""
    for permission in getattr(ob, "__ac_permissions__", ()):
        if permission[0] == pname:
            return permission[1]
    if pname in _class_permission_names(ob.__class__):
        return ()
    if hasattr(ob, "_subobject_permissions"):
        for permission in ob._subobject_permissions():
            if permission[0] == pname:
                return permission[1]
    return ()


def modifyRolesForPermission(ob, pname, roles):
    """Set the roles of one permission (a list acquires, a tuple does not)."""
    permission = Permission(pname, permission_data(ob, pname), ob)
    if permission.getRoles() != roles:
        permission.setRoles(roles)
        return 1
    return 0


def apply():
    """Replace DCWorkflow's function where it is used."""
    utils.modifyRolesForPermission = modifyRolesForPermission
    DCWorkflow.modifyRolesForPermission = modifyRolesForPermission
