"""POST @journal-anchor: write the journal's head into the site's database (backups, daily)."""

from gov.infomgmt.journal.site import anchor_now
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class JournalAnchorPost(Service):
    """Anchor the head now; `why` (text, optional) says on what occasion."""

    def reply(self):
        """201 with the anchored (entry_id, hash); 400 naming `why` when it is not text."""
        alsoProvides(self.request, IDisableCSRFProtection)  # token-authenticated API
        try:
            body = json_body(self.request)
        except Exception:  # plone.restapi raises a bare DeserializationError
            body = None
        why = body.get("why", "anchor") if isinstance(body, dict) else None
        if not isinstance(why, str) or not why.strip() or len(why) > 200:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "message": "why: a short text (1–200 characters)",
                    "field": "why",
                }
            }
        entry_id, entry_hash = anchor_now(why.strip(), self.context)
        self.request.response.setStatus(201)
        return {"entry_id": entry_id, "hash": entry_hash}
