"""The chrome of public pages: what anonymous visitors and staff each get."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from pytest_plone.fixtures.requests import RelativeSession

import pytest
import re
import transaction


@pytest.fixture
def site(functional_portal):
    return functional_portal


def page(portal, path="/disclosure", auth=None, view=0):
    """An HTML page; a new query string each time, past the site's page cache."""
    with RelativeSession(portal.absolute_url()) as session:
        session.headers["Accept"] = "text/html"
        if auth:
            session.auth = auth
        return session.get(path, params={"view": view}).text


def navigation(html):
    return re.search(r'id="portal-globalnav".*?</ul>', html, re.S)[0]


OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def test_toolbar_for_staff_only(site):
    assert 'id="edit-zone"' not in page(site, view=1)
    staff = page(site, auth=OWNER, view=2)
    assert 'id="edit-zone"' in staff
    assert 'id="contentview-edit"' in staff


def add_tab(portal, tab_id, title, permission):
    """A tab of the main navigation (the portal_tabs actions), shown with a permission."""
    from Products.CMFCore.ActionInformation import Action

    tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
    tabs._setObject(
        tab_id,
        Action(
            tab_id,
            title=title,
            url_expr="string:${portal_url}/" + tab_id,
            permissions=(permission,),
            visible=True,
        ),
    )
    transaction.commit()


def test_staff_navigation_never_reaches_visitors(site):
    """Staff may have tabs of their own; visitors never get them, whoever came first."""
    add_tab(site, "desk", "内部工作台", "Manage portal")
    assert "内部工作台" not in navigation(page(site, view=1))
    assert "内部工作台" in navigation(page(site, auth=OWNER, view=2))
    assert "内部工作台" not in navigation(page(site, view=3))


def test_navigation_kept_for_visitors_for_a_while(site):
    """A new tab shows in visitors' navigation once the kept fragment expires."""
    from gov.infomgmt.browser import chrome

    before = navigation(page(site, view=1))
    add_tab(site, "news", "新栏目", "View")
    assert navigation(page(site, view=2)) == before
    chrome.invalidate_fragments()  # as the end of its lifetime does
    assert "新栏目" in navigation(page(site, view=3))


def test_footer_setting_shows_at_once(site):
    assert "京ICP备00000001号" not in page(site, view=1)
    api.portal.set_registry_record("gov.infomgmt.site.icp_record", "京ICP备00000001号")
    transaction.commit()
    assert "京ICP备00000001号" in page(site, view=2)


def test_no_social_network_tags(site):
    html = page(site, view=1)
    assert 'property="og:' not in html
    assert 'name="twitter:' not in html


def test_bundle_switched_off_leaves_the_next_page(site):
    assert 'data-bundle="plone-fullscreen"' in page(site, view=1)
    api.portal.set_registry_record("plone.bundles/plone-fullscreen.enabled", False)
    transaction.commit()
    html = page(site, view=2)
    assert 'data-bundle="plone-fullscreen"' not in html
    assert 'data-bundle="plone"' in html


def test_visitors_get_no_staff_bundle(site):
    """A bundle for members only: a staff view first must not hand it to visitors."""
    from plone.registry.interfaces import IRegistry
    from Products.CMFPlone.interfaces import IBundleRegistry
    from zope.component import getUtility

    bundles = getUtility(IRegistry).collectionOfInterface(
        IBundleRegistry, prefix="plone.bundles"
    )
    desk = bundles.setdefault("staff-desk")
    desk.enabled = True
    desk.jscompilation = "++plone++static/plone-fullscreen/fullscreen.js"
    desk.expression = "python: member is not None"
    transaction.commit()
    assert 'data-bundle="staff-desk"' in page(site, auth=OWNER, view=1)
    assert 'data-bundle="staff-desk"' not in page(site, view=2)


def test_login_link_for_visitors_logout_for_staff(site):
    assert 'id="personaltools-login"' in page(site, view=1)
    staff = page(site, auth=OWNER, view=2)
    assert 'id="personaltools-login"' not in staff
    assert 'id="personaltools-logout"' in staff
    assert 'id="personaltools-login"' in page(site, view=3)


def test_member_tools_for_staff_without_toolbar_only(site):
    """Visitors get no member tools; a user the toolbar is withheld from gets them."""
    assert 'id="portal-membertools"' not in page(site, view=1)
    assert 'id="portal-membertools"' not in page(site, auth=OWNER, view=2)
    site.manage_permission("Show Toolbar", roles=["Manager"], acquire=False)
    transaction.commit()
    clerk = page(site, auth=(TEST_USER_NAME, TEST_USER_PASSWORD), view=3)
    assert 'id="portal-membertools"' in clerk
    assert "logout" in re.search(r'id="portal-membertools".*?</ul>', clerk, re.S)[0]
    assert 'id="portal-membertools"' not in page(site, view=4)
