"""查阅登记簿 of a case file in the classic UI: register a request, decide, see the lines."""

from AccessControl import getSecurityManager
from gov.infomgmt import _
from gov.infomgmt.access import register
from gov.infomgmt.access import rules
from gov.infomgmt.access.messages import SELF_APPROVAL
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Forbidden
from zope.i18n import translate


APPROVE = "gov.infomgmt: Approve access requests"
REGISTER = "gov.infomgmt: Register access requests"
FIELDS = (
    "category",
    "requester_name",
    "requester_userid",
    "organisation",
    "party_name",
    "purpose",
    "scope",
    "mode",
    "loan_due",
)


class AccessRegisterView(BrowserView):
    """The register's form and lines for one case file."""

    index = ViewPageTemplateFile("templates/access_register.pt")

    def __call__(self):
        """Show, register or decide."""
        self.errors = {}
        self.values = {}
        form = self.request.form
        if self.request.method == "POST":
            PostOnly(self.request)
            CheckAuthenticator(self.request)
            if form.get("form.register"):
                return self.register(form)
            if form.get("form.decide"):
                return self.decide(form)
            if form.get("form.return"):
                return self.take_back(form)
        return self.index()

    def register(self, form):
        """Register the submitted request, or show what is wrong field by field."""
        if not self.may_register():
            raise Forbidden("Only the archive and the case officers keep the register.")
        data = {name: (form.get(name) or "").strip() for name in FIELDS}
        data["credentials"] = form.get("credentials") or []
        self.values = data
        try:
            register.register(self.context, data)
        except register.RequestRefused as refused:
            for refusal in refused.refusals:
                self.errors[refusal.field] = translate(
                    refusal.message, context=self.request
                )
            IStatusMessage(self.request).add(
                _("The request was not registered: see the marked fields."),
                type="error",
            )
            return self.index()
        IStatusMessage(self.request).add(
            _("The request is in the register."), type="info"
        )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@access-register"
        )

    def decide(self, form):
        """The leader approves or refuses a pending line."""
        if not getSecurityManager().checkPermission(APPROVE, self.context):
            raise Forbidden("Only the leader in charge decides on access requests.")
        try:
            register.decide(
                self.context,
                int(form.get("request_id")),
                form.get("decision") == "approve",
            )
        except register.SelfApproval:
            IStatusMessage(self.request).add(SELF_APPROVAL, type="error")
        except (LookupError, ValueError):
            IStatusMessage(self.request).add(
                _("This request cannot be decided (any more)."), type="error"
            )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@access-register"
        )

    def take_back(self, form):
        """The archive takes a loan back; the file's integrity is checked at once."""
        if not self.may_register():
            raise Forbidden("Only the archive takes loans back.")
        try:
            _line, mismatches = register.return_loan(
                self.context, int(form.get("request_id"))
            )
        except (LookupError, ValueError):
            IStatusMessage(self.request).add(
                _("This loan cannot be taken back (any more)."), type="error"
            )
        else:
            if mismatches:
                names = "、".join(m.title or m.id for m in mismatches)
                IStatusMessage(self.request).add(
                    _(
                        "Returned, but these documents changed: ${names}",
                        mapping={"names": names},
                    ),
                    type="error",
                )
            else:
                IStatusMessage(self.request).add(
                    _("Returned; the file is intact."), type="info"
                )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@access-register"
        )

    def lines(self):
        """The register lines of this file, newest first."""
        return register.lines(record=self.context.UID())

    def may_register(self):
        """True for the archive keepers and the case officers."""
        return bool(getSecurityManager().checkPermission(REGISTER, self.context))

    def may_decide(self):
        """True for the leader in charge."""
        return bool(getSecurityManager().checkPermission(APPROVE, self.context))

    def options(self, pairs):
        """(value, Chinese title) of a fixed list."""
        return [
            (value, translate(title, context=self.request)) for value, title in pairs
        ]

    def categories(self):
        """Requester categories."""
        return self.options(rules.CATEGORIES)

    def credentials(self):
        """Credentials that can be shown."""
        return self.options(rules.CREDENTIALS)

    def modes(self):
        """Modes of access."""
        return self.options(rules.MODES)

    def scopes(self):
        """Whole file or conclusive documents."""
        return self.options(
            (
                (rules.WHOLE_FILE, _("Whole file")),
                (rules.CONCLUSIVE_ONLY, _("Conclusive documents only")),
            )
        )

    def title_of(self, pairs, value):
        """The Chinese title of a stored value."""
        return dict(self.options(pairs)).get(value, value)
