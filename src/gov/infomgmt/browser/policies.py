"""The placeful workflow form (状态 → 策略): only the bureau's chains, never halfway through a review.

CMFPlacefulWorkflow's own form binds any policy at once and answers an unknown id with
an error page; here the change goes through gov.infomgmt.workflow.policies, which
refuses it while items below are in review and records it in history and journal.
"""

from gov.infomgmt.workflow import policies
from plone.protect import CheckAuthenticator
from Products.CMFPlacefulWorkflow import browser
from Products.CMFPlacefulWorkflow.browser.views import PlacefulWorkflowConfiguration
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import os


class BureauPlacefulWorkflowConfiguration(PlacefulWorkflowConfiguration):
    """@@placeful-workflow-configuration, changing policies through the bureau's rule."""

    # The form itself is CMFPlacefulWorkflow's: it lists the tool's policies, which
    # are the bureau's alone once the profile has removed Plone's examples.
    index = ViewPageTemplateFile(
        "placeful_workflow_configuration.pt", _prefix=os.path.dirname(browser.__file__)
    )

    def __call__(self):
        """Show the form, or apply a submitted change that the rule allows."""
        form = self.request.form
        if form.get("submit") in (None, "Cancel") or "add_wp_for_type" in form:
            return super().__call__()
        CheckAuthenticator(self.request)
        policy_in = form.get("policy_in") or ""
        policy_below = form.get("policy_below") or ""
        messages = IStatusMessage(self.request)
        refused = policies.refusal(self.context, policy_in, policy_below)
        if refused is not None:
            messages.add(translate(refused.message, context=self.request), "error")
        else:
            policies.change(self.context, policy_in, policy_below)
            messages.add(
                translate(policies.CHANGED_MESSAGE, context=self.request),
                "info",
            )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@placeful-workflow-configuration"
        )
