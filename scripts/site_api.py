"""The running site as the backup scripts reach it: plone.restapi over HTTP, as its administrator.

Settings (environment): SITE_URL (default http://localhost:$PORT/$SITE_ID), ADMIN_USER,
ADMIN_PASSWORD.
"""

from base64 import b64encode

import json
import os
import urllib.request


def site_settings():
    """The running site's address and the administrator's credentials."""
    env = os.environ
    site_id = env.get("SITE_ID", "gov")
    site_url = (
        env.get("SITE_URL") or f"http://localhost:{env.get('PORT', '8080')}/{site_id}"
    ).rstrip("/")
    return site_url, env.get("ADMIN_USER", "admin"), env.get("ADMIN_PASSWORD", "admin")


def call_site(method, url, user, password, body=None, raw=False):
    """A JSON request to the site as its administrator (raw: the bytes); OSError if it fails."""
    if not url.startswith(("http://", "https://")):
        raise OSError(f"not a web address: {url}")
    request = urllib.request.Request(  # noqa: S310 - http(s) only
        url,
        data=json.dumps(body).encode("utf-8") if body is not None else None,
        method=method,
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": "Basic "
            + b64encode(f"{user}:{password}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        content = response.read()
    return content if raw else json.loads(content or b"{}")
