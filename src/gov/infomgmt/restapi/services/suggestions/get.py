"""GET @disclosure-suggestions?q=…: titles and document numbers of public items for what is typed.

At most eight, best first; ``q`` is required (400 naming it when missing or empty).
"""

from gov.infomgmt import catalogue_search
from plone.restapi.services import Service


class DisclosureSuggestionsGet(Service):
    """Suggestions for the search box, from the public catalogue only."""

    def reply(self):
        """The suggestions for ``q``."""
        text = (self.request.form.get("q") or "").strip()
        if not text:
            self.request.response.setStatus(400)
            return {
                "error": {
                    "type": "BadRequest",
                    "field": "q",
                    "message": "q is required: the words typed so far",
                }
            }
        return {
            "@id": f"{self.context.absolute_url()}/@disclosure-suggestions",
            "q": text,
            "items": catalogue_search.suggestions(text),
        }
