"""The classic UI's workflow form for disclosure items: a refused step shows its rule."""

from gov.infomgmt.workflow import rules
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate


class DisclosureStatusModifyView(ContentStatusModifyView):
    """content_status_modify that answers a refusal with a message instead of an error page."""

    def __call__(self, workflow_action=None, comment="", **kwargs):
        """Check the bureau's rules first; on refusal go back to the form with the reason."""
        if workflow_action:
            CheckAuthenticator(self.request)
            comment = comment or self.request.form.get("comment", "")
            user_id = api.user.get_current().getId()
            refused = rules.refusal(
                self.context, workflow_action, user_id, comment=comment
            )
            if refused is not None:
                message = translate(refused.message, context=self.request)
                IStatusMessage(self.request).add(message, type="error")
                url = f"{self.context.absolute_url()}/content_status_history"
                return self.request.response.redirect(url)
        return super().__call__(
            workflow_action=workflow_action, comment=comment, **kwargs
        )
