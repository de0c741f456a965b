"""Drop the <meta name="generator"> tag that names the CMS from every page of the site."""

from gov.infomgmt.interfaces import IGovInfomgmtLayer
from plone.transformchain.interfaces import ITransform
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface

import re


GENERATOR_TAG = re.compile(r"""<meta\s+name=["']generator["'][^>]*>\s*""", re.I)


@implementer(ITransform)
@adapter(Interface, IGovInfomgmtLayer)
class DropGeneratorTag:
    """A transform before theming: main_template writes the tag literally, so no viewlet hides it."""

    order = (
        8800  # before plone.app.theming (8850), which copies the head into the theme
    )

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def _is_html(self):
        content_type = self.request.response.getHeader("Content-Type") or ""
        return content_type.startswith("text/html")

    def transformUnicode(self, result, encoding):
        """A page given as text."""
        return GENERATOR_TAG.sub("", result) if self._is_html() else None

    def transformBytes(self, result, encoding):
        """A page given as bytes."""
        if not self._is_html():
            return None
        return GENERATOR_TAG.sub("", result.decode(encoding)).encode(encoding)

    def transformIterable(self, result, encoding):
        """A page given in parts; downloads and other types pass untouched."""
        if not self._is_html():
            return None
        text = "".join(
            part.decode(encoding) if isinstance(part, bytes) else part
            for part in result
        )
        return [GENERATOR_TAG.sub("", text).encode(encoding)]
