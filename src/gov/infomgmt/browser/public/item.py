"""The page of one disclosure item: the standard header table, the text, the attachments."""

from gov.infomgmt import _
from gov.infomgmt.deadlines import CLOCK_STATES
from gov.infomgmt.tasks import clock_of_item
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from gov.infomgmt.vocabularies.disclosure import VALIDITY
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


def human_size(size):
    """A file size as people read it."""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


class GovernmentInformationView(BrowserView):
    """政府信息 as Chinese disclosure portals show it: 索引号 … 有效性 above the text."""

    index = ViewPageTemplateFile("templates/item.pt")
    printable = False

    def __call__(self):
        """Render the page."""
        return self.index()

    def entry_clock(self):
        """The entry clock while the signed-off item waits for publication (staff only)."""
        # An item with a running clock is never public; the check keeps it so.
        if api.user.is_anonymous():
            return None
        if api.content.get_state(self.context) not in CLOCK_STATES:
            return None
        return clock_of_item(self.context)

    def header_rows(self):
        """(label, value) of the header table, in the usual order, in Chinese."""
        context = self.context
        generated = (
            context.generation_date.isoformat() if context.generation_date else ""
        )
        rows = [
            (_("Index number"), context.index_number or ""),
            (
                _("Category"),
                translate(
                    dict(CATEGORIES).get(context.category, ""), context=self.request
                ),
            ),
            (_("Issuing organ"), context.issuing_organ or ""),
            (_("Generation date"), generated),
            (_("Document number"), context.document_number or ""),
            (_("Title"), context.Title()),
            (
                _("Validity"),
                translate(
                    dict(VALIDITY).get(context.validity, ""), context=self.request
                ),
            ),
        ]
        return [
            (translate(label, context=self.request), value) for label, value in rows
        ]

    def attachments(self):
        """The files and images inside the item, with format and size."""
        found = []
        for brain in api.content.find(
            context=self.context, depth=1, portal_type=["File", "Image"]
        ):
            obj = brain.getObject()
            blob = getattr(obj, "file", None) or getattr(obj, "image", None)
            if blob is None:
                continue
            filename = blob.filename or obj.getId()
            extension = filename.rsplit(".", 1)[-1].upper() if "." in filename else ""
            field = "file" if brain.portal_type == "File" else "image"
            found.append(
                {
                    "title": brain.Title or filename,
                    "url": f"{brain.getURL()}/@@download/{field}/{filename}",
                    "format": extension,
                    "size": human_size(blob.getSize()),
                }
            )
        return found


class GovernmentInformationPrintView(GovernmentInformationView):
    """The same page for printing: no navigation, a print button."""

    index = ViewPageTemplateFile("templates/item_print.pt")
    printable = True
