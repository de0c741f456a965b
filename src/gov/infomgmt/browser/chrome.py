"""The page chrome (toolbar, main navigation, footer, resource tags) as anonymous visitors get it.

These parts are the same on every public page of a folder, yet Plone builds them on
each view: the toolbar's viewlets are updated even for visitors who never see the
toolbar, and the footer's portlets are looked up along the path and rendered. For
anonymous visitors the navigation and the footer are rendered once per folder and
kept for five minutes in the RAM cache (the same delay the caching rules give pages):
a changed setting (the footer's identity lines) shows at once, a changed portlet or
tab within five minutes.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.layout import viewlets
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.layout.viewlets.common import PersonalBarViewlet
from plone.app.layout.viewlets.toolbar import ToolbarViewletManager
from plone.app.portlets.browser.viewlets import FooterViewlet
from plone.memoize import ram
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.resources.browser.resource import _RESOURCE_REGISTRY_MTIME
from Products.CMFPlone.resources.browser.resource import REQUEST_CACHE_KEY
from Products.CMFPlone.resources.browser.resource import ScriptsView
from Products.CMFPlone.resources.browser.resource import StylesView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.component import queryUtility
from zope.ramcache.interfaces.ram import IRAMCache

import os
import time


# How long a rendered fragment is kept, in seconds.
FRAGMENT_LIFETIME = 300
# Where Plone keeps a content item's own portlet assignments and blocking.
PORTLET_ANNOTATIONS = (
    "plone.portlets.contextassignments",
    "plone.portlets.categoryblackliststatus",
)


def _anonymous_only(viewlet):
    """Staff may see management links and unpublished content: never kept for them."""
    if not api.user.is_anonymous():
        raise ram.DontCache


def _common_key(viewlet):
    return (
        viewlet.__class__.__name__,
        viewlet.request.get("SERVER_URL"),
        viewlet.request.get("VirtualRootPhysicalPath"),
        viewlet.request.get("LANGUAGE"),
        time.time() // FRAGMENT_LIFETIME,
    )


def _footer_key(method, viewlet):
    """Pages whose footer portlets come from the same place, type and language.

    A page without portlet settings of its own gets those of its folder and type,
    like its siblings; one with settings of its own (a section that blocks a
    portlet, the site root) is kept for itself.
    """
    _anonymous_only(viewlet)
    context = aq_inner(viewlet.context)
    annotations = getattr(aq_base(context), "__annotations__", {})
    if any(key in annotations for key in PORTLET_ANNOTATIONS):
        place = ("own", context.getPhysicalPath())
    else:
        parent = aq_parent(context)
        place = ("in", getattr(parent, "getPhysicalPath", tuple)())
    return (*_common_key(viewlet), place, getattr(context, "portal_type", None))


def _navigation_key(method, viewlet):
    """Pages under the same navigation root."""
    _anonymous_only(viewlet)
    return (*_common_key(viewlet), viewlet.navtree_path)


class AnonymousFooterViewlet(FooterViewlet):
    """Plone's footer, rendered once per folder for anonymous visitors."""

    @ram.cache(_footer_key)
    def render(self):
        """The footer's portlets and signature."""
        return super().render()


class AnonymousGlobalSectionsViewlet(GlobalSectionsViewlet):
    """Plone's main navigation, rendered once per navigation root for anonymous visitors."""

    @ram.cache(_navigation_key)
    def render(self):
        """The tabs and their menus (the current one is marked in the browser)."""
        return super().render()


def _site_wide_key(method, viewlet):
    """Every page of the site (the login link is the same everywhere)."""
    _anonymous_only(viewlet)
    return _common_key(viewlet)


class AnonymousToolsViewlet(PersonalBarViewlet):
    """Plone's login link for anonymous visitors (plone.anontools), rendered once."""

    index = ViewPageTemplateFile(
        "anontools.pt", _prefix=os.path.dirname(viewlets.__file__)
    )

    def update(self):
        """The user's actions; for a visitor only when the link is rendered anew."""
        if not api.user.is_anonymous():
            super().update()

    @ram.cache(_site_wide_key)
    def render(self):
        """The login link."""
        if api.user.is_anonymous():
            super().update()
        return super().render()


class MemberToolsViewlet(PersonalBarViewlet):
    """Plone's member tools (plone.membertools), not built for visitors, who never see them.

    Plone updates the viewlet on every page, working out the user's actions, though
    its template shows nothing to anonymous visitors (nor to staff with the toolbar).
    """

    index = ViewPageTemplateFile(
        "membertools.pt", _prefix=os.path.dirname(viewlets.__file__)
    )

    def update(self):
        """The user's actions, for a signed-in user only."""
        self.anonymous = api.user.is_anonymous()
        if not self.anonymous:
            super().update()

    def render(self):
        """The member tools, or nothing for a visitor."""
        if self.anonymous:
            return ""
        return super().render()


class LeanToolbarViewletManager(ToolbarViewletManager):
    """Plone's toolbar, not built at all for those without the "Show Toolbar" permission."""

    def update(self):
        """Update the toolbar's viewlets only when the toolbar shows."""
        if self.context_state.is_toolbar_visible():
            super().update()
        else:
            self.viewlets = []

    def render(self):
        """The toolbar, or nothing (the template renders nothing either)."""
        if not self.context_state.is_toolbar_visible():
            return ""
        return super().render()


def _resources_key(method, view):
    """Anonymous pages of one type, while the resource registry is unchanged.

    Plone stamps the registry when bundles change (update_resource_registry_mtime),
    for caches like this one; a request asking for other bundles is rendered for itself.
    """
    _anonymous_only(view)
    if any(view._request_bundles()):
        raise ram.DontCache
    registry = getUtility(IRegistry)
    return (
        *_common_key(view),
        getattr(registry, _RESOURCE_REGISTRY_MTIME, None),
        getattr(view.context, "portal_type", None),
    )


class AnonymousResources:
    """Plone's script and style tags, rendered once for anonymous pages of a type."""

    def update(self):
        """The tags of the page, shared by the script and style viewlets."""
        shared = getattr(self.request, REQUEST_CACHE_KEY, None)
        if shared is None:
            shared = dict(self.render_tags())
            setattr(self.request, REQUEST_CACHE_KEY, shared)
        self.rendered = shared

    @ram.cache(_resources_key)
    def render_tags(self):
        """{"js": …, "css": …} as Plone renders them."""
        super().update()
        return dict(self.rendered)


class AnonymousScriptsView(AnonymousResources, ScriptsView):
    """The script tags (plone.resourceregistries.scripts)."""


class AnonymousStylesView(AnonymousResources, StylesView):
    """The style tags (plone.resourceregistries.styles)."""


def invalidate_fragments(event=None):
    """Forget the kept fragments of this process (a setting they show has changed)."""
    cache = queryUtility(IRAMCache)
    if cache is not None:
        for method in ("render", "render_tags"):
            cache.invalidate(f"{__name__}.{method}")
