"""Add one page to the site (run with zconsole by the migration test)."""

from plone import api
from zope.component.hooks import setSite

import os
import transaction


setSite(app[os.environ.get("SITE_ID", "gov")])  # noqa: F821 - zconsole provides `app`
api.content.create(container=api.portal.get(), type="Document", title="复制之后新增")
transaction.commit()
