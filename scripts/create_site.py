"""Create the Plone site of gov.infomgmt if it is missing; run with `zconsole run`.

    zconsole run instance/etc/zope.conf scripts/create_site.py [--demo] [--upgrade]

Settings come from the environment (the Makefile passes them on):
SITE_ID (gov), SITE_TITLE, ADMIN_USER (admin), ADMIN_PASSWORD (admin).
An existing site is left as it is, unless --upgrade is given, which runs the
add-on's pending upgrade steps. --demo adds demo users and example content.

Without --demo (the production path, `make create-site`) a new administrator is
created only with a password that passes gov.infomgmt.password_policy; otherwise the
script says why and exits with status 2, writing nothing.
"""

from AccessControl.SecurityManagement import newSecurityManager
from gov.infomgmt import password_policy
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFPlone.factory import addPloneSite
from zope.component.hooks import setSite

import argparse
import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "gov")
SITE_TITLE = os.environ.get("SITE_TITLE", "政府信息公开平台")
SITE_DESCRIPTION = os.environ.get(
    "SITE_DESCRIPTION",
    "本局政府信息管理与公开平台：主动公开目录、依申请公开与内部档案。",
)
ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")

# The classic UI with Barceloneta, then the add-on (whose metadata.xml pulls in
# plone.restapi, placeful workflow, caching and iterate).
EXTENSION_PROFILES = [
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "gov.infomgmt:default",
]
DEMO_PROFILE = "gov.infomgmt:demo"


def refuse_weak_password(app, with_demo):
    """On the production path, stop before a new administrator gets a weak password."""
    if with_demo or app.acl_users.getUserById(ADMIN_USER) is not None:
        return
    found = password_policy.problems(ADMIN_PASSWORD, ADMIN_USER)
    if found:
        print(
            f"Administrator '{ADMIN_USER}' NOT created: the password in ADMIN_PASSWORD "
            f"is refused ({'; '.join(found)}). Give one of at least "
            f"{password_policy.MIN_LENGTH} characters from {password_policy.MIN_CLASSES} "
            "of: lower case, upper case, digits, other characters, without the login.",
            file=sys.stderr,
        )
        sys.exit(2)


def ensure_admin(app):
    """Create the Zope-level administrator, or reset its password to the given one."""
    users = app.acl_users
    if users.getUserById(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
        print(f"Created the Zope administrator '{ADMIN_USER}'.")
    return users.getUserById(ADMIN_USER).__of__(users)


def create_site(app, with_demo):
    """Add the Plone site with the add-on's profiles."""
    site = addPloneSite(
        app,
        SITE_ID,
        title=SITE_TITLE,
        description=SITE_DESCRIPTION,
        extension_ids=EXTENSION_PROFILES + ([DEMO_PROFILE] if with_demo else []),
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    print(
        f"Created the site '{SITE_ID}'" + (" with demo content." if with_demo else ".")
    )
    return site


def upgrade_site(site):
    """Run the add-on's pending upgrade steps."""
    setup = site.portal_setup
    profile = "gov.infomgmt:default"
    before = setup.getLastVersionForProfile(profile)
    setup.upgradeProfile(profile)
    after = setup.getLastVersionForProfile(profile)
    print(f"gov.infomgmt:default upgraded from {before} to {after}.")


def main(app, argv):
    """Create or upgrade the site, then commit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--demo", action="store_true", help="add demo users and content"
    )
    parser.add_argument("--upgrade", action="store_true", help="run pending upgrades")
    args = parser.parse_args(argv)

    refuse_weak_password(app, args.demo)
    admin = ensure_admin(app)
    newSecurityManager(None, admin)

    site = app.get(SITE_ID)
    if site is None:
        site = create_site(app, args.demo)
    elif not IPloneSiteRoot.providedBy(site):
        sys.exit(f"'{SITE_ID}' exists in the database but is not a Plone site.")
    else:
        print(f"The site '{SITE_ID}' exists: left as it is.")
        setSite(site)
        if args.upgrade:
            upgrade_site(site)
        if args.demo and "webmaster" not in site.acl_users.getUserIds():
            site.portal_setup.runAllImportStepsFromProfile(f"profile-{DEMO_PROFILE}")
            print("Added the demo users and example content.")
    transaction.commit()


if __name__ == "__main__":
    # zconsole binds `app` and leaves its own arguments in sys.argv: this
    # script's arguments are those after its file name.
    script_at = next(i for i, a in enumerate(sys.argv) if a.endswith("create_site.py"))
    main(app, sys.argv[script_at + 1 :])  # noqa: F821
