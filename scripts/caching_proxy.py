"""Put the site behind a caching proxy: gov.infomgmt:caching-proxy, purging through the proxy.

    zconsole run instance/etc/zope.conf scripts/caching_proxy.py http://127.0.0.1:8000

Run by `make cluster` on the cluster's database (idempotent). The single-process default
keeps the "without caching proxy" rules (RAM cache and ETags).
"""

from plone import api
from zope.component.hooks import setSite

import os
import sys
import transaction


def main(app, proxy_url):
    """Apply the proxy profile and point purging at the proxy."""
    site = app[os.environ.get("SITE_ID", "gov")]
    setSite(site)
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-gov.infomgmt:caching-proxy")
    api.portal.set_registry_record(
        "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies",
        (proxy_url,),
    )
    transaction.commit()
    print(f"Caching proxy rules on; purging through {proxy_url}.")


if __name__ == "__main__":
    main(app, sys.argv[-1])  # noqa: F821 - zconsole provides `app`
