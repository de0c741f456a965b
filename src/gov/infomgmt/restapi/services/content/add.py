"""POST <folder>: a body that is no JSON object is answered 400, not with a server error."""

from gov.infomgmt import json_bodies
from plone.restapi.services.content.add import FolderPost


# A JSON object whose type, id, title and description are text of a sensible length;
# the other fields are the type's schema to check.
NAMING_FIELDS = {
    "@type": {"type": "string", "maxLength": 100},
    "id": {"type": "string", "maxLength": 100},
    "title": {"type": "string", "maxLength": 500},
    "description": {"type": "string", "maxLength": 2000},
}
ADD_BODY = {"type": "object", "properties": NAMING_FIELDS}


class CheckedFolderPost(FolderPost):
    """plone.restapi's add, after the body is known to be a JSON object."""

    def reply(self):
        """400 naming the body, or the new item as plone.restapi creates it."""
        try:
            json_bodies.read(self.request, ADD_BODY)
        except json_bodies.BadBody as bad:
            return json_bodies.bad_body_reply(self.request, bad)
        return super().reply()
