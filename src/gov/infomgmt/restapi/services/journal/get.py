"""GET @journal (filter, JSON/CSV/Excel) and GET @journal-verify (recompute the chain)."""

from gov.infomgmt.journal.export import COLUMNS
from gov.infomgmt.journal.export import to_csv
from gov.infomgmt.journal.export import to_xlsx
from gov.infomgmt.journal.site import get_journal
from gov.infomgmt.journal.site import verify_site
from plone.restapi.services import Service


FILTERS = ("record", "actor", "action", "start", "end")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class JournalGet(Service):
    """Journal entries filtered by record (UID), person, action and period (ISO dates)."""

    def render(self):
        """CSV and Excel are files, not JSON."""
        fmt = self.request.form.get("format", "json")
        if fmt not in ("csv", "xlsx"):
            return super().render()
        entries = self.entries()
        response = self.request.response
        if fmt == "csv":
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            body = to_csv(entries)
        else:
            response.setHeader("Content-Type", XLSX)
            body = to_xlsx(entries)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="journal.{fmt}"'
        )
        return body

    def entries(self):
        """The entries the filters select."""
        form = self.request.form
        return get_journal().entries(
            **{name: form.get(name) or None for name in FILTERS}
        )

    def reply(self):
        """The entries as JSON."""
        entries = self.entries()
        return {
            "items_total": len(entries),
            "items": [
                {column: getattr(entry, column) for column in COLUMNS}
                for entry in entries
            ],
        }


class JournalVerifyGet(Service):
    """Recompute the chain; name the first broken entry."""

    def reply(self):
        """The verification as JSON; 409 when the chain is broken."""
        result = verify_site(self.context)
        if not result.ok:
            self.request.response.setStatus(409)
        return {
            "ok": result.ok,
            "entries": result.entries,
            "broken_id": result.broken_id,
            "reason": result.reason,
            "code": result.code,
        }
