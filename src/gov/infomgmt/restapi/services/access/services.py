"""GET/POST @access-requests on a case file, and POST @access-requests/<id>/<decision>."""

from gov.infomgmt.access import register
from gov.infomgmt.access.messages import SELF_APPROVAL
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


def error(request, status, kind, message, field=None):
    """A JSON error with its status, the field named where there is one."""
    request.response.setStatus(status)
    body = {"type": kind, "message": message}
    if field:
        body["field"] = field
    return {"error": body}


@implementer(IPublishTraverse)
class RegisterLineAction(Service):
    """POST @<service>/<id>[/<word>]: an action on one register line of this file."""

    words = ()  # the allowed word after the id; empty: none expected
    usage = ""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        """Collect the line id (and the word) from the path."""
        self.params.append(name)
        return self

    def reply(self):
        """Parse the path, act, and answer 404 or 409 as the register says."""
        alsoProvides(self.request, IDisableCSRFProtection)  # token-authenticated API
        expected = 2 if self.words else 1
        if len(self.params) != expected or (
            self.words and self.params[1] not in self.words
        ):
            return error(self.request, 400, "BadRequest", f"use {self.usage}")
        if not self.params[0].isdigit():
            return error(self.request, 400, "BadRequest", "id must be a number", "id")
        request_id = int(self.params[0])
        try:
            return self.act(request_id, *self.params[1:])
        except register.SelfApproval:
            return error(
                self.request,
                403,
                "SelfApproval",
                translate(SELF_APPROVAL, context=self.request),
                "decided_by",
            )
        except LookupError:
            return error(
                self.request,
                404,
                "NotFound",
                f"no register line {request_id} for this file",
            )
        except ValueError as refusal:
            return error(self.request, 409, "Conflict", str(refusal))


class AccessRequestDecisionPost(RegisterLineAction):
    """POST @access-request-decision/<id>/approve|refuse, by the leader in charge."""

    words = ("approve", "refuse")
    usage = "<id>/approve or <id>/refuse"

    def act(self, request_id, decision):
        """Decide; an approval lasts `valid_days` (7 unless given)."""
        days = json_body(self.request).get("valid_days", register.DEFAULT_VALID_DAYS)
        return register.decide(
            self.context, request_id, decision == "approve", days
        ).as_dict()


class AccessRequestReturnPost(RegisterLineAction):
    """POST @access-request-return/<id>: the archive takes a loan back and checks the file."""

    usage = "@access-request-return/<id>"

    def act(self, request_id):
        """Record the return with the integrity check."""
        line, mismatches = register.return_loan(self.context, request_id)
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
