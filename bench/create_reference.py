"""Create the benchmark's reference: a plain Plone 6.2 classic site, no add-on.

Run by bench/run.py with zconsole in the reference virtualenv (which has no gov.infomgmt).
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite

import os
import transaction


def main(app):
    """The Zope administrator and the site, with Plone's own example content."""
    users = app.acl_users
    user, password = os.environ["ADMIN_USER"], os.environ["ADMIN_PASSWORD"]
    if users.getUserById(user) is None:
        users._doAddUser(user, password, ["Manager"], [])
    newSecurityManager(None, users.getUserById(user).__of__(users))
    if "Plone" not in app.objectIds():
        addPloneSite(
            app,
            "Plone",
            title="Plone",
            extension_ids=[
                "plone.app.contenttypes:default",
                "plone.app.layout:default",
                "plonetheme.barceloneta:default",
            ],
            setup_content=True,
            default_language="zh-cn",
        )
    transaction.commit()


main(app)  # noqa: F821 - zconsole provides `app`
