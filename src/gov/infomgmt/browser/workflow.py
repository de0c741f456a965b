"""The classic UI's workflow forms for disclosure items: a refused step shows its rule.

Plone runs transitions from the toolbar through content_status_modify and from the
"advanced" form through folder_publish. Both ask the bureau's rules first, so that a
refusal (e.g. a return without a comment) comes back to the form with the rule's
message instead of an error page or a misleading "state changed".
"""

from gov.infomgmt.content.government_information import IGovernmentInformation
from gov.infomgmt.workflow import rules
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.app.content.browser.folder_publish import FolderPublishView
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate


def refuse_in_form(context, request, workflow_action, comment):
    """Redirect back to the workflow form with the rule's message, or return None."""
    user_id = api.user.get_current().getId()
    refused = rules.refusal(context, workflow_action, user_id, comment=comment)
    if refused is None:
        return None
    IStatusMessage(request).add(
        translate(refused.message, context=request), type="error"
    )
    url = f"{context.absolute_url()}/content_status_history?workflow_action={workflow_action}"
    return request.response.redirect(url)


class DisclosureStatusModifyView(ContentStatusModifyView):
    """content_status_modify (the toolbar's workflow menu) for disclosure items."""

    def __call__(self, workflow_action=None, comment="", **kwargs):
        """Check the bureau's rules first, then transition as Plone does."""
        if workflow_action:
            CheckAuthenticator(self.request)
            refused = refuse_in_form(
                self.context, self.request, workflow_action, comment
            )
            if refused is not None:
                return refused
        return super().__call__(
            workflow_action=workflow_action, comment=comment, **kwargs
        )


class DisclosureFolderPublishView(FolderPublishView):
    """folder_publish (the workflow form with a comment) posted from a disclosure item."""

    def __call__(self, workflow_action=None, paths=None, comment="", **kwargs):
        """Check the bureau's rules on every disclosure item first."""
        if workflow_action and paths:
            CheckAuthenticator(self.request)
            portal = api.portal.get()
            for path in paths:
                obj = portal.restrictedTraverse(path, None)
                if IGovernmentInformation.providedBy(obj):
                    refused = refuse_in_form(
                        obj, self.request, workflow_action, comment
                    )
                    if refused is not None:
                        return refused
        return super().__call__(
            workflow_action=workflow_action, paths=paths, comment=comment, **kwargs
        )
