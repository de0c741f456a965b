"""The security baseline: response headers, no fingerprint, nothing listed to anonymous users."""

from plone.app.content.browser.vocabulary import PERMISSIONS


# plone.app.content's PERMISSIONS map is the documented place to guard a vocabulary more
# strictly than View; @vocabularies and @@getVocabulary both read it. Without these lines an
# anonymous visitor lists every account, group and role, and every internal type and state.
GUARDED_VOCABULARIES = (
    "plone.app.vocabularies.Users",
    "plone.app.vocabularies.Groups",
    "plone.app.vocabularies.Principals",
    "plone.app.vocabularies.Roles",
    "plone.app.vocabularies.PortalTypes",
    "plone.app.vocabularies.UserFriendlyTypes",
    "plone.app.vocabularies.ReallyUserFriendlyTypes",
    "plone.app.vocabularies.Workflows",
    "plone.app.vocabularies.WorkflowStates",
    "plone.app.vocabularies.WorkflowTransitions",
)
# The permission plone.app.content already asks for the Users vocabulary: those who edit
# content where they ask (their folder's forms, the Sharing tab) keep their widgets.
GUARD = "Modify portal content"
for _name in GUARDED_VOCABULARIES:
    PERMISSIONS[_name] = GUARD
