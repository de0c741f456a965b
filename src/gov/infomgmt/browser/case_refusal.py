"""The answer to a refused door of a case file: a clear page, or 403 JSON for the API."""

from gov.infomgmt.enforcement.gate import case_of
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

import json


class CaseAccessRefusedView(BrowserView):
    """Names the missing approval and points to the file's access register."""

    index = ViewPageTemplateFile("templates/case_refusal.pt")

    def message(self):
        """Why the door stays shut, in Chinese."""
        return translate(self.context.verdict.message, context=self.request)

    def register_url(self):
        """Where a request for this file is registered."""
        return f"{case_of(self.context.obj).absolute_url()}/@@access-register"

    def wants_json(self):
        """API requests and clients that accept JSON only."""
        accept = self.request.get_header("Accept") or ""
        return IAPIRequest.providedBy(self.request) or accept.startswith(
            "application/json"
        )

    def __call__(self):
        """403 with the refusal."""
        response = self.request.response
        response.setStatus(403, lock=True)  # not the 500 of an unknown exception name
        if self.wants_json():
            response.setHeader("Content-Type", "application/json")
            return json.dumps(
                {
                    "type": "Forbidden",
                    "message": self.message(),
                    "missing": self.context.verdict.missing,
                    "door": self.context.door,
                },
                ensure_ascii=False,
            )
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        return self.index()
