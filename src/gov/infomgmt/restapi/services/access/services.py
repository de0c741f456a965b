"""GET/POST @access-requests on a case file, and POST @access-requests/<id>/<decision>."""

from gov.infomgmt.access import register
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


class AccessRequestsGet(Service):
    """The register lines of this case file, newest first."""

    def reply(self):
        """Lines as JSON."""
        lines = register.lines(record=self.context.UID())
        return {"items_total": len(lines), "items": [line.as_dict() for line in lines]}


class AccessRequestsPost(Service):
    """Register a request; 400 naming each field at fault when the rules refuse it."""

    def reply(self):
        """Register and answer 201 with the line."""
        alsoProvides(self.request, IDisableCSRFProtection)  # token-authenticated API
        try:
            line = register.register(self.context, json_body(self.request))
        except register.RequestRefused as refused:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "AccessRequestRefused",
                    "message": "; ".join(
                        translate(r.message, context=self.request)
                        for r in refused.refusals
                    ),
                    "errors": [
                        {
                            "rule": r.rule,
                            "field": r.field,
                            "message": translate(r.message, context=self.request),
                        }
                        for r in refused.refusals
                    ],
                }
            }
        self.request.response.setStatus(201)
        return line.as_dict()


@implementer(IPublishTraverse)
class AccessRequestDecisionPost(Service):
    """POST @access-request-decision/<id>/approve|refuse, by the leader in charge."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        """Collect the request id and the decision from the path."""
        self.params.append(name)
        return self

    def reply(self):
        """Decide; 404 for an unknown line, 409 for one already decided."""
        alsoProvides(self.request, IDisableCSRFProtection)
        if len(self.params) != 2 or self.params[1] not in ("approve", "refuse"):
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "message": "use <id>/approve or <id>/refuse",
                }
            }
        try:
            request_id = int(self.params[0])
        except ValueError:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": "id",
                    "message": "id must be a number",
                }
            }
        days = json_body(self.request).get("valid_days", register.DEFAULT_VALID_DAYS)
        try:
            line = register.decide(
                self.context, request_id, self.params[1] == "approve", days
            )
        except LookupError:
            self.request.response.setStatus(404)
            return {
                "error": {
                    "type": "NotFound",
                    "message": f"no request {request_id} for this file",
                }
            }
        except ValueError as error:
            self.request.response.setStatus(409)
            return {"error": {"type": "Conflict", "message": str(error)}}
        return line.as_dict()


@implementer(IPublishTraverse)
class AccessRequestReturnPost(Service):
    """POST @access-request-return/<id>: the archive takes a loan back and checks the file."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        """Collect the request id from the path."""
        self.params.append(name)
        return self

    def reply(self):
        """Record the return with the integrity check; 404/409 as for decisions."""
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            request_id = int(self.params[0]) if len(self.params) == 1 else None
        except ValueError:
            request_id = None
        if request_id is None:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": "id",
                    "message": "use @access-request-return/<id>",
                }
            }
        try:
            line, mismatches = register.return_loan(self.context, request_id)
        except LookupError:
            self.request.response.setStatus(404)
            return {
                "error": {
                    "type": "NotFound",
                    "message": f"no loan {request_id} for this file",
                }
            }
        except ValueError as error:
            self.request.response.setStatus(409)
            return {"error": {"type": "Conflict", "message": str(error)}}
        return {**line.as_dict(), "mismatches": [m.id for m in mismatches]}


class IntegrityCheckPost(Service):
    """POST @integrity-check: recompute the file's checksums now; 409 naming changed documents."""

    def reply(self):
        """Check, journal (and alert on a mismatch), answer."""
        from gov.infomgmt.enforcement.integrity import verify

        alsoProvides(self.request, IDisableCSRFProtection)
        mismatches = verify(self.context)
        if mismatches:
            self.request.response.setStatus(409)
        return {
            "ok": not mismatches,
            "mismatches": [
                {
                    "id": m.id,
                    "title": m.title,
                    "expected": m.expected,
                    "actual": m.actual,
                }
                for m in mismatches
            ],
        }
